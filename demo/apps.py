from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = _("Demo content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from demo import marks

        marks.connect()
