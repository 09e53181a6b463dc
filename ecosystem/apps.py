from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "ecosystem"
    verbose_name = _("Ecosystem map")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from ecosystem import roles
        from ecosystem.models import Actor, ActorKind
        from home import index_urls

        index_urls.forget_when_saved(Actor, ActorKind)  # a lab's actors (ecosystem/caching.py)
        post_migrate.connect(roles.setup_after_migrate, sender=self, dispatch_uid="ecosystem-roles")
        post_save.connect(roles.new_group_saved, sender="auth.Group", dispatch_uid="ecosystem-new-group")
