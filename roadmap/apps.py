from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoadmapConfig(AppConfig):
    name = "roadmap"
    verbose_name = _("Roadmap")

    def ready(self):
        from django.db.models.signals import post_migrate

        from roadmap.models import grant_communicators

        post_migrate.connect(grant_communicators, sender=self, dispatch_uid="roadmap-communicators")
