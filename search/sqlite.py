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

from django.db.models import Case, F, IntegerField, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import CombinedLexeme, Lexeme, MatchExpression, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
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


def ranked_entries(groups, title_weight, language=DEFAULT_LANGUAGE):
    """The FTS5 rows matching every group (stemmed in the language), with ``content_type_id``,
    ``object_pk``, ``title_match`` (every group in the title) and ``score`` (BM25, higher is better)."""
    SQLiteFTSIndexEntry = index_model("SQLiteFTSIndexEntry")  # noqa: N806
    fts = SQLiteFTSIndexEntry._meta.db_table

    def matching(columns):
        expression = groups_expression(groups, language)
        return SQLiteFTSIndexEntry.objects.filter(MatchExpression(columns, SearchQueryExpression(expression)))

    title_ids = matching(["title"]).values("index_entry_id")
    # bm25() needs the MATCH in the same query, so the FTS table drives it.
    return matching(["title", "body"]).annotate(
        content_type_id=F("index_entry__content_type_id"),
        object_pk=Cast("index_entry__object_id", IntegerField()),
        title_match=Case(When(index_entry_id__in=title_ids, then=1), default=0),
        # Columns: autocomplete, body, title. FTS5 ranks are negative, best first.
        score=RawSQL(f"-bm25({fts}, 0.0, 1.0, %s)", [title_weight]),
    )


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


class FrenchObjectIndexer(ObjectIndexer):
    """Stems in the object's language: a page's locale (English pages by English rules), else French."""

    def __init__(self, obj, backend, language=DEFAULT_LANGUAGE):
        super().__init__(obj, backend)
        self.language = language

    @property
    def title(self):
        return stemmed_text(super().title, self.language)

    @property
    def body(self):
        return stemmed_text(super().body, self.language)

    @property
    def words_text(self):
        """The title and body as written: the vocabulary of spelling corrections."""
        return f"{super().title} {super().body}"


class FrenchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        objs = list(objs)
        languages = locale_languages(objs)
        indexers = [FrenchObjectIndexer(obj, self.backend, object_language(obj, languages)) for obj in objs]
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
        remember_words(indexer.words_text for indexer in indexers)


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
