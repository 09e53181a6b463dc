"""Template helpers shared by every public page: navigation, meta tags, labels."""

from django import template
from django.conf import settings
from django.template.defaulttags import querystring
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, Site

from home import navigation, pagination

register = template.Library()

SITE_NAME = "Entrelabs"


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The header's sections, the footer's links and the current page's ancestors."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    nav = {"home": None, "sections": [], "footer": [], "ancestors": [], "current_section": None}
    if site is None:
        return nav
    nav.update(navigation.site_links(site, request))
    page = context.get("page")
    # The home page of the page's language (a translation of the site's root, at its depth).
    home_paths = {site.root_page.path, nav["home"]["path"] if nav["home"] else site.root_page.path}
    home_path_length = len(site.root_page.path)
    if isinstance(page, Page) and page.path[:home_path_length] in home_paths and page.depth > site.root_page.depth:
        nav["ancestors"] = navigation.ancestors(page, site.root_page)
        nav["current_section"] = page.path[: home_path_length + Page.steplen]
    return nav


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Title, description, canonical URL, OpenGraph type and image of the page being shown."""
    request = context.get("request")
    page = context.get("page")
    site_description = str(settings.SITE_DESCRIPTION)
    if isinstance(page, Page):
        title = page.seo_title or page.title
        description = getattr(page, "meta_description", "") or page.search_description or site_description
        canonical = page.get_full_url(request)
        image = getattr(page, "share_image", None)
        og_type = "article" if hasattr(page, "themes") else "website"
    else:
        title = context.get("meta_title") or SITE_NAME
        description = context.get("meta_description") or site_description
        canonical = root_url(request) + request.path if request else ""
        image = None
        og_type = "website"
    full_title = title if title == SITE_NAME else f"{title} · {SITE_NAME}"
    return {
        "title": title,
        "full_title": full_title,
        "description": description,
        "canonical": canonical,
        "image": image,
        "og_type": og_type,
    }


def root_url(request):
    """The site's configured root URL (not the request's Host header), e.g. "https://entrelabs.fr"."""
    site = Site.find_for_request(request) if request else None
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


@register.filter
def absolute(url, request):
    """An absolute URL for a path, on the site's root URL."""
    if not url or request is None or url.startswith(("http://", "https://")):
        return url
    return root_url(request) + url


@register.filter
def as_requested(url, request):
    """An absolute URL on the scheme and host the reader used (validated by ALLOWED_HOSTS): a card
    printed from https://entrelabs.example shows that address, whatever the site's root URL says."""
    if not url or request is None:
        return url
    return request.build_absolute_uri(url)


# The network's page types drawn with a shared pictogram (docs/design.md, Pictograms).
PICTOGRAM_OF_KIND = {
    "agendapage": "event",
    "eventpage": "event",
    "newspage": "news",
    "ecosystemmappage": "map",
    "roadmappage": "roadmap",
}


@register.filter
def page_kind(page):
    """The pictogram name of a page's type ("methodpage"; an index page takes its children's), read without a query."""
    model = page.specific_class or type(page)
    return pictogram_of_kind(model._meta.model_name.replace("indexpage", "page"))


def pictogram_of_kind(kind):
    """The pictogram of a page type's model name ("eventpage" is drawn as "event")."""
    return PICTOGRAM_OF_KIND.get(kind, kind)


@register.filter
def type_label(page):
    """The page type's name for listings (e.g. "Méthode"), read without a query."""
    model = page.specific_class or type(page)
    return model._meta.verbose_name.capitalize()


def file_size(size):
    """A file size as French readers write it: "12 ko", "1,5 Mo"."""
    if size < 1024:
        return ngettext("%(size)d byte", "%(size)d bytes", size) % {"size": size}
    if size < 1024 * 1024:
        unit, value = _("%(size)s KB"), size / 1024
    else:
        unit, value = _("%(size)s MB"), size / (1024 * 1024)
    value = round(value) if value >= 10 else round(value, 1)
    if value == int(value):
        value = int(value)
    return unit % {"size": number_format(value)}


@register.filter
def document_format(document):
    """ "PDF, 12 KB": the format and size of a download, from Wagtail's stored file size."""
    extension = (document.file_extension or "").upper()
    size = document.get_file_size()
    if size is None:
        return extension
    return _("%(format)s, %(size)s") % {"format": extension, "size": file_size(size)}


@register.filter
def page_numbers(page):
    """The page numbers a list's pagination links (``home.pagination.page_numbers``)."""
    return pagination.page_numbers(page)


@register.simple_tag(takes_context=True)
def page_query(context, page, number):
    """The query string of page ``number`` of ``page``'s list, the other parameters (filters, the
    other list's page) kept."""
    return querystring(context, **{getattr(page, "query_parameter", "page"): number})
