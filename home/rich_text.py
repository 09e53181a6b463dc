"""Internal page links in rich text, resolved without loading each linked page's specific type."""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler


class PlainPageLinkHandler(PageLinkHandler):
    """Wagtail's handler runs one query per type of linked page (``.specific()``) for every rich
    text field; a link only needs the page's URL, which the generic page row holds."""

    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = Page.objects.filter(id__in=ids).only("id", "path", "depth", "url_path", "locale_id", "live")
        by_id = {str(page.id): page for page in pages}
        return [by_id.get(str(id_)) for id_ in ids]
