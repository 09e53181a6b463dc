"""Admin: communicators read who proposed a method through the public form, linked both ways with
the draft it created, times in the site's time zone (Europe/Paris)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from methods.models import MethodProposal, ProposalStatus
from methods.proposals import decide_proposal, default_decision_message


def local_datetime(value):
    """The date and time in the site's time zone (Europe/Paris) in the list and the detail alike."""
    return formats.date_format(timezone.localtime(value), "j F Y, H:i")


def draft_link(proposal):
    return format_html(
        '<a href="{}">{}</a>', reverse("wagtailadmin_pages:edit", args=(proposal.page_id,)), proposal.page.title
    )


def mailto_link(proposal):
    return format_html('<a href="mailto:{0}">{0}</a>', proposal.contact_email)


def describe_decision(proposal):
    """The proposal's state in words: "Acceptée le 1 décembre 2026, 10:40 par Camille Durand"."""
    if proposal.status == ProposalStatus.PENDING or proposal.decided_at is None:
        return proposal.get_status_display()
    by = proposal.decided_by
    return _("%(state)s on %(when)s by %(who)s") % {
        "state": proposal.get_status_display(),
        "when": local_datetime(proposal.decided_at),
        "who": (by.get_full_name() or by.email or by.get_username()) if by else _("a communicator"),
    }


class MethodProposalInspectView(InspectView):
    def get_page_display_value(self):
        return draft_link(self.object)

    def get_contact_email_display_value(self):
        return format_html("{} — {}", mailto_link(self.object), _("a member of the public, through the public form"))

    def get_consented_at_display_value(self):
        return local_datetime(self.object.consented_at)

    def get_submitted_at_display_value(self):
        return local_datetime(self.object.submitted_at)

    def get_status_display_value(self):
        return describe_decision(self.object)

    @cached_property
    def header_buttons(self):
        if self.object.status != ProposalStatus.PENDING or not self.permission_policy.user_has_permission(
            self.request.user, "change"
        ):
            return []
        return [
            HeaderButton(label, reverse("method_proposals:decide", args=(self.object.pk, status)), icon_name=icon)
            for status, label, icon in (
                (ProposalStatus.ACCEPTED, _("Accept"), "check"),
                (ProposalStatus.DECLINED, _("Decline"), "cross"),
            )
        ]


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message to the proposer"),
        help_text=gettext_lazy("Sent by e-mail to the proposer as you write it here."),
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": gettext_lazy("Write the message the proposer will receive.")},
    )


class DecideProposalView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Accept or decline a proposal with a message that the proposer receives by e-mail."""

    model = MethodProposal
    permission_required = "change"
    form_class = DecisionForm
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "mail"

    def dispatch(self, request, pk, status):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied  # before anything about the proposal is read
        self.proposal = get_object_or_404(MethodProposal.objects.select_related("page"), pk=pk)
        if status not in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
            raise Http404
        self.status = status
        if self.proposal.status != ProposalStatus.PENDING:
            messages.error(
                request,
                _("This proposal was already answered: %(state)s.") % {"state": describe_decision(self.proposal)},
            )
            return redirect("method_proposals:inspect", pk)
        return super().dispatch(request, pk, status)

    def get_page_title(self):
        return _("Accept the proposal") if self.status == ProposalStatus.ACCEPTED else _("Decline the proposal")

    def get_page_subtitle(self):
        return self.proposal.page.title

    def get_initial(self):
        user = self.request.user
        return {"message": default_decision_message(self.proposal, self.status, user.get_full_name() or user.email)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = (
            _("Accept and send the message")
            if self.status == ProposalStatus.ACCEPTED
            else _("Decline and send the message")
        )
        return context

    def form_valid(self, form):
        decide_proposal(self.proposal, self.status, form.cleaned_data["message"], self.request.user)
        messages.success(
            self.request,
            _("%(state)s: the message was sent to %(email)s.")
            % {"state": describe_decision(self.proposal), "email": self.proposal.contact_email},
        )
        return redirect("method_proposals:inspect", self.proposal.pk)


class MethodProposalIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "decided_by")


class MethodProposalViewSet(ModelViewSet):
    model = MethodProposal
    icon = "mail"
    menu_label = gettext_lazy("Method proposals")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        Column("page", label=gettext_lazy("Draft method"), accessor=draft_link),
        Column("contact_email", label=gettext_lazy("Proposed by (public)"), accessor=mailto_link),
        Column("submitted_at", label=gettext_lazy("Sent on"), accessor=lambda p: local_datetime(p.submitted_at)),
        Column("status", label=gettext_lazy("State"), accessor=describe_decision),
    ]
    search_fields = ["page__title", "contact_email"]
    form_fields = ["contact_email"]
    index_view_class = MethodProposalIndexView
    inspect_view_enabled = True
    inspect_view_class = MethodProposalInspectView
    inspect_view_fields = ["page", "contact_email", "consented_at", "submitted_at", "status", "decision_message"]

    def get_urlpatterns(self):
        decide = DecideProposalView.as_view()
        return super().get_urlpatterns() + [path("decide/<int:pk>/<str:status>/", decide, name="decide")]


@hooks.register("register_admin_viewset")
def register_method_proposal_viewset():
    return MethodProposalViewSet("method_proposals")


@hooks.register("before_edit_page")
def say_the_draft_comes_from_the_public(request, page):
    """On the edit page of a proposed method: who proposed it (mailto) and a link to the proposal."""
    if request.method != "GET":
        return
    proposal = MethodProposal.objects.filter(page_id=page.pk).first()
    if proposal is None:
        return
    messages.info(
        request,
        format_html(
            '{} <a href="mailto:{}">{}</a> — <a href="{}">{}</a>',
            _("Proposed by a member of the public:"),
            proposal.contact_email,
            proposal.contact_email,
            reverse("method_proposals:inspect", args=(proposal.pk,)),
            _("see the proposal"),
        ),
    )
