"""Rich-text page links in the language of the page being read, in a fixed number of queries."""

from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.rich_text.pages import PageLinkHandler


class LocalizedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links (each to the linked page's live translation in the active language,
    else to the page itself), with the translations read in one query: Wagtail's own asks for the
    active Locale once per link (``page.localized``), a query per link."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        linked = [page for page in pages if page is not None]
        locale = Locale.get_active() if linked else None
        elsewhere = [page.translation_key for page in linked if page.locale_id != locale.pk]
        translations = {}
        if elsewhere:
            translations = {
                page.translation_key: page
                for page in Page.objects.filter(translation_key__in=elsewhere, locale=locale)
                .live()
                .only("id", "path", "depth", "url_path", "translation_key", "locale_id")
            }
        return [
            f'<a href="{escape(translations.get(page.translation_key, page).url)}">' if page else "<a>"
            for page in pages
        ]
