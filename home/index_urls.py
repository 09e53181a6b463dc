"""What pages show of other pages on every view, cached until something a page shows changes:
the URL of a page type's single live index (the agenda, the news, the map), the fragments that
``until_pages_change`` caches (the navigation, the home page's next event
and latest news, the method finder, a lab's actors, the demo marks, the main block and the open
data head of a page, ``{% cache_until_pages_change %}``), and the anonymous page cache
(pagecache/), which keys its pages by ``pages_version()``. An app whose fragments read other models
names them with ``forget_when_saved`` (the demo provenance). The version lives in the shared cache,
so a change made on one app server is seen by all of them."""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from home.models.mixins import RESTRICTED_SECTIONS_KEY, active_language, content_languages

CACHE_KEY = "portal:index-url:{language}:{label}"
CACHED_LABELS_KEY = "portal:index-url:labels"
VERSION_KEY = "portal:pages-version"
VERSION_SECONDS = 60 * 60 * 24

# What a public page may show besides pages: the snippets (themes, actors, roadmap actions) are
# added from Wagtail's registry. Not renditions (made while a page renders), revisions, sessions,
# search statistics or proposals: they change nothing a visitor sees.
SHOWN_ON_PAGES = (
    Page,
    PageViewRestriction,
    CollectionViewRestriction,
    Collection,
    Site,
    Locale,
    AbstractImage,
    AbstractDocument,
    BaseSiteSetting,
    BaseGenericSetting,
    Tag,
)
# What apps add (``forget_when_saved``).
also_shown_on_pages = set()


def forget_when_saved(*models):
    """Also forget the cached fragments when an instance of one of ``models`` is saved or deleted."""
    also_shown_on_pages.update(models)


def index_url(model):
    """The relative URL of the first live public page of ``model`` in the active language, or ""
    when there is none."""
    key = CACHE_KEY.format(language=active_language(), label=model._meta.label_lower)
    url = cache.get(key)
    if url is None:
        page = model.objects.public_live().only("id", "url_path", "path", "depth").first()
        url = page.get_url() if page else ""
        cache.set(key, url, 60 * 60)
        cache.set(CACHED_LABELS_KEY, {*cache.get(CACHED_LABELS_KEY, set()), model._meta.label_lower}, 60 * 60)
    return url


def pages_version():
    """A token that changes whenever something a public page shows changes (``clear``)."""
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, VERSION_SECONDS)


def until_pages_change(key, build, timeout=60 * 60, keep=None):
    """``build()``, cached under ``key`` and the active language (what pages list depends on it) for
    ``timeout`` seconds at most, or until something a page shows changes. ``keep(value)``, when
    given, says whether a value just built may be stored (a rendered fragment that used the
    request's CSRF token may not)."""
    versioned_key = f"portal:pages:{pages_version()}:{active_language()}:{key}"
    value = cache.get(versioned_key)
    if value is None:
        value = build()
        if keep is None or keep(value):
            cache.set(versioned_key, value, timeout)
    return value


# Filled in by the first display of an image or document: nothing shown changes.
FILE_METADATA_FIELDS = {"file_size", "file_hash"}


def shown_on_pages(instance, created=False, update_fields=None):
    """Whether a change to ``instance`` may change what a public page shows. Not a settings row
    created with its defaults by its first read (``for_site``, the admin's form): that changes nothing
    shown, and would drop what that very view is caching."""
    if created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        return False
    if update_fields and set(update_fields) <= FILE_METADATA_FIELDS:
        return False
    shown = (*SHOWN_ON_PAGES, *also_shown_on_pages)
    return isinstance(instance, shown) or type(instance) in get_snippet_models()


def clear(sender=None, instance=None, created=False, update_fields=None, **kwargs):
    if instance is None or shown_on_pages(instance, created, update_fields):
        labels = cache.get(CACHED_LABELS_KEY, set())
        keys = [CACHE_KEY.format(language=code, label=label) for code in content_languages() for label in labels]
        cache.delete_many([*keys, VERSION_KEY])


def forget_restricted_sections(sender=None, **kwargs):
    cache.delete(RESTRICTED_SECTIONS_KEY)


def connect():
    post_save.connect(clear, dispatch_uid="portal-index-url-save")
    post_delete.connect(clear, dispatch_uid="portal-index-url-delete")
    page_published.connect(clear, dispatch_uid="portal-index-url-publish")
    page_unpublished.connect(clear, dispatch_uid="portal-index-url-unpublish")
    post_page_move.connect(clear, dispatch_uid="portal-index-url-move")
    post_save.connect(forget_restricted_sections, sender=PageViewRestriction, dispatch_uid="portal-restricted-save")
    post_delete.connect(forget_restricted_sections, sender=PageViewRestriction, dispatch_uid="portal-restricted-delete")
    post_page_move.connect(forget_restricted_sections, dispatch_uid="portal-restricted-move")
