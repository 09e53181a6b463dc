"""SQLite FTS5 backend indexing and querying French stems (see search.backends)."""

from functools import reduce

from modelsearch.backends.database.sqlite.query import CombinedLexeme, Lexeme, SearchQueryExpression
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

from .text import MIN_PREFIX_LENGTH, fold, group_stems, query_groups, query_terms, stemmed_text


class ParenthesisedLexeme(CombinedLexeme):
    """Two lexemes combined in parentheses (modelsearch's own leaves them out, and FTS5's AND
    binds tighter than OR)."""

    def as_sql(self, compiler, connection):
        sql, params = super().as_sql(compiler, connection)
        return sql, [f"({params[0]})"]


def combined(lexemes, connector):
    return reduce(lambda a, b: ParenthesisedLexeme(a, connector, b), lexemes)


def groups_expression(groups):
    """An FTS5 expression of quoted stems (quoted, so never parsed as FTS syntax): every group,
    by one of its alternatives; None when no group has a stem."""
    clauses = []
    for group in groups:
        alternatives = [combined([Lexeme(s, prefix=p) for s, p in stems], "AND") for stems in group_stems(group)]
        if alternatives:
            clauses.append(combined(alternatives, "OR"))
    return combined(clauses, "AND") if clauses else None


def terms_expression(terms, last_is_prefix=True):
    """An FTS5 expression of quoted words, all required, the last one as a prefix (autocomplete)."""
    lexemes = [
        Lexeme(t, prefix=last_is_prefix and i == len(terms) - 1 and len(t) >= MIN_PREFIX_LENGTH)
        for i, t in enumerate(terms)
    ]
    return combined(lexemes, "AND")


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
            expression = groups_expression(query_groups(query.query_string))
            # Nothing searchable: a stem that cannot occur matches nothing.
            return SearchQueryExpression(expression if expression is not None else Lexeme("0"))
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            # The autocomplete column is not stemmed (FTS5 folds case and accents itself).
            terms = [fold(t) for t in query_terms(query.query_string)]
            if not terms:
                return SearchQueryExpression(Lexeme("0"))
            return SearchQueryExpression(terms_expression(terms))
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler


SearchBackend = FrenchSQLiteSearchBackend
