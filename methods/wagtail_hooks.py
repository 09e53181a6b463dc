"""Admin: communicators read who proposed a method through the public form, linked both ways with
the draft it created, times in the site's time zone (Europe/Paris)."""

from django.contrib import messages
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from methods.models import MethodProposal


def local_datetime(value):
    """The date and time in the site's time zone (Europe/Paris) in the list and the detail alike."""
    return formats.date_format(timezone.localtime(value), "j F Y, H:i")


def draft_link(proposal):
    return format_html(
        '<a href="{}">{}</a>', reverse("wagtailadmin_pages:edit", args=(proposal.page_id,)), proposal.page.title
    )


def mailto_link(proposal):
    return format_html('<a href="mailto:{0}">{0}</a>', proposal.contact_email)


class MethodProposalInspectView(InspectView):
    def get_page_display_value(self):
        return draft_link(self.object)

    def get_contact_email_display_value(self):
        return format_html("{} — {}", mailto_link(self.object), _("a member of the public, through the public form"))

    def get_consented_at_display_value(self):
        return local_datetime(self.object.consented_at)

    def get_submitted_at_display_value(self):
        return local_datetime(self.object.submitted_at)


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
    ]
    search_fields = ["page__title", "contact_email"]
    form_fields = ["contact_email"]
    inspect_view_enabled = True
    inspect_view_class = MethodProposalInspectView
    inspect_view_fields = ["page", "contact_email", "consented_at", "submitted_at"]


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
