"""SQLite FTS5 backend indexing and querying French stems (see search.backends)."""

from functools import reduce

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from .text import fold, query_stems, query_terms, stemmed_text

MIN_PREFIX_LENGTH = 3


def stems_expression(stems, operator="and", last_is_prefix=True, all_prefix=True):
    """An FTS5 expression of quoted stems (quoted, so never parsed as FTS syntax)."""
    lexemes = [
        Lexeme(s, prefix=(all_prefix or (last_is_prefix and i == len(stems) - 1)) and len(s) >= MIN_PREFIX_LENGTH)
        for i, s in enumerate(stems)
    ]
    if operator.lower() == "and":
        return reduce(lambda a, b: a & b, lexemes)
    return reduce(lambda a, b: a | b, lexemes)


class FrenchObjectIndexer(ObjectIndexer):
    @property
    def title(self):
        return stemmed_text(super().title)

    @property
    def body(self):
        return stemmed_text(super().body)


class FrenchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [FrenchObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, title=t, autocomplete=a, body=b)
            for object_id, (t, a, b) in data.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


class FrenchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            stems = query_stems(query.query_string)
            if not stems:
                # Nothing searchable: a stem that cannot occur matches nothing.
                return SearchQueryExpression(Lexeme("0"))
            operator = getattr(query, "operator", "and")
            return SearchQueryExpression(stems_expression(stems, operator))
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            # The autocomplete column is not stemmed (FTS5 folds case and accents itself).
            terms = [fold(t) for t in query_terms(query.query_string)]
            if not terms:
                return SearchQueryExpression(Lexeme("0"))
            return SearchQueryExpression(stems_expression(terms, "and", all_prefix=False))
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler


SearchBackend = FrenchSQLiteSearchBackend
