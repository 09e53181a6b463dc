"""Admin: communicators read who proposed a method through the public form."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from methods.models import MethodProposal


class MethodProposalViewSet(ModelViewSet):
    model = MethodProposal
    icon = "mail"
    menu_label = _("Method proposals")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["page", "contact_email", "submitted_at"]
    search_fields = ["page__title", "contact_email"]
    form_fields = ["contact_email"]
    inspect_view_enabled = True
    inspect_view_fields = ["page", "contact_email", "consented_at", "submitted_at"]


@hooks.register("register_admin_viewset")
def register_method_proposal_viewset():
    return MethodProposalViewSet("method_proposals")
