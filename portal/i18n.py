"""Pages in two languages: French, the default, at its URLs of always; English under /en/.

Under /en/, a page not translated yet is served in French (its content marked lang="fr", announced
in English) rather than a 404: the visitor who switched language stays on the same page.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from home.index_urls import until_pages_change


def serve(request, path):
    """Wagtail's serve view, routed from the home page of the request's language; under another
    language's prefix, a path that leads to no page in that language leads to the default-language
    page at the same path (or redirects to its translation, when that has another slug).

    The route goes where Wagtail's own ``Page.route_for_request`` keeps it (its documented cache,
    ``request._wagtail_route_for_request``, read by its serve view)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        language = translation.get_language()
        route = route_in_language(request, path, language)
        if route is None and language != settings.LANGUAGE_CODE:
            route = route_in_language(request, path, settings.LANGUAGE_CODE)
            locale = Locale.objects.filter(language_code=language).first()
            translated = route and locale and route[0].get_translation_or_none(locale)
            if translated and translated.live:
                return redirect(translated.get_url(request))
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


def route_in_language(request, path, language):
    """(page, args, kwargs) for ``path`` from the site's home page in ``language``, or None: what
    Wagtail's ``Page.route_for_request`` gives with that language active, without its query for
    the active Locale (``site.root_page.localized``) on every request; the home pages come from
    a cache (benchmark and test: README, Architecture)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    home_id = home_pages(site).get(language, site.root_page_id)
    home = site.root_page if home_id == site.root_page_id else Page.objects.get(pk=home_id)
    try:
        return home.specific.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None


def home_pages(site):
    """{language code: id} of the site's home page in each language (the translations of its root
    page), cached until a page changes."""

    def build():
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {home.locale.language_code: home.pk for home in homes.only("id", "locale__language_code")}

    return until_pages_change(f"home-pages:{site.root_page_id}", build)
