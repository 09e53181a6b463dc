"""The sitemap: Wagtail's, over the site's home page in every language."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PagesInEveryLanguage(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_home = Q()
        for home in homes.only("path"):
            in_a_home |= Q(path__startswith=home.path)
        # An alias (the copy Wagtail makes of an untranslated parent) repeats its source's content.
        return (
            Page.objects.filter(in_a_home, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
