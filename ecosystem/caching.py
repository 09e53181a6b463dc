"""A lab page's territory actors, cached: the lab page already spends its query budget on its
projects, methods and team. Forgotten whenever an actor, a page or a view restriction changes."""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "ecosystem:actors-version"
TIMEOUT = 60 * 60


def lab_territory_actors(lab, limit):
    """The first ``limit`` live actors of the lab's territory (``lab_actors``), with their public labs."""
    from ecosystem.models import lab_actors, with_public_labs

    version = cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, TIMEOUT)
    key = f"ecosystem:lab-actors:{version}:{lab.pk}:{lab.region}"
    actors = cache.get(key)
    if actors is None:
        actors = with_public_labs(lab_actors(lab)[:limit])
        cache.set(key, actors, TIMEOUT)
    return actors


def forget(sender=None, instance=None, **kwargs):
    from ecosystem.models import Actor, ActorKind

    if isinstance(instance, Actor | ActorKind | Page | PageViewRestriction):
        cache.delete(VERSION_KEY)


def connect():
    post_save.connect(forget, dispatch_uid="ecosystem-cache-save")
    post_delete.connect(forget, dispatch_uid="ecosystem-cache-delete")
    page_published.connect(forget, dispatch_uid="ecosystem-cache-publish")
    page_unpublished.connect(forget, dispatch_uid="ecosystem-cache-unpublish")
    post_page_move.connect(forget, dispatch_uid="ecosystem-cache-move")
