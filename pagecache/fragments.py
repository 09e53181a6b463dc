"""Fragments of a page kept between its renders: the parts of a page template that cost the most
(its head, header, main block and footer), rendered once and shown again until something a page shows
changes (``home.index_urls.until_pages_change``, the fragment caches' one mechanism) or
PAGE_FRAGMENT_SECONDS pass. They serve the renders the page cache does not answer: with
PAGE_CACHE_SECONDS=0, a page whose copy has expired, each query string of a listing.

Kept only for what the page cache itself would keep: an anonymous visit (``is_anonymous_visit``,
so nothing of one editor's or one visitor's own) of a Wagtail page that is no preview and under no
view restriction, and only when the fragment used no CSRF token and no CSP nonce (a copy served
to others would carry one visitor's token or a known nonce). The key is the page, its live
revision, the interface language and the page's whole address (scheme, host, path and query
string): a listing's filters and pages are each their own fragment."""

import hashlib

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils import translation

from home.index_urls import until_pages_change
from pagecache.middleware import is_anonymous_visit, is_under_view_restriction


def fragment_key(request, name):
    """The key of fragment ``name`` of the page ``request`` serves, or None when it may not be kept."""
    page = getattr(request, "page_cache_page", None)  # set when Wagtail serves a page (wagtail_hooks.py)
    if page is None or not settings.PAGE_FRAGMENT_SECONDS or not is_anonymous_visit(request):
        return None
    if is_under_view_restriction(page):
        return None
    try:
        address = request.build_absolute_uri()
    except DisallowedHost:
        return None
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"fragment:{name}:{page.pk}:{page.live_revision_id}:{translation.get_language()}:{digest}"


def cached_fragment(request, name, render):
    """``render()``, kept under ``fragment_key`` when it may be (see the module)."""
    key = fragment_key(request, name) if request is not None else None
    if key is None:
        return render()

    def is_everyones(html):
        return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not getattr(request, "csp_nonce", None)

    return until_pages_change(key, render, settings.PAGE_FRAGMENT_SECONDS, keep=is_everyones)
