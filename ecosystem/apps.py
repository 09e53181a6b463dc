from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "ecosystem"
    verbose_name = _("Ecosystem map")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from ecosystem import caching, roles

        caching.connect()
        post_migrate.connect(roles.setup_after_migrate, sender=self, dispatch_uid="ecosystem-roles")
        post_save.connect(roles.new_group_saved, sender="auth.Group", dispatch_uid="ecosystem-new-group")
