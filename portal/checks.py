"""Deploy checks (`manage.py check --deploy`) for what production needs beyond Django's own."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """The proposal rate limit counts in the cache: a per-process cache multiplies it by the workers.
    The page cache's invalidation goes through the cache: with a per-process one, a change made
    through one worker reaches the others' copies only when they expire."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS_CACHES:
        return [
            checks.Warning(
                f"The default cache ({backend}) is not shared between processes: each gunicorn worker "
                "counts the proposal rate limit on its own, and keeps pages an edit made through another "
                "worker has changed for up to PAGE_CACHE_SECONDS.",
                hint="Set REDIS_URL to a Redis server that every app server reaches.",
                id="portal.W001",
            )
        ]
    return []
