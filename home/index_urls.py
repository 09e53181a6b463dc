"""The URL of a page type's single live index (the agenda, the news, the map), cached.

Pages that link to an index on every view (a lab page to its news and its map) read it from the
cache instead of the database; it is forgotten whenever a page or a view restriction changes.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_KEY = "portal:index-url:{label}"
CACHED_LABELS_KEY = "portal:index-url:labels"


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


def clear(sender=None, instance=None, **kwargs):
    if instance is None or isinstance(instance, Page | PageViewRestriction):
        labels = cache.get(CACHED_LABELS_KEY, set())
        cache.delete_many([CACHE_KEY.format(label=label) for label in labels])


def connect():
    post_save.connect(clear, dispatch_uid="portal-index-url-save")
    post_delete.connect(clear, dispatch_uid="portal-index-url-delete")
    page_published.connect(clear, dispatch_uid="portal-index-url-publish")
    page_unpublished.connect(clear, dispatch_uid="portal-index-url-unpublish")
    post_page_move.connect(clear, dispatch_uid="portal-index-url-move")
