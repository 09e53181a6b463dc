from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.stream_block import StreamBlockAdapter

from home.blocks import RICH_TEXT_FEATURES


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), help_text=_("Starts with a verb, e.g. 'Share the findings'."))
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), help_text=_("What the facilitator does, and for how long.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepsBlock(blocks.StreamBlock):
    """A method card's steps, whose add buttons say "Add a step" (Wagtail's say "Insert a block")."""

    step = StepBlock()

    class Meta:
        add_button_label = _("Add a step")


class StepsBlockAdapter(StreamBlockAdapter):
    """Wagtail's StreamBlock in the editor, with the add buttons' label of the block's Meta."""

    js_constructor = "methods.blocks.StepsBlock"

    def js_args(self, block):
        name, child_blocks, child_states, meta = super().js_args(block)
        return [name, child_blocks, child_states, {**meta, "addButtonLabel": str(block.meta.add_button_label)}]

    @cached_property
    def media(self):
        return super().media + forms.Media(js=["methods/js/steps-block.js"])


register(StepsBlockAdapter(), StepsBlock)


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
