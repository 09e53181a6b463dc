from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), help_text=_("Starts with a verb, e.g. 'Share the findings'."))
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), help_text=_("What the facilitator does, and for how long.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class ModuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    duration_hours = blocks.DecimalBlock(min_value=0, max_digits=5, decimal_places=1, label=_("Duration (hours)"))
    objectives = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Objectives"))
    methods = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="methods.MethodPage"), default=[], label=_("Methods taught")
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Module")
