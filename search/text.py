"""Text normalisation shared by indexing and querying: same words, same stems, in the text's
language (French by default; English for the English pages and queries)."""

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
# Shorter stems match only whole stems (a one- or two-letter prefix matches too much).
MIN_PREFIX_LENGTH = 3
# The last word typed is completed from this many letters.
MIN_AUTOCOMPLETE_PREFIX = 2
# Words this short keep a final s or x ("bus", "prix").
MIN_SINGULAR_LENGTH = 3

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

# Frequent English words that carry no meaning for search (an English query's stop words).
ENGLISH_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "for",
        "from",
        "how",
        "in",
        "into",
        "is",
        "it",
        "its",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "we",
        "what",
        "when",
        "which",
        "who",
        "with",
        "you",
        "your",
    ]
)
STOP_WORDS_BY_LANGUAGE = {"fr": STOP_WORDS, "en": ENGLISH_STOP_WORDS}

DEFAULT_LANGUAGE = "fr"
# snowballstemmer runs the C stemmer of PyStemmer (requirements.txt) when installed: 1000x faster.
_stemmers = {"fr": snowballstemmer.stemmer("french"), "en": snowballstemmer.stemmer("english")}


def fold(word):
    """Lower case without accents: "Décrochage" -> "decrochage"."""
    return anyascii(word).lower()


def known_language(language):
    """The language if text in it is stemmed by its own rules, else the default (French)."""
    return language if language in _stemmers else DEFAULT_LANGUAGE


@lru_cache(maxsize=200_000)
def stem(word, language=DEFAULT_LANGUAGE):
    """Stem of one word in the language (French by default), lower case and without accents:
    "Prototypage" -> "prototypag", in English "prototyping" -> "prototyp".

    Accents are removed before stemming, as PostgreSQL's ``french_unaccent`` does (unaccent, then
    french_stem): a word typed without its accents then has the same stem as the word with them.
    """
    return _stemmers[known_language(language)].stemWord(fold(word))


def singular(word):
    """The word without a final plural s or x ("usagers" -> "usagers"[:-1]), or the word itself."""
    folded = fold(word)
    if len(folded) > MIN_SINGULAR_LENGTH and folded[-1] in "sx":
        return word[:-1]
    return word


def words(text):
    """The words of a text, as written."""
    return WORD_RE.findall(text or "")


def stemmed_text(text, language=DEFAULT_LANGUAGE):
    """A stemmed, accent-folded copy of a text in the language, for indexing (SQLite)."""
    return " ".join(stem(word, language) for word in words(text))


def query_terms(query, language=DEFAULT_LANGUAGE):
    """The meaningful words of a query (without the language's stop words), bounded in number and length."""
    stop_words = STOP_WORDS_BY_LANGUAGE[known_language(language)]
    terms = []
    for word in words(query):
        if len(word) > MAX_TERM_LENGTH or fold(word) in stop_words:
            continue
        terms.append(word)
        if len(terms) == MAX_QUERY_TERMS:
            break
    return terms


def autocomplete_terms(query):
    """The words typed so far, each a prefix: the last one is kept from its second letter even when
    it is a stop word ("dé" may become "décrochage"), dropped before, so that the list of
    suggestions stays while a word is typed."""
    typed = words(query)
    if not typed:
        return []
    *complete, last = typed
    terms = query_terms(" ".join(complete))[: MAX_QUERY_TERMS - 1]
    if MIN_AUTOCOMPLETE_PREFIX <= len(last) <= MAX_TERM_LENGTH:
        terms.append(last)
    return terms


class Word(str):
    """A query word; ``exact`` when it must match a whole stem rather than a stem's prefix."""

    exact = False


class Singular(Word):
    exact = True


def query_groups(query, synonyms=(), language=DEFAULT_LANGUAGE):
    """The query as groups of alternatives: every group must match, by one of its alternatives,
    each a tuple of words that must all match.

    A word's alternatives are the word and its singular: the French stemmer gives some plurals a
    longer stem than their singular (usagers -> ``usager``, usager -> ``usag``), and since stems
    match as prefixes, the plural alone would miss the singular. The singular matches its whole
    stem only ("prix" must not find every word that starts with ``pri``). Words that form one of
    the synonyms' phrases (``synonyms``: [[phrase as a tuple of words]]) are one group whose
    alternatives are the phrases of that entry ("co design" or "co conception"). In English the
    stemmer gives a plural its singular's stem ("users", "user" -> ``user``): no singular is added.
    """
    language = known_language(language)
    terms = query_terms(query, language)
    # The French stemmer's plurals need their singular (above); the English stemmer's do not.
    singular_of = singular if language == "fr" else str
    # Compared by their singular's stem: "expériences usagers" is the phrase "expérience usager".
    keys = [stem(singular_of(term), language) for term in terms]
    phrases = sorted(
        (
            (tuple(stem(singular_of(w), language) for w in phrase), entry)
            for entry in synonyms
            for phrase in entry
            if phrase
        ),
        key=lambda item: -len(item[0]),
    )
    groups, i = [], 0
    while i < len(terms):
        found = next(((p, e) for p, e in phrases if tuple(keys[i : i + len(p)]) == p), None)
        if found:
            phrase, entry = found
            group = [tuple(Word(w) for w in alternative) for alternative in entry]
            i += len(phrase)
        else:
            term = terms[i]
            group = [(Word(term),)]
            if singular_of(term) != term:
                group.append((Singular(singular_of(term)),))
            i += 1
        if group not in groups:
            groups.append(group)
    return groups


def group_stems(group, language=DEFAULT_LANGUAGE):
    """A group's alternatives as tuples of (stem, matches as a prefix), without repeats."""
    stemmed, seen = [], set()
    for alternative in group:
        stems = tuple(
            (word_stem, not word.exact and len(word_stem) >= MIN_PREFIX_LENGTH)
            for word in alternative
            if (word_stem := stem(word, language))
        )
        key = tuple(s for s, _ in stems)
        if stems and key not in seen:
            seen.add(key)
            stemmed.append(stems)
    return stemmed


def query_stems(query, synonyms=(), language=DEFAULT_LANGUAGE):
    """Distinct stems of a query's words and their alternatives, in order (for highlighting)."""
    stems = []
    for group in query_groups(query, synonyms, language):
        for alternative in group_stems(group, language):
            stems.extend(s for s, _ in alternative if s not in stems)
    return stems


def matches_any(word, stems, language=DEFAULT_LANGUAGE):
    """Whether a word of a text matches one of the query stems (by stem prefix, like the search)."""
    word_stem = stem(word, language)
    return any(word_stem.startswith(query_stem) for query_stem in stems)


# Query words shorter than this are not spell-corrected.
MIN_WORD_LENGTH_FOR_SUGGESTION = 4
