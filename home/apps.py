from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site and themes")

    def ready(self):
        from home import index_urls
        from home.models import SiteSettings

        index_urls.connect()
        # The footer's links and texts (home/navigation.py).
        index_urls.forget_when_saved(SiteSettings, when_created=False)
