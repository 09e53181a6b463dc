from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site and themes")

    def ready(self):
        from home import index_urls, translation_links

        # One set of handlers forgets every cached fragment (home/navigation.py's included).
        index_urls.connect()
        # A page translated links the translations of the pages it links to.
        translation_links.connect()
