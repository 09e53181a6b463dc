"""The site's header sections, footer links and footer settings, cached until a page, a view
restriction or the site settings change."""

from django.db.models import Q

from home.index_urls import until_pages_change
from home.models.mixins import public_pages


def _link(page, request):
    return {"pk": page.pk, "title": page.title, "slug": page.slug, "url": page.get_url(request), "path": page.path}


def site_links(site, request):
    """{"home", "sections", "footer", "contact_email", "footer_text"}: the site's home page, the
    header's sections (the home page's children marked "show in menus", in tree order), the
    footer's links (chosen in the site settings) and the settings' texts, as plain dicts; three
    queries, then cached until a page, a view restriction or the settings change."""
    return until_pages_change(f"navigation:{site.pk}", lambda: _site_links(site, request))


def _site_links(site, request):
    from home.models import SiteSettings

    home = site.root_page
    site_settings = SiteSettings.for_site(site)
    footer_ids = [block.value.pk for block in site_settings.footer_links if block.value is not None]
    pages = (
        public_pages()
        .filter(
            Q(pk=home.pk)
            | Q(depth=home.depth + 1, path__startswith=home.path, show_in_menus=True)
            | Q(pk__in=footer_ids)
        )
        .only("id", "title", "slug", "url_path", "path", "depth", "show_in_menus", "live", "locale_id")
        .order_by("path")
    )
    links = {"home": None, "sections": [], "footer": []}
    footer = {}
    for page in pages:
        if page.pk == home.pk:
            links["home"] = _link(page, request)
        elif page.depth == home.depth + 1 and page.show_in_menus and page.path.startswith(home.path):
            links["sections"].append(_link(page, request))
        if page.pk in footer_ids:
            footer[page.pk] = _link(page, request)
    links["footer"] = [footer[pk] for pk in footer_ids if pk in footer]
    links["contact_email"] = site_settings.contact_email
    links["footer_text"] = site_settings.footer_text
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
