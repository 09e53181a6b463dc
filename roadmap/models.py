"""The roadmap followed across sessions: each action of a session report's roadmap (a StreamField
block of labs.SessionReportPage, referenced by its block id) can get the pages that carry it out,
the action of a later session that continues it, and dated status changes."""

from django import forms
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from home.fields import optional_link
from home.models import SectionIndexPage, visible_page_ids
from labs.blocks import ActionStatus, Horizon, Scope
from labs.models import SessionReportPage

COMMUNICATORS = "Communicants"  # the editorial app's group (a layer above: named, not imported)


def report_actions(reports):
    """(report, block) for every roadmap action of ``reports``, read from the raw StreamField data
    (no query: the owner labs chosen in the blocks are not loaded)."""
    for report in reports:
        for block in report.roadmap.raw_data:
            if block["type"] == "action":
                yield report, block


def action_choices():
    """The roadmap actions of every session report, for the admin: (block id, "Report — action")."""
    reports = SessionReportPage.objects.order_by("date").only("id", "title", "roadmap", "path", "depth")
    return [(block["id"], f"{report.title} — {block['value']['title']}") for report, block in report_actions(reports)]


class RoadmapActionForm(WagtailAdminModelForm):
    block_id = forms.ChoiceField(label=_("Action of a session report"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block_id"].choices = [("", "---------"), *action_choices()]


class RoadmapAction(ClusterableModel):
    """The follow-up of one roadmap action: what carries it out, what continues it, its history."""

    report = models.ForeignKey(
        "labs.SessionReportPage", verbose_name=_("session report"), on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(_("action"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=255, editable=False)
    carried_out_by = ParentalManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("pages that carry it out"),
        blank=True,
        related_name="+",
        help_text=_("Projects, events, manifestos, methods…"),
    )
    continued_by = optional_link(
        "self",
        _("continued by"),
        related_name="continues",
        help_text=_("The action of a later session that takes this one further."),
    )

    base_form_class = RoadmapActionForm
    panels = [
        FieldPanel("block_id"),
        FieldPanel("carried_out_by"),
        FieldPanel("continued_by"),
        InlinePanel("status_changes", label=_("Status changes")),
    ]

    class Meta:
        ordering = ["report__date", "title"]
        verbose_name = _("roadmap follow-up")
        verbose_name_plural = _("roadmap follow-ups")

    def __str__(self):
        return f"{self.report.title} — {self.title}" if self.report_id else self.title

    def clean(self):
        super().clean()
        reports = SessionReportPage.objects.only("id", "title", "roadmap", "path", "depth")
        for report, block in report_actions(reports if self.block_id else []):
            if block["id"] == self.block_id:
                self.report, self.title = report, block["value"]["title"][:255]
        if not self.title:
            raise ValidationError({"block_id": _("Choose an action of a session report's roadmap.")})
        if self.continued_by_id and self.continued_by_id == self.pk:
            raise ValidationError({"continued_by": _("An action cannot continue itself.")})


class RoadmapStatusChange(Orderable):
    action = ParentalKey(RoadmapAction, on_delete=models.CASCADE, related_name="status_changes")
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class RoadmapPage(SectionIndexPage):
    """ "Feuille de route": every session's actions by status, with what carries them out and their history."""

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")

    def actions_by_status(self):
        """[{"status", "label", "actions": [...]}] for Proposed, Engaged, Done; each action a dict with
        its report, horizon and scope, the public pages that carry it out, its continuation and history."""
        reports = list(
            SessionReportPage.objects.public_live()
            .order_by("date")
            .only("id", "title", "date", "roadmap", "url_path", "path", "depth")
        )
        follow_ups = {
            action.block_id: action
            for action in RoadmapAction.objects.filter(report__in=reports)
            .select_related("continued_by__report")
            .prefetch_related("status_changes", "carried_out_by")
        }
        linked = [page for action in follow_ups.values() for page in action.carried_out_by.all()]
        linked += [action.continued_by.report for action in follow_ups.values() if action.continued_by]
        visible = visible_page_ids(linked)
        groups = {status: [] for status in ActionStatus.values}
        for report, block in report_actions(reports):
            value = block["value"]
            follow_up = follow_ups.get(block["id"])
            continuation = follow_up.continued_by if follow_up else None
            history = sorted(follow_up.status_changes.all(), key=lambda change: change.date) if follow_up else []
            status = history[-1].status if history else value.get("status", ActionStatus.PROPOSED)
            groups.setdefault(status, []).append(
                {
                    "title": value["title"],
                    "description": value.get("description", ""),
                    "report": report,
                    "horizon": Horizon(value["horizon"]).label if value.get("horizon") in Horizon.values else "",
                    "scope": Scope(value["scope"]).label if value.get("scope") in Scope.values else "",
                    "pages": [
                        page for page in (follow_up.carried_out_by.all() if follow_up else []) if page.pk in visible
                    ],
                    "continued_by": continuation if continuation and continuation.report_id in visible else None,
                    "history": [
                        {"date": change.date, "label": ActionStatus(change.status).label, "note": change.note}
                        for change in history
                    ],
                }
            )
        return [
            {"status": status, "label": ActionStatus(status).label, "actions": groups[status]}
            for status in ActionStatus.values
        ]


def grant_communicators(**kwargs):
    """Communicators manage the follow-ups (the group comes from the editorial app's migration)."""
    permissions = Permission.objects.filter(
        content_type__app_label="roadmap",
        codename__in=["add_roadmapaction", "change_roadmapaction", "delete_roadmapaction"],
    )
    for group in Group.objects.filter(name=COMMUNICATORS):
        group.permissions.add(*permissions)
