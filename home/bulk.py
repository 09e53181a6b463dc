"""Bulk generation of pages (the benchmarks' larger sites and corpora)."""

from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save


@contextmanager
def without_save_signals():
    """No post_save/post_delete receiver runs inside (search indexing, cache forgetting page by
    page): the caller indexes once afterwards (``update_index``) and starts with empty caches."""
    receivers = post_save.receivers, post_delete.receivers
    post_save.receivers, post_delete.receivers = [], []
    post_save.sender_receivers_cache.clear()
    post_delete.sender_receivers_cache.clear()
    try:
        yield
    finally:
        post_save.receivers, post_delete.receivers = receivers
        post_save.sender_receivers_cache.clear()
        post_delete.sender_receivers_cache.clear()
