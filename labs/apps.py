from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabsConfig(AppConfig):
    name = "labs"
    verbose_name = _("Labs, manifestos and workshops")

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from labs import signals  # noqa: F401
        from labs.partners import PartnerAwarePagePermissionPolicy

        register_permission_policy(Page, PartnerAwarePagePermissionPolicy(Page))
