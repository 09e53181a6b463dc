"""The admin dashboard per role, and the reviewer's comment on the edit page.

A partner editor sees first where to write (a method, a project, their lab's page), then their
pages in review and the changes asked of them. A communicator sees what waits for their review,
oldest first (public proposals marked as such), the partner labs whose page is not published
yet, and what was published recently.
"""

from django.contrib import messages
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type

from editorial.partners import COMMUNICATORS, is_partner_editor, partner_lab_paths

RECENTLY_PUBLISHED_COUNT = 8
# Wagtail's panel of one's own pages in review, which ours replaces (newest first, state in jargon).
# Communicators keep Wagtail's "awaiting your review" panel for its approve and reject buttons.
REPLACED_PANELS = {"user_objects_in_workflow_moderation"}


def person_name(user):
    """How a person is named to another: their full name, else their e-mail or username."""
    if user is None:
        return _("a communicator")
    return user.get_full_name() or user.email or user.get_username()


def local_datetime(value):
    """A date and time in the site's time zone (Europe/Paris), in words: "1 décembre 2026 à 10:40"."""
    value = timezone.localtime(value)
    return _("%(date)s at %(time)s") % {
        "date": formats.date_format(value, "j F Y"),
        "time": formats.time_format(value, "H:i"),
    }


def is_communicator(user):
    return user.is_superuser or user.groups.filter(name=COMMUNICATORS).exists()


def changes_requested(page):
    """The task state in which a reviewer asked for changes on the page, or None."""
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .first()
    )
    return state.current_task_state if state else None


def describe_changes_requested(task_state):
    """Who asked for changes and when, in a sentence, e.g. for the top of the edit page."""
    return _("%(reviewer)s asked for changes on %(when)s.") % {
        "reviewer": person_name(task_state.finished_by),
        "when": local_datetime(task_state.finished_at),
    }


def _pages_of(states):
    ids = [int(state.object_id) for state in states]
    return Page.objects.filter(pk__in=ids).specific().in_bulk()


class UserPanel(Component):
    """A panel of the admin's home page, built for the signed-in user."""

    def __init__(self, user):
        self.user = user


class PartnerStartPanel(UserPanel):
    """The three places a partner editor writes in, with direct links."""

    template_name = "wagtailadmin/home/editorial_partner_start.html"
    order = 10

    def get_context_data(self, parent_context=None):
        from labs.models import LabPage
        from methods.models import MethodIndexPage

        labs = list(LabPage.objects.filter(path__in=partner_lab_paths(self.user)).order_by("path"))
        method_index = MethodIndexPage.objects.first()
        return {
            "add_method_url": (
                reverse("wagtailadmin_pages:add", args=("methods", "methodpage", method_index.pk))
                if method_index
                else ""
            ),
            "labs": [
                {
                    "lab": lab,
                    "add_project_url": reverse("wagtailadmin_pages:add", args=("labs", "projectpage", lab.pk)),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=(lab.pk,)),
                }
                for lab in labs
            ],
            "login": self.user.email or self.user.get_username(),
        }


class PartnerReviewsPanel(UserPanel):
    """The editor's pages in review, with their state in words, and the changes asked of them."""

    template_name = "wagtailadmin/home/editorial_partner_reviews.html"
    order = 20

    def get_context_data(self, parent_context=None):
        owned = Page.objects.filter(owner=self.user).values_list("pk", flat=True)
        states = list(
            WorkflowState.objects.active()
            .filter(base_content_type=get_default_page_content_type())
            .filter(Q(requested_by=self.user) | Q(object_id__in=[str(pk) for pk in owned]))
            .select_related("current_task_state__task", "current_task_state__finished_by")
            .order_by("current_task_state__started_at")
        )
        pages = _pages_of(states)
        in_review, changes = [], []
        for state in states:
            page = pages.get(int(state.object_id))
            if page is None:
                continue
            task_state = state.current_task_state
            item = {"page": page, "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,))}
            if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                item["who_when"] = describe_changes_requested(task_state)
                item["comment"] = task_state.comment
                changes.append(item)
            else:
                item["state"] = _("Waiting for review (%(task)s) since %(when)s.") % {
                    "task": task_state.task.name,
                    "when": local_datetime(task_state.started_at),
                }
                in_review.append(item)
        return {"in_review": in_review, "changes": changes}


class ReviewQueuePanel(UserPanel):
    """What waits for the communicator's review, oldest first, public proposals marked."""

    template_name = "wagtailadmin/home/editorial_review_queue.html"
    order = 10

    def get_context_data(self, parent_context=None):
        from labs.models import LabPage
        from methods.models import MethodProposal

        task_states = list(
            TaskState.objects.reviewable_by(self.user)
            .select_related("workflow_state__requested_by", "task", "revision__user")
            .order_by("started_at")
        )
        pages = _pages_of([state.workflow_state for state in task_states])
        proposals = {proposal.page_id: proposal for proposal in MethodProposal.objects.filter(page_id__in=list(pages))}
        waiting = []
        for task_state in task_states:
            page = pages.get(int(task_state.workflow_state.object_id))
            if page is None:
                continue
            proposal = proposals.get(page.pk)
            requested_by = task_state.workflow_state.requested_by
            waiting.append(
                {
                    "page": page,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "since": local_datetime(task_state.started_at),
                    "task": task_state.task.name,
                    "proposal": proposal,
                    "proposal_url": (
                        reverse("method_proposals:inspect", args=(proposal.pk,)) if proposal is not None else ""
                    ),
                    "submitted_by": person_name(requested_by) if requested_by else "",
                }
            )
        unpublished_labs = [
            {"lab": lab, "edit_url": reverse("wagtailadmin_pages:edit", args=(lab.pk,))}
            for lab in LabPage.objects.filter(live=False).order_by("first_published_at", "path")
        ]
        return {"waiting": waiting, "unpublished_labs": unpublished_labs}


class RecentlyPublishedPanel(Component):
    """The pages published most recently, so communicators see what went out."""

    template_name = "wagtailadmin/home/editorial_recently_published.html"
    order = 30

    def get_context_data(self, parent_context=None):
        pages = (
            Page.objects.live()
            .filter(depth__gt=2, last_published_at__isnull=False)
            .order_by("-last_published_at")[:RECENTLY_PUBLISHED_COUNT]
        )
        return {
            "published": [
                {
                    "page": page,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "when": local_datetime(page.last_published_at),
                }
                for page in pages
            ]
        }


@hooks.register("construct_homepage_panels")
def dashboard_per_role(request, panels):
    user = request.user
    if is_partner_editor(user):
        panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
        panels += [PartnerStartPanel(user), PartnerReviewsPanel(user)]
    elif is_communicator(user):
        panels += [ReviewQueuePanel(user), RecentlyPublishedPanel()]


@hooks.register("before_edit_page")
def show_changes_requested(request, page):
    """At the top of the edit page: who asked for changes, when, and their comment in full."""
    if request.method != "GET":
        return
    task_state = changes_requested(page)
    if task_state is None:
        return
    text = describe_changes_requested(task_state)
    if task_state.comment:
        text = _("%(who_when)s Their comment: “%(comment)s”") % {"who_when": text, "comment": task_state.comment}
    messages.warning(request, text)
