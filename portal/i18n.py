"""Pages in two languages: French, the default, at its URLs of always; English under /en/.

Under /en/, a page not translated yet is served in French (its content marked lang="fr", announced
in English) rather than a 404: the visitor who switched language stays on the same page.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site


def serve(request, path):
    """Wagtail's serve; under another language's prefix, the default-language page at the same path
    when the path leads to no translated page (or a redirect to its translation, at another slug)."""
    if Page.route_for_request(request, path) is None and translation.get_language() != default_language():
        fallback = _route_in_default_language(request, path)
        if fallback is not None:
            page = fallback[0]
            translated = page.get_translation_or_none(Locale.get_active())
            if translated is not None and translated.live:
                return redirect(translated.get_url(request))
            # Wagtail's documented cache of the route (route_for_request), read by its serve view.
            request._wagtail_route_for_request = fallback
    return wagtail_views.serve(request, path)


def default_language():
    return Locale.get_default().language_code


def _route_in_default_language(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page.get_translation_or_none(Locale.get_default()) or site.root_page
    try:
        return root.specific.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None
