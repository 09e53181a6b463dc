"""The synonyms communicators edit (Snippets › Synonyms), as the query expansion reads them."""

from django.core.cache import cache

SYNONYMS_CACHE_KEY = "search:synonyms"
SYNONYMS_CACHE_SECONDS = 600


def synonym_sets():
    """[[phrase as a tuple of words]] of every synonym entry (cached; forgotten when one changes)."""
    from .models import Synonym

    sets = cache.get(SYNONYMS_CACHE_KEY)
    if sets is None:
        sets = [phrases for phrases in (synonym.phrases() for synonym in Synonym.objects.all()) if len(phrases) > 1]
        cache.set(SYNONYMS_CACHE_KEY, sets, SYNONYMS_CACHE_SECONDS)
    return sets


def forget_synonyms(sender, **kwargs):
    cache.delete(SYNONYMS_CACHE_KEY)
