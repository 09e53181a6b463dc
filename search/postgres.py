"""PostgreSQL: Wagtail's database backend with French stems without accents and stem-prefix
matching (see search.backends), and the full-text match of the portal's search statement
(``ranked_entries``, read by search/engine.py).

Why a hand-written match rather than ``.search()``: joined in one statement with the facet
counts, the full results page is 1.6 times faster than Wagtail's stock search at 10,000 methods
and 3.2 times at 50,000 (side by side on the same corpus and machine, 2026-11; see README,
Search › Benchmark). It reads modelsearch's ``title`` and ``body`` tsvector columns and, for the
vocabulary, ``title_text`` and ``body_text``; tests/test_search_engine_contract.py fails if they
change.
"""

from functools import lru_cache, reduce

from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models.sql import Query
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from home.models.mixins import active_language

from .backends import locale_languages, object_language
from .spelling import remember_words
from .synonyms import synonym_sets
from .text import DEFAULT_LANGUAGE, MIN_PREFIX_LENGTH, autocomplete_terms, known_language, query_groups

# The configurations other languages than French are indexed and searched with (French: the backend's own).
LANGUAGE_CONFIGS = {"en": "english_unaccent"}


def language_config(language, french_config):
    """The text search configuration of a language's text (migration search/0006 for English)."""
    return LANGUAGE_CONFIGS.get(known_language(language), french_config)


def groups_tsquery(groups, config):
    """A raw tsquery of quoted words ('word':*), each normalised by the configuration: every
    group, by one of its alternatives."""

    def alternative(words):
        lexemes = [Lexeme(w, prefix=not w.exact and len(w) >= MIN_PREFIX_LENGTH) for w in words]
        return reduce(lambda a, b: a & b, lexemes)

    clauses = [reduce(lambda a, b: a | b, [alternative(words) for words in group]) for group in groups]
    return SearchQuery(reduce(lambda a, b: a & b, clauses), search_type="raw", config=config)


@lru_cache(maxsize=10_000)
def is_meaningful(term, config):
    """Whether the text search configuration keeps the term (not a stop word); one query per new term."""
    sql, params = compiled(terms_tsquery([term], config))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT numnode({sql})", params)
        return bool(cursor.fetchone()[0])


def ranked_entries(groups, title_weight, content_type_ids, language=DEFAULT_LANGUAGE):
    """(SQL, params): the index entries of these content types matching every group (normalised by
    the language's configuration), with ``content_type_id``, ``object_pk``, ``title_match`` (every
    group in the title), ``entry_id`` and no ``score`` (NULL: see ``scored_rows``). Raises
    EmptyResultSet when only stop words are left.

    Written as SQL, not built with the ORM: its text depends only on the number of groups (each
    tsquery is one parameter), and the queryset took longer to build and compile than the rest."""
    config = get_search_backend().config_for(language)
    meaningful = [group for group in groups if is_meaningful(group[0][0], config)]
    if not meaningful:
        raise EmptyResultSet  # only stop words: nothing matches
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    whole_sql, whole_params = compiled(groups_tsquery(groups, config))
    # Each group in the title or the body: the same as (title || body) @@ query, but PostgreSQL
    # answers it from the GIN indexes instead of reading every entry.
    conditions, condition_params = [], []
    for group in meaningful:
        word_sql, word_params = compiled(groups_tsquery([group], config))
        conditions.append(f"({table}.title @@ {word_sql} OR {table}.body @@ {word_sql})")
        condition_params += [*word_params, *word_params]
    placeholders = ", ".join(["%s"] * len(content_type_ids))
    sql = (
        f"SELECT {table}.content_type_id AS content_type_id, ({table}.object_id)::integer AS object_pk, "
        f"CASE WHEN {table}.title @@ {whole_sql} THEN 1 ELSE 0 END AS title_match, "
        f"CAST(NULL AS DOUBLE PRECISION) AS score, {table}.id AS entry_id "
        f"FROM {table} WHERE {' AND '.join(conditions)} AND {table}.content_type_id IN ({placeholders})"
    )
    return sql, [*whole_params, *condition_params, *content_type_ids]


def scored_rows(groups, title_weight, rows_sql, language=DEFAULT_LANGUAGE):
    """(SQL, params before rows_sql's own): the rows of rows_sql (with an ``entry_id`` column) and
    their ``score`` (``ts_rank``, the title's weighted, higher is better).

    Ranked apart from the match, for the rows that can make the page of results: ts_rank reads each
    entry's whole body tsvector (about 1 kB on the benchmark's corpus), 30 ms for the 8,800 entries a
    broad query matches among 12,000 (under load) when done for every match."""
    config = get_search_backend().config_for(language)
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    whole_sql, whole_params = compiled(groups_tsquery(groups, config))
    sql = (
        f"SELECT r.*, (ts_rank(i.title, {whole_sql}) * %s + ts_rank(i.body, {whole_sql})) AS score "
        f"FROM ({rows_sql}) AS r JOIN {table} AS i ON i.id = r.entry_id"
    )
    return sql, [*whole_params, title_weight, *whole_params]


def compiled(expression):
    """(SQL, params) of a query expression on the index entries."""
    query = Query(IndexEntry)
    return query.get_compiler(connection=connection).compile(expression.resolve_expression(query))


def terms_tsquery(terms, config, prefix=False):
    """A raw tsquery of quoted words, all required, each a prefix if asked (autocomplete)."""
    lexemes = [Lexeme(t, prefix=prefix) for t in terms]
    return SearchQuery(reduce(lambda a, b: a & b, lexemes), search_type="raw", config=config)


class FrenchPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase) and not invert:
            # Wagtail's own .search() (the API's q): the words of the language being read.
            language = active_language()
            config = language_config(language, config)
            groups = query_groups(query.query_string, synonym_sets(), language)
            if not groups:
                return SearchQuery("", search_type="raw", config=config)
            return groups_tsquery(groups, config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class FrenchPostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase) and not invert:
            terms = autocomplete_terms(query.query_string)
            if not terms:
                return SearchQuery("", search_type="raw", config=config)
            return terms_tsquery(terms, config, prefix=True)
        return super().build_tsquery_content(query, config=config, invert=invert)


class FrenchPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        languages = locale_languages(objs)
        by_language = {}
        for obj in objs:
            by_language.setdefault(object_language(obj, languages), []).append(obj)
        for language, group in by_language.items():
            # modelsearch's indexer reads the configuration from the backend: one per language.
            index = self if language == DEFAULT_LANGUAGE else PostgresIndex(self.backend.for_language(language))
            PostgresIndex.add_items(index, model, group)
        # The plain text modelsearch stores for its fuzzy search: the vocabulary of corrections.
        entries = IndexEntry.objects.filter(
            content_type_id=get_content_type_pk(model), object_id__in=[str(obj.pk) for obj in objs]
        )
        remember_words(f"{title} {body}" for title, body in entries.values_list("title_text", "body_text"))


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    index_class = FrenchPostgresIndex
    query_compiler_class = FrenchPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.params = params
        # Autocomplete: no stemming, but accents still ignored.
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", "simple_unaccent")

    def config_for(self, language):
        return language_config(language, self.config)

    def for_language(self, language):
        """This backend with the language's configuration (to index text written in it)."""
        return type(self)({**self.params, "SEARCH_CONFIG": self.config_for(language)})


SearchBackend = FrenchPostgresSearchBackend
