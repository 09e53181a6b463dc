"""French text normalisation shared by indexing and querying: same words, same stems."""

import re
from functools import lru_cache

import snowballstemmer
from anyascii import anyascii

# Letters and digits only: every other character (quotes, FTS operators, punctuation,
# control characters) is a separator, so a query can never reach the database as syntax.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

# Longest query kept, in words and characters: enough for any real query.
MAX_QUERY_TERMS = 12
MAX_TERM_LENGTH = 40

# Frequent French (and a few English) words that carry no meaning for search.
STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "c",
        "cet",
        "cette",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "est",
        "il",
        "ils",
        "j",
        "je",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lui",
        "m",
        "ma",
        "mais",
        "me",
        "meme",
        "mes",
        "moi",
        "mon",
        "n",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "qui",
        "s",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "t",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "y",
        "the",
        "of",
        "and",
        "to",
        "in",
        "for",
        "or",
    ]
)

# snowballstemmer runs the C stemmer of PyStemmer (requirements.txt) when installed: 1000x faster.
_stemmer = snowballstemmer.stemmer("french")


def fold(word):
    """Lower case without accents: "Décrochage" -> "decrochage"."""
    return anyascii(word).lower()


@lru_cache(maxsize=200_000)
def stem(word):
    """French stem of one word, lower case and without accents: "Prototypage" -> "prototypag"."""
    return fold(_stemmer.stemWord(word.lower()))


def words(text):
    """The words of a text, as written."""
    return WORD_RE.findall(text or "")


def stemmed_text(text):
    """A French-stemmed, accent-folded copy of a text, for indexing (SQLite)."""
    return " ".join(stem(word) for word in words(text))


def query_terms(query):
    """The meaningful words of a query, bounded in number and length."""
    terms = []
    for word in words(query):
        if len(word) > MAX_TERM_LENGTH or fold(word) in STOP_WORDS:
            continue
        terms.append(word)
        if len(terms) == MAX_QUERY_TERMS:
            break
    return terms


def query_stems(query):
    """Distinct stems of a query's meaningful words, in order."""
    stems = []
    for word in query_terms(query):
        word_stem = stem(word)
        if word_stem and word_stem not in stems:
            stems.append(word_stem)
    return stems


def matches_any(word, stems):
    """Whether a word of a text matches one of the query stems (by stem prefix, like the search)."""
    word_stem = stem(word)
    return any(word_stem.startswith(query_stem) for query_stem in stems)


# Query words shorter than this are not spell-corrected.
MIN_WORD_LENGTH_FOR_SUGGESTION = 4
