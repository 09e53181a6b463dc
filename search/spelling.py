"""Spelling corrections drawn from the whole indexed vocabulary, by trigram similarity.

Every word of the indexed text (``IndexedWord``, filled as objects are indexed) can be a
correction. PostgreSQL finds the closest words with ``pg_trgm`` and its trigram index (migration
``search/0004``); SQLite compares trigrams in Python over the cached vocabulary, with the same
definition of similarity as ``pg_trgm``. Among the close words, one at most one edit away
(a letter missing, added, changed, or two letters swapped) is kept: one typo per word.
"""

from django.core.cache import cache
from django.db import connection

from .text import MAX_TERM_LENGTH, MIN_WORD_LENGTH_FOR_SUGGESTION, fold, words

VOCABULARY_CACHE_KEY = "search:vocabulary"
VOCABULARY_CACHE_SECONDS = 600
# pg_trgm's default threshold for the % operator.
MIN_SIMILARITY = 0.3
CANDIDATES = 20


def remember_words(texts):
    """Add the words of these texts to the vocabulary (words are never removed: a correction
    is shown only when it finds something)."""
    from .models import IndexedWord

    vocabulary = {
        fold(word) for text in texts for word in words(text) if MIN_WORD_LENGTH_FOR_SUGGESTION <= len(word) <= 40
    }
    vocabulary = {word for word in vocabulary if word.isalpha() and len(word) <= MAX_TERM_LENGTH}
    if vocabulary:
        IndexedWord.objects.bulk_create(
            [IndexedWord(word=word) for word in sorted(vocabulary)], ignore_conflicts=True, batch_size=500
        )
        cache.delete(VOCABULARY_CACHE_KEY)


def trigrams(word):
    """pg_trgm's trigrams of a word: padded with two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb)


def one_edit_apart(a, b):
    """Whether b is a with one letter missing, added, changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def close_words(word):
    """Words of the vocabulary close to this one, most similar first."""
    from .models import IndexedWord

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word FROM {IndexedWord._meta.db_table} WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word, CANDIDATES],
            )
            return [row[0] for row in cursor.fetchall()]
    vocabulary = cache.get(VOCABULARY_CACHE_KEY)
    if vocabulary is None:
        vocabulary = list(IndexedWord.objects.values_list("word", flat=True))
        cache.set(VOCABULARY_CACHE_KEY, vocabulary, VOCABULARY_CACHE_SECONDS)
    # Words that share no trigram beyond the padding cannot be similar: length bounds the search.
    scored = [(similarity(word, other), other) for other in vocabulary if abs(len(other) - len(word)) <= 2]
    return [other for score, other in sorted(scored, key=lambda s: (-s[0], s[1])) if score >= MIN_SIMILARITY][
        :CANDIDATES
    ]


def is_known(word):
    from .models import IndexedWord

    return IndexedWord.objects.filter(word=fold(word)).exists()


def correction(word):
    """The closest word of the vocabulary one typo away, or None when the word is known or too short."""
    folded = fold(word)
    if len(folded) < MIN_WORD_LENGTH_FOR_SUGGESTION or is_known(folded):
        return None
    return next((other for other in close_words(folded) if one_edit_apart(folded, other)), None)


def corrected_query(terms):
    """The query with each unknown word replaced by its correction, or "" when none has one."""
    corrected = [correction(term) or term for term in terms]
    return " ".join(corrected) if corrected != list(terms) else ""
