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

from .text import query_terms

MIN_PREFIX_LENGTH = 3


def terms_tsquery(terms, config, operator="and", all_prefix=True):
    """A raw tsquery of quoted terms ('term':*), each normalised by the configuration."""
    lexemes = [
        Lexeme(t, prefix=(all_prefix or i == len(terms) - 1) and len(t) >= MIN_PREFIX_LENGTH)
        for i, t in enumerate(terms)
    ]
    combined = reduce((lambda a, b: a & b) if operator.lower() == "and" else (lambda a, b: a | b), lexemes)
    return SearchQuery(combined, search_type="raw", config=config)


class FrenchPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    ALL_TERMS_PREFIX = True

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase) and not invert:
            terms = query_terms(query.query_string)
            if not terms:
                return SearchQuery("", search_type="raw", config=config)
            operator = getattr(query, "operator", "and")
            return terms_tsquery(terms, config, operator, all_prefix=self.ALL_TERMS_PREFIX)
        return super().build_tsquery_content(query, config=config, invert=invert)


class FrenchPostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase) and not invert:
            terms = query_terms(query.query_string)
            if not terms:
                return SearchQuery("", search_type="raw", config=config)
            return terms_tsquery(terms, config, "and", all_prefix=False)
        return super().build_tsquery_content(query, config=config, invert=invert)


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = FrenchPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        # Autocomplete: no stemming, but accents still ignored.
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", "simple_unaccent")


SearchBackend = FrenchPostgresSearchBackend
