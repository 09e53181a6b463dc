"""What pages show of other pages on every view, cached until a page or a view restriction changes:
the URL of a page type's single live index (the agenda, the news, the map), and the fragments that
``until_pages_change`` caches (the navigation, the restricted sections, the home page's next event
and latest news, a lab's actors, the demo marks). An app whose fragments also read other models
names them with ``forget_when_saved`` (the site settings, the map's actors)."""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_KEY = "portal:index-url:{label}"
CACHED_LABELS_KEY = "portal:index-url:labels"
VERSION_KEY = "portal:pages-version"
# What a change of forgets the cached fragments: pages, view restrictions, and what apps add;
# {model: whether creating an instance counts}.
watched_models = {Page: True, PageViewRestriction: True}


def forget_when_saved(*models, when_created=True):
    """Also forget the cached fragments when an instance of one of ``models`` is saved or deleted.
    ``when_created=False`` for settings, whose row the first page view that reads them creates with
    its defaults: that changes nothing shown, and would drop what that very view is caching."""
    watched_models.update(dict.fromkeys(models, when_created))


def index_url(model):
    """The relative URL of the first live public page of ``model``, or "" when there is none."""
    key = CACHE_KEY.format(label=model._meta.label_lower)
    url = cache.get(key)
    if url is None:
        page = model.objects.public_live().only("id", "url_path", "path", "depth").first()
        url = page.get_url() if page else ""
        cache.set(key, url, 60 * 60)
        cache.set(CACHED_LABELS_KEY, {*cache.get(CACHED_LABELS_KEY, set()), model._meta.label_lower}, 60 * 60)
    return url


def until_pages_change(key, build, timeout=60 * 60):
    """``build()``, cached under ``key`` for ``timeout`` seconds at most, or until a page or a view
    restriction changes."""
    version = cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, 60 * 60 * 24)
    versioned_key = f"portal:pages:{version}:{key}"
    value = cache.get(versioned_key)
    if value is None:
        value = build()
        cache.set(versioned_key, value, timeout)
    return value


def watches(instance, created):
    return any(
        isinstance(instance, model) and (when_created or not created) for model, when_created in watched_models.items()
    )


def clear(sender=None, instance=None, created=False, **kwargs):
    if instance is None or watches(instance, created):
        labels = cache.get(CACHED_LABELS_KEY, set())
        cache.delete_many([CACHE_KEY.format(label=label) for label in labels] + [VERSION_KEY])


def connect():
    post_save.connect(clear, dispatch_uid="portal-index-url-save")
    post_delete.connect(clear, dispatch_uid="portal-index-url-delete")
    page_published.connect(clear, dispatch_uid="portal-index-url-publish")
    page_unpublished.connect(clear, dispatch_uid="portal-index-url-unpublish")
    post_page_move.connect(clear, dispatch_uid="portal-index-url-move")
