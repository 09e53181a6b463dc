"""SQLite: Wagtail's FTS5 backend indexing and querying French stems (see search.backends), and the
full-text match of the portal's search statement (``ranked_entries``, read by search/engine.py).

Why a hand-written match rather than ``.search()``: Wagtail's ranked search on SQLite evaluates
the full-text match again for every hit (``bm25()`` per row through a subquery), which took
seconds to over a minute per query at 10,000 methods (18 to 52 s with a facet) where this
statement answers in 41 to 186 ms (side by side on the same corpus and machine, 2026-11; see
README, Search › Benchmark). It reads modelsearch's FTS5 table and its column order
(autocomplete, body, title); tests/test_search_engine_contract.py fails if they change.
"""

from functools import reduce

from django.db import connection
from django.db.models.sql import Query
from modelsearch.backends.database.sqlite.query import CombinedLexeme, Lexeme, MatchExpression, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.conf import get_app_config
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from home.models.mixins import active_language

from .backends import locale_languages, object_language
from .spelling import remember_words
from .synonyms import synonym_sets
from .text import DEFAULT_LANGUAGE, autocomplete_terms, fold, group_stems, query_groups, stemmed_text


def index_model(name):
    return get_app_config().get_model(name)


def ranked_entries(groups, title_weight, content_type_ids, language=DEFAULT_LANGUAGE):
    """(SQL, params): the FTS5 rows of these content types matching every group (stemmed in the
    language), with ``content_type_id``, ``object_pk``, ``title_match`` (every group in the title),
    ``score`` (BM25, higher is better: it needs the MATCH in the same query) and ``entry_id``.

    Written as SQL, not built with the ORM: its text is the same for every query (the match is one
    parameter), and the queryset took longer to build and compile than SQLite takes to run it."""
    SQLiteFTSIndexEntry = index_model("SQLiteFTSIndexEntry")  # noqa: N806
    fts = connection.ops.quote_name(SQLiteFTSIndexEntry._meta.db_table)
    entries = connection.ops.quote_name(index_model("IndexEntry")._meta.db_table)
    expression = groups_expression(groups, language)
    placeholders = ", ".join(["%s"] * len(content_type_ids))
    # bm25() needs the MATCH in the same query, so the FTS table drives it. Columns: autocomplete,
    # body, title; FTS5 ranks are negative, best first.
    sql = (
        f"SELECT e.content_type_id AS content_type_id, CAST(e.object_id AS INTEGER) AS object_pk, "
        f"CASE WHEN {fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) THEN 1 ELSE 0 END AS title_match, "
        f"-bm25({fts}, 0.0, 1.0, %s) AS score, e.id AS entry_id FROM {fts} JOIN {entries} e ON {fts}.rowid = e.id "
        f"WHERE {fts} MATCH %s AND e.content_type_id IN ({placeholders})"
    )
    params = [match_argument(["title"], expression), title_weight, match_argument(["title", "body"], expression)]
    return sql, [*params, *content_type_ids]


def match_argument(columns, expression):
    """The argument of ``MATCH`` for an FTS5 expression on these columns, as modelsearch writes it."""
    SQLiteFTSIndexEntry = index_model("SQLiteFTSIndexEntry")  # noqa: N806
    compiler = Query(SQLiteFTSIndexEntry).get_compiler(connection=connection)
    _sql, params = MatchExpression(columns, SearchQueryExpression(expression)).as_sql(compiler, connection)
    return params[0]


class ParenthesisedLexeme(CombinedLexeme):
    """Two lexemes combined in parentheses (modelsearch's own leaves them out, and FTS5's AND
    binds tighter than OR)."""

    def as_sql(self, compiler, connection):
        sql, params = super().as_sql(compiler, connection)
        return sql, [f"({params[0]})"]


def combined(lexemes, connector):
    return reduce(lambda a, b: ParenthesisedLexeme(a, connector, b), lexemes)


def groups_expression(groups, language=DEFAULT_LANGUAGE):
    """An FTS5 expression of quoted stems (quoted, so never parsed as FTS syntax): every group,
    by one of its alternatives; None when no group has a stem."""
    clauses = []
    for group in groups:
        alternatives = [
            combined([Lexeme(s, prefix=p) for s, p in stems], "AND") for stems in group_stems(group, language)
        ]
        if alternatives:
            clauses.append(combined(alternatives, "OR"))
    return combined(clauses, "AND") if clauses else None


def prefixes_expression(terms):
    """An FTS5 expression of quoted words, all required, each as a prefix (autocomplete)."""
    return combined([Lexeme(t, prefix=True) for t in terms], "AND")


class FrenchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's own indexing, then each new entry's title and body replaced by their stems
        in the object's language (a page's locale: English pages by English rules, else French;
        modelsearch's triggers update the FTS5 row), and its words remembered for corrections."""
        objs = list(objs)
        if not model.get_search_fields() or not objs:
            return  # modelsearch writes nothing: nothing to stem
        super().add_items(model, objs)
        languages = locale_languages(objs)
        language_of = {str(obj.pk): object_language(obj, languages) for obj in objs}
        entries = self.entries.filter(content_type_id=get_content_type_pk(model), object_id__in=list(language_of))
        written = list(entries.values_list("pk", "object_id", "title", "body"))
        for pk, object_id, title, body in written:
            language = language_of[object_id]
            self.entries.filter(pk=pk).update(title=stemmed_text(title, language), body=stemmed_text(body, language))
        remember_words(f"{title} {body}" for _pk, _id, title, body in written)


class FrenchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            # Wagtail's own .search() (the API's q): the words of the language being read.
            language = active_language()
            expression = groups_expression(query_groups(query.query_string, synonym_sets(), language), language)
            # Nothing searchable: a stem that cannot occur matches nothing.
            return SearchQueryExpression(expression if expression is not None else Lexeme("0"))
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            # The autocomplete column is not stemmed (FTS5 folds case and accents itself).
            terms = [fold(t) for t in autocomplete_terms(query.query_string)]
            if not terms:
                return SearchQueryExpression(Lexeme("0"))
            return SearchQueryExpression(prefixes_expression(terms))
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler


SearchBackend = FrenchSQLiteSearchBackend
