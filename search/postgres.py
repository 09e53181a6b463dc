"""PostgreSQL backend: French stems without accents, stem-prefix matching (see search.backends)."""

from functools import reduce

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import Phrase, PlainText

from .text import MIN_PREFIX_LENGTH, query_groups, query_terms


def groups_tsquery(groups, config):
    """A raw tsquery of quoted words ('word':*), each normalised by the configuration: every
    group, by one of its alternatives."""

    def alternative(words):
        lexemes = [Lexeme(w, prefix=not w.exact and len(w) >= MIN_PREFIX_LENGTH) for w in words]
        return reduce(lambda a, b: a & b, lexemes)

    clauses = [reduce(lambda a, b: a | b, [alternative(words) for words in group]) for group in groups]
    return SearchQuery(reduce(lambda a, b: a & b, clauses), search_type="raw", config=config)


def terms_tsquery(terms, config):
    """A raw tsquery of quoted words, all required, the last one as a prefix (autocomplete)."""
    lexemes = [Lexeme(t, prefix=i == len(terms) - 1 and len(t) >= MIN_PREFIX_LENGTH) for i, t in enumerate(terms)]
    return SearchQuery(reduce(lambda a, b: a & b, lexemes), search_type="raw", config=config)


class FrenchPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase) and not invert:
            groups = query_groups(query.query_string)
            if not groups:
                return SearchQuery("", search_type="raw", config=config)
            return groups_tsquery(groups, config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class FrenchPostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase) and not invert:
            terms = query_terms(query.query_string)
            if not terms:
                return SearchQuery("", search_type="raw", config=config)
            return terms_tsquery(terms, config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = FrenchPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        # Autocomplete: no stemming, but accents still ignored.
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", "simple_unaccent")


SearchBackend = FrenchPostgresSearchBackend
