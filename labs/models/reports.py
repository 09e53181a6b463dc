from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.fields import optional_link, optional_rich_text
from home.listings import card_listing
from home.models import ContentPage, SectionIndexPage, visible_page_ids
from labs.blocks import ActionStatus, DiscussedThemeBlock, Horizon, RoadmapActionBlock, Scope


class SessionReportIndexPage(SectionIndexPage):
    """The reports of the Entrelabs workshops."""

    subpage_types = ["labs.SessionReportPage"]
    listing_name = "reports"

    class Meta:
        verbose_name = _("session report index")
        verbose_name_plural = _("session report indexes")

    def reports(self):
        """The live session reports, newest first."""
        return card_listing(SessionReportPage.objects.child_of(self)).order_by("-date")


class SessionReportPage(ContentPage):
    """An Entrelabs workshop: who came, what was discussed and decided, and the action roadmap."""

    number = models.PositiveSmallIntegerField(_("session number"))
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    host = models.CharField(_("host"), max_length=200, blank=True)
    discussed_themes = StreamField([("theme", DiscussedThemeBlock())], verbose_name=_("themes discussed"), blank=True)
    decisions = optional_rich_text(_("decisions"))
    roadmap = StreamField([("action", RoadmapActionBlock())], verbose_name=_("action roadmap"), blank=True)
    next_session_title = models.CharField(_("next session: title"), max_length=200, blank=True)
    next_session_start = models.DateField(_("next session: first day"), null=True, blank=True)
    next_session_end = models.DateField(_("next session: last day"), null=True, blank=True)
    next_session_place = models.CharField(_("next session: place"), max_length=200, blank=True)
    next_session_contact = models.CharField(_("next session: contact"), max_length=200, blank=True)

    content_panels = ContentPage.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("host")]),
        FieldPanel("summary"),
        InlinePanel("participants", label=_("Participants")),
        FieldPanel("discussed_themes"),
        FieldPanel("decisions"),
        FieldPanel("roadmap"),
        MultiFieldPanel(
            [
                FieldPanel("next_session_title"),
                FieldRowPanel([FieldPanel("next_session_start"), FieldPanel("next_session_end")]),
                FieldPanel("next_session_place"),
                FieldPanel("next_session_contact"),
            ],
            heading=_("Next session"),
        ),
        *ContentPage.taxonomy_panels,
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("place"),
        index.SearchField("discussed_themes"),
        index.SearchField("decisions"),
        index.SearchField("roadmap"),
        index.FilterField("date"),
    ]

    parent_page_types = ["labs.SessionReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("session report")
        verbose_name_plural = _("session reports")

    def card_details(self):
        """The line under a report's summary in listings: the day of the session."""
        return date_format(self.date, "DATE_FORMAT")

    def participant_list(self):
        """Participants in the editor's order, each with ``visible_lab``: their lab when any visitor may see it."""
        participants = list(self.participants.select_related("lab"))
        visible = visible_page_ids(participant.lab for participant in participants)
        for participant in participants:
            participant.visible_lab = participant.lab if participant.lab_id in visible else None
        return participants

    def roadmap_table(self):
        """The roadmap for display: the scopes (columns) and, per horizon (row), the actions of each scope,
        each with its status label and the owner labs any visitor may see (one query for the whole roadmap)."""
        cells = {(horizon, scope): [] for horizon in Horizon.values for scope in Scope.values}
        visible = visible_page_ids(lab for block in self.roadmap for lab in block.value["owner_labs"])
        for block in self.roadmap:
            action = block.value
            cells[(action["horizon"], action["scope"])].append(
                {
                    "title": action["title"],
                    "description": action["description"],
                    "status": action["status"],
                    "status_label": ActionStatus(action["status"]).label,
                    "labs": [lab for lab in action["owner_labs"] if lab is not None and lab.pk in visible],
                }
            )
        return {
            "scopes": list(Scope),
            "rows": [
                {
                    "horizon": horizon,
                    "cells": [{"scope": scope, "actions": cells[(horizon.value, scope.value)]} for scope in Scope],
                }
                for horizon in Horizon
            ],
        }


class SessionParticipant(Orderable):
    report = ParentalKey(SessionReportPage, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    lab = optional_link("labs.LabPage", _("lab"), related_name="session_participations")

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("organisation"), FieldPanel("lab")])]

    class Meta(Orderable.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.name
