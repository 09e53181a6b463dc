"""Blocks of the session report: themes discussed and the action roadmap."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES


class Horizon(models.TextChoices):
    NOW = "now", _("Now")
    MONTHS = "months", _("In 6 to 9 months")
    YEARS = "years", _("In 2 years or more")


class Scope(models.TextChoices):
    LAB = "lab", _("Within the lab")
    AUTHORITY = "authority", _("Within the local authority")
    BEYOND = "beyond", _("Beyond")


class ActionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ENGAGED = "engaged", _("Engaged")
    DONE = "done", _("Done")


class ProgressDirectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Direction"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, required=False, label=_("Detail"))

    class Meta:
        icon = "arrow-right"
        label = _("Progress direction")


class DiscussedThemeBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    question = blocks.TextBlock(label=_("The question"))
    discussion = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, required=False, label=_("The discussion"))
    directions = blocks.ListBlock(ProgressDirectionBlock(), default=[], label=_("Progress directions decided"))

    class Meta:
        icon = "openquote"
        label = _("Theme discussed")


class RoadmapActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Action"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    horizon = blocks.ChoiceBlock(choices=Horizon.choices, default=Horizon.NOW, label=_("Horizon"))
    scope = blocks.ChoiceBlock(choices=Scope.choices, default=Scope.LAB, label=_("Scope"))
    status = blocks.ChoiceBlock(choices=ActionStatus.choices, default=ActionStatus.PROPOSED, label=_("Status"))
    owner_labs = blocks.ListBlock(blocks.PageChooserBlock(page_type="labs.LabPage"), default=[], label=_("Owner labs"))

    class Meta:
        icon = "tasks"
        label = _("Action")
