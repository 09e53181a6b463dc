"""The page cache for anonymous visitors: a rendered page is kept in the shared cache and served
again before any other middleware runs (no session, user, database or template work), until
something it shows changes (``home.index_urls.pages_version``) or PAGE_CACHE_SECONDS pass.

A visitor is anonymous when the request carries no session cookie (a signed-in editor, or a
visitor who typed a page's password, has one) and no messages cookie. Only a plain page is
stored: a 200 HTML answer to a GET that sets no cookie (no CSRF token, no message), asks for no
CSP nonce, shows no form error, is no preview, is not under a view restriction, and that its view
did not mark private (the search results)."""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.forms import BaseForm, BaseFormSet
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, quote_etag

from home.index_urls import VERSION_KEY, pages_version
from home.models.mixins import restricted_sections

CACHE_KEY = "pagecache:page:{digest}"
CACHE_STATUS_HEADER = "X-Page-Cache"
# Never HTML pages for visitors, or served before this middleware would help (static files).
SKIPPED_PATH_PREFIXES = ("/admin/", "/documents/", "/i18n/")
# Cache-Control words by which a view keeps its answer out of shared caches.
PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")


@dataclass(frozen=True)
class StoredPage:
    pages_version: str
    headers: tuple
    content: bytes
    etag: str
    last_modified: int


class PageCacheMiddleware:
    """First in MIDDLEWARE: a hit costs one cache round trip (the page and the pages version
    together) and no other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped_prefixes = (*SKIPPED_PATH_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL)

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds:
            return self.get_response(request)
        key = self.cache_key(request) if self.may_serve_from_cache(request) else None
        if key is None:
            return self.without_shared_caching(self.get_response(request))
        stored = cache.get_many([VERSION_KEY, key])
        page = stored.get(key)
        if page is not None and page.pages_version == stored.get(VERSION_KEY):
            return self.cached_response(request, page)
        # Read before rendering: a change made while the page renders makes this copy stale.
        version = pages_version()
        response = self.get_response(request)
        if request.method == "HEAD":  # its body may be empty: a GET stores the page
            return response
        if not self.is_storable(request, response):
            return self.without_shared_caching(response)
        page = self.store(key, version, response, seconds)
        response[CACHE_STATUS_HEADER] = "miss"
        return get_conditional_response(request, page.etag, page.last_modified, response)

    def may_serve_from_cache(self, request):
        return is_anonymous_visit(request) and not request.path_info.startswith(self.skipped_prefixes)

    @staticmethod
    def cache_key(request):
        """The page's address and language, or None for a host Django refuses (its 400)."""
        try:
            address = request.build_absolute_uri()
        except DisallowedHost:
            return None
        digest = hashlib.sha256(f"{request_language(request)} {address}".encode()).hexdigest()
        return CACHE_KEY.format(digest=digest)

    @staticmethod
    def cached_response(request, page):
        response = HttpResponse(b"" if request.method == "HEAD" else page.content, headers=dict(page.headers))
        if request.method == "HEAD":
            response["Content-Length"] = len(page.content)
        response[CACHE_STATUS_HEADER] = "hit"
        return get_conditional_response(request, page.etag, page.last_modified, response)

    @staticmethod
    def is_storable(request, response):
        cache_control = response.get("Cache-Control", "")
        page = getattr(request, "page_cache_page", None)
        return (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not any(directive in cache_control for directive in PRIVATE_DIRECTIVES)
            # A nonce is the request's own: a copy of it served to others would be a known one.
            and "nonce-" not in response.get("Content-Security-Policy", "")
            and not getattr(request, "is_preview", False)
            and not (page is not None and is_under_view_restriction(page))
            and not shows_form_errors(response)
        )

    @staticmethod
    def store(key, version, response, seconds):
        """Mark the response shareable (Cache-Control, ETag, Last-Modified, Vary) and keep it."""
        patch_cache_control(response, public=True, max_age=min(settings.PAGE_CACHE_MAX_AGE, seconds))
        # The language cookie and Accept-Language choose the language; a session cookie, the page.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        content = response.content
        response["ETag"] = quote_etag(hashlib.sha256(content).hexdigest()[:32])
        last_modified = int(time.time())
        response["Last-Modified"] = http_date(last_modified)
        page = StoredPage(version, tuple(response.items()), content, response["ETag"], last_modified)
        cache.set(key, page, seconds)
        return page

    @staticmethod
    def without_shared_caching(response):
        """A page kept out of the cache is kept out of browsers' and proxies' shared caches too
        (a signed-in editor's page, a form with its CSRF token), unless its view said otherwise."""
        if response.get("Content-Type", "").startswith("text/html") and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


def is_anonymous_visit(request):
    """A GET or HEAD by a visitor who is no one in particular, decided from the cookies alone
    (loading the user would cost the session's query): no session (a signed-in editor, a visitor
    who typed a page's password), no message, no credentials, no preview."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        # Wagtail's previews run the middleware on a made-up request for the page's address.
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
    )


def request_language(request):
    """The language LocaleMiddleware will activate: the URL's prefix; with French unprefixed
    (``prefix_default_language=False``), French; without i18n_patterns, the language cookie,
    then Accept-Language."""
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    language_from_path = translation.get_language_from_path(request.path_info)
    if i18n_patterns_used and not prefixed_default_language and not language_from_path:
        return settings.LANGUAGE_CODE
    return translation.get_language_from_request(request, check_path=i18n_patterns_used)


def is_under_view_restriction(page):
    return any(page.path.startswith(path) for path, _depth in restricted_sections())


def shows_form_errors(response):
    context = getattr(response, "context_data", None) or {}
    # type(), not isinstance(): a list the view left to compute when shown stays uncomputed.
    return any(
        issubclass(type(value), BaseForm | BaseFormSet) and value.is_bound and not value.is_valid()
        for value in context.values()
    )
