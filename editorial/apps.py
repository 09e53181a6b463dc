from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Editorial roles: groups, review workflows, partner labs and what their editors may see."""

    name = "editorial"
    verbose_name = _("Editorial roles and workflows")

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from editorial import signals  # noqa: F401
        from editorial.isolation import AttachOnlyUsableForm
        from editorial.partners import PartnerAwarePagePermissionPolicy
        from home.models.mixins import BasePage

        register_permission_policy(Page, PartnerAwarePagePermissionPolicy(Page))
        # Every page type's form checks the ids of files and pages typed in (as Wagtail sets
        # Page.base_form_class in its own ready()).
        BasePage.base_form_class = AttachOnlyUsableForm
