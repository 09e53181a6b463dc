"""What pages show of other pages on every view, cached until something a page shows changes:
the URL of a page type's single live index (the agenda, the news, the map), small blocks such as
the home page's next event and latest news (``until_pages_change``), and the anonymous page cache
(pagecache/), which keys its pages by ``pages_version()``. The version lives in the shared cache,
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

from home.models.mixins import active_language, content_languages

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


def until_pages_change(key, build, timeout=60 * 60):
    """``build()``, cached under ``key`` and the active language (what pages list depends on it) for
    ``timeout`` seconds at most, or until something a page shows changes."""
    versioned_key = f"portal:pages:{pages_version()}:{active_language()}:{key}"
    value = cache.get(versioned_key)
    if value is None:
        value = build()
        cache.set(versioned_key, value, timeout)
    return value


def shown_on_pages(instance):
    """Whether a change to ``instance`` may change what a public page shows."""
    return isinstance(instance, SHOWN_ON_PAGES) or type(instance) in get_snippet_models()


def clear(sender=None, instance=None, **kwargs):
    if instance is None or shown_on_pages(instance):
        labels = cache.get(CACHED_LABELS_KEY, set())
        keys = [CACHE_KEY.format(language=code, label=label) for code in content_languages() for label in labels]
        cache.delete_many([*keys, VERSION_KEY])


def connect():
    post_save.connect(clear, dispatch_uid="portal-index-url-save")
    post_delete.connect(clear, dispatch_uid="portal-index-url-delete")
    page_published.connect(clear, dispatch_uid="portal-index-url-publish")
    page_unpublished.connect(clear, dispatch_uid="portal-index-url-unpublish")
    post_page_move.connect(clear, dispatch_uid="portal-index-url-move")
