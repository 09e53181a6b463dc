"""The site's header sections, footer links and footer settings, cached until a page, a view
restriction or the site settings change."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models.mixins import RESTRICTED_SECTIONS_CACHE_KEY, public_pages

CACHE_KEY = "portal:navigation:{site_id}:{language}"


def _link(page, request):
    return {"pk": page.pk, "title": page.title, "slug": page.slug, "url": page.get_url(request), "path": page.path}


def site_links(site, request):
    """{"home", "sections", "footer", "contact_email", "footer_text"}: the site's home page in the
    current language, the header's sections (its children marked "show in menus", in tree order),
    the footer's links (chosen in the site settings; each in the current language when translated)
    and the settings' texts, as plain dicts; a few queries, then cached per language until a page, a
    view restriction or the settings change."""
    from home.models import SiteSettings

    key = CACHE_KEY.format(site_id=site.pk, language=translation.get_language())
    links = cache.get(key)
    if links is not None:
        return links
    home = site.root_page.localized
    site_settings = SiteSettings.for_site(site)
    chosen = [block.value for block in site_settings.footer_links if block.value is not None]
    footer_ids = [page.pk for page in chosen]
    pages = (
        public_pages(all_locales=True)
        .filter(
            Q(pk=home.pk)
            | Q(depth=home.depth + 1, path__startswith=home.path, show_in_menus=True)
            | Q(pk__in=footer_ids)
            | Q(translation_key__in=[page.translation_key for page in chosen], locale_id=home.locale_id)
        )
        .only(
            "id", "title", "slug", "url_path", "path", "depth", "show_in_menus", "live", "locale_id", "translation_key"
        )
        .order_by("path")
    )
    links = {"home": None, "sections": [], "footer": []}
    footer = {}
    for page in pages:
        if page.pk == home.pk:
            links["home"] = _link(page, request)
        elif page.depth == home.depth + 1 and page.show_in_menus and page.path.startswith(home.path):
            links["sections"].append(_link(page, request))
        footer[page.translation_key, page.locale_id] = _link(page, request)
    for page in chosen:
        link = footer.get((page.translation_key, home.locale_id)) or footer.get((page.translation_key, page.locale_id))
        if link is not None:
            links["footer"].append(link)
    links["contact_email"] = site_settings.contact_email
    links["footer_text"] = site_settings.footer_text
    cache.set(key, links, 60 * 60)
    return links


def ancestors(page, home):
    """The page's ancestors from the home page down (the breadcrumbs). ``get_parent()`` costs no
    query on a page that Wagtail routed (it keeps each parent it walked through)."""
    chain = []
    current = page
    while current.depth > home.depth:
        current = current.get_parent()
        chain.append(current)
    return list(reversed(chain))


def clear(**kwargs):
    """Forget the cached links of every site."""
    from wagtail.models import Site

    cache.delete_many(
        [
            CACHE_KEY.format(site_id=pk, language=language)
            for pk in Site.objects.values_list("pk", flat=True)
            for language, _name in settings.LANGUAGES
        ]
    )


def _page_changed(sender, instance=None, **kwargs):
    from wagtail.models import PageViewRestriction

    from home.models import SiteSettings

    # A view restriction hides its page (and the pages below it) from the navigation too.
    if isinstance(instance, Page | PageViewRestriction | SiteSettings):
        clear()
    if isinstance(instance, PageViewRestriction):
        cache.delete(RESTRICTED_SECTIONS_CACHE_KEY)


def connect():
    post_save.connect(_page_changed, dispatch_uid="portal-navigation-save")
    post_delete.connect(_page_changed, dispatch_uid="portal-navigation-delete")
    page_published.connect(_page_changed, dispatch_uid="portal-navigation-publish")
    page_unpublished.connect(_page_changed, dispatch_uid="portal-navigation-unpublish")
    post_page_move.connect(_page_changed, dispatch_uid="portal-navigation-move")
