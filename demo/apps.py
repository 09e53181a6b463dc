from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = _("Demo content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from demo.models import DemoProvenance
        from home import index_urls

        index_urls.forget_when_saved(DemoProvenance)  # the "Contenu d'exemple" marks (demo/marks.py)
