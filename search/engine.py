"""The portal's search: full text over live public pages and the documents they use,
French-aware, with facet counts computed by the database.

The full-text match runs on the index Wagtail's search backend keeps up to date
(``update_index``, signals): FTS5 on SQLite, tsvectors on PostgreSQL. The rest (live and
public filters, facets, counts, ranking with title matches first) is one SQL statement per
page of results, however many pages match (``SiteSearch.run``).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations, groupby
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, FloatField, Q, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.index import SearchField
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from home.models.mixins import active_language
from home.models.taxonomy import Theme, themed_page_models

from .facets import declared_facets
from .spelling import corrected_query
from .synonyms import synonym_sets
from .text import (
    DEFAULT_LANGUAGE,
    STOP_WORDS,
    autocomplete_terms,
    fold,
    matches_any,
    query_groups,
    query_stems,
    query_terms,
    words,
)

DOCUMENT_TYPE = "document"
RESULTS_PER_PAGE = 20
# The common tables of the search statement.
MATCHED_PAGES = "search_matched_pages"
MATCHED_DOCUMENTS = "search_matched_documents"
# The position column of facet rows (typed: PostgreSQL's UNION does not guess a NULL's type).
NO_POSITION = "CAST(NULL AS BIGINT)"
# The facet row counting the matching pages without the choices.
ANY_CHOICE = "any"
SNIPPET_WORDS = 36
# Only the start of a long text is scanned for a passage to show.
MAX_SNIPPET_SOURCE = 20_000
# {(database, language, view restrictions, facet choices): compiled page side of the statement}
# (SiteSearch._page_side), the oldest forgotten first beyond MAX_PAGE_SIDES.
_PAGE_SIDES = {}
MAX_PAGE_SIDES = 512


def searchable_page_models():
    """Every page type of the portal but the site root."""
    from home.models import HomePage

    return [m for m in get_page_models() if m not in (Page, HomePage)]


def page_type_key(model):
    return model._meta.label_lower


def title_boost(model):
    """The boost a model's ``search_fields`` give its title (Wagtail's pages: 2): its type's weight
    in the ranking, so that a page type ranks above another at equal match."""
    boosts = [f.boost for f in model.get_search_fields() if isinstance(f, SearchField) and f.field_name == "title"]
    return float(boosts[-1] or 1) if boosts else 1.0


class TextMatch:
    """The full-text condition of a query on the search index, for the database in use
    (``search/sqlite.py``, ``search/postgres.py``: the only code that reads the index tables),
    with the stemming of the language the query is written in (the pages' language)."""

    def __init__(self, query, language=DEFAULT_LANGUAGE):
        synonyms = synonym_sets()
        self.language = language
        self.groups = query_groups(query, synonyms, language)
        self.stems = query_stems(query, synonyms, language)
        self.is_empty = not self.stems

    def ranked_entries(self, content_type_ids):
        """(SQL, params) of the matching index entries of these content types, with
        ``content_type_id``, ``object_pk``, ``title_match``, ``entry_id`` and ``score`` (higher is
        better; NULL when ``defers_score``); raises EmptyResultSet when nothing can match."""
        if connection.vendor == "sqlite":
            from .sqlite import ranked_entries
        else:
            from .postgres import ranked_entries
        return ranked_entries(self.groups, title_boost(Page), list(content_type_ids), self.language)

    @property
    def defers_score(self):
        """Whether the entries' score is computed apart, for the rows that can make a page of
        results (``scored_rows``): on PostgreSQL; SQLite's bm25() needs the MATCH."""
        return connection.vendor == "postgresql"

    def scored_rows(self, rows_sql):
        """(SQL, params before rows_sql's): rows_sql's rows (with ``entry_id``) and their ``score``."""
        from .postgres import scored_rows

        return scored_rows(self.groups, title_boost(Page), rows_sql, self.language)


@dataclass
class Hit:
    """One result, with what the results list shows of it."""

    object: object
    is_document: bool
    title_match: bool
    snippet: list = field(default_factory=list)
    # [(facet label, page)]: the option pages of the page-valued facets the hit belongs to (its lab).
    facet_pages: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    # [(theme name, URL)] of the themes, each URL reversed once per search.
    theme_links: list = field(default_factory=list)
    used_by: list = field(default_factory=list)

    @property
    def snippet_html(self):
        """The snippet with the matched words in <mark>, escaped."""
        html = []
        # One escape per run of segments rather than per word.
        for matched, segments in groupby(self.snippet, key=itemgetter(1)):
            text = escape("".join(text for text, _ in segments))
            html.append(f"<mark>{text}</mark>" if matched else text)
        return mark_safe("".join(html))

    @property
    def type_label(self):
        from django.utils.translation import gettext

        if self.is_document:
            return gettext("Document")
        return self.object._meta.verbose_name


def highlight(text, stems, language=DEFAULT_LANGUAGE, length=SNIPPET_WORDS):
    """A passage of text around the first matching word, as [(text, is_match)], or [] if none matches."""
    parts = re.split(r"([^\W_]+)", text[:MAX_SNIPPET_SOURCE])
    word_positions = list(range(1, len(parts), 2))
    first = next((n for n, i in enumerate(word_positions) if matches_any(parts[i], stems, language)), None)
    if first is None:
        return []
    start = max(0, first - length // 3)
    selected = word_positions[start : start + length]
    if not selected:
        return []
    segments = [("… " if start > 0 else "", False)]
    for i in range(selected[0], selected[-1] + 1):
        segments.append((parts[i], i % 2 == 1 and matches_any(parts[i], stems, language)))
    if selected[-1] < word_positions[-1]:
        segments.append((" …", False))
    return segments


def page_texts(page):
    """The page's searchable texts other than its title, as plain text: the summary first."""
    if getattr(page, "summary", ""):
        yield page.summary
    for search_field in page.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name not in ("title", "summary"):
            value = search_field.get_value(page)
            if isinstance(value, list):
                value = " ".join(str(v) for v in value)
            if value:
                yield strip_tags(str(value))


def page_snippet(page, stems, language=DEFAULT_LANGUAGE):
    """A passage of the first of the page's texts with a matching word (texts after it are not read),
    or the summary."""
    passages = (highlight(text, stems, language) for text in page_texts(page))
    return next((passage for passage in passages if passage), None) or [(getattr(page, "summary", ""), False)]


class SiteSearch:
    """A query with its facet choices: the matching hits, their count and the facet counts, among
    the pages of one language (the active one by default)."""

    def __init__(self, query, filters=None, facet_pages=None, window=(0, RESULTS_PER_PAGE), language=None):
        self.query = query
        self.language = language or active_language()
        # The hits fetched with the facet counts: the page of results the visitor asked for.
        self.first_window = window
        self._runs = {}
        self.declared_facets = declared_facets()
        # {facet: {id: page}}: the options of the page-valued facets (the form has them already).
        self._facet_pages = dict(facet_pages or {})
        self.filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
        self.match = TextMatch(query, self.language)
        self.page_models = searchable_page_models()
        content_types = ContentType.objects.get_for_models(*self.page_models)
        self.page_content_type_ids = sorted(ct.pk for ct in content_types.values())
        self.models_by_content_type = {ct.pk: model for model, ct in content_types.items()}
        self.content_type_ids = {model: ct.pk for model, ct in content_types.items()}
        from .models import DocumentText

        self.document_content_type_id = ContentType.objects.get_for_model(DocumentText).pk

    # Building blocks -------------------------------------------------------------

    def live_pages(self):
        """The live public pages of the search's language and page types: Wagtail's ``public()``
        rule (each restricted page and its descendants out) on the restrictions read for this search."""
        private = Q(pk__in=[])
        for path, depth in self.view_restrictions():
            private |= Page.objects.descendant_of_q(Page(path=path, depth=depth), inclusive=True)
        return (
            Page.objects.live()
            .exclude(private)
            .filter(content_type_id__in=self.page_content_type_ids, locale__language_code=self.language)
        )

    def view_restrictions(self):
        """(path, depth) of every page under a view restriction, read once per search and never
        cached across searches: a page restricted a moment ago leaves the results at once."""
        if not hasattr(self, "_view_restrictions"):
            self._view_restrictions = tuple(
                sorted(PageViewRestriction.objects.values_list("page__path", "page__depth"))
            )
        return self._view_restrictions

    def facet_condition(self, exclude=()):
        """The facet choices (but those in exclude) as one condition on pages."""
        condition = Q()
        for name, facet_condition in self.facet_conditions().items():
            if name not in exclude:
                condition &= facet_condition
        return condition

    def facet_conditions(self):
        """{facet: its choice as a condition on pages}, for the chosen facets.

        Conditions on the page columns and the declared facets' columns the statement already
        reads, or on the theme link tables, so that the database checks them without joining
        other tables.
        """
        conditions = {}
        chosen = self.filters
        if "type" in chosen:
            model = next((m for m in self.page_models if page_type_key(m) == chosen["type"]), None)
            # The document type (or an unknown one) leaves no page.
            conditions["type"] = Q(content_type_id=self.content_type_id(model)) if model else Q(pk__in=[])
        if "theme" in chosen:
            theme = next((t for t in self.all_themes().values() if t.slug == chosen["theme"]), None)
            conditions["theme"] = Q(pk__in=[])
            for model in themed_page_models() if theme else []:
                themes_field = model._meta.get_field("themes")
                links = themes_field.remote_field.through.objects.filter(theme_id=theme.pk)
                conditions["theme"] |= Q(pk__in=links.values(themes_field.m2m_field_name()))
        for name, facet in self.declared_facets.items():
            if name in chosen:
                conditions[name] = facet.condition(chosen[name], self.content_type_ids)
        return conditions

    def content_type_id(self, model):
        return next(ct for ct, m in self.models_by_content_type.items() if m is model)

    # Results ---------------------------------------------------------------------

    def count(self):
        # The type facet's counts (other facets applied) give the total.
        page_counts, document_count = self.type_counts()
        chosen = self.filters.get("type")
        if chosen == DOCUMENT_TYPE:
            return document_count
        if chosen:
            model = next((m for m in self.page_models if page_type_key(m) == chosen), None)
            return page_counts.get(self.content_type_id(model), 0) if model else 0
        return sum(page_counts.values()) + document_count

    def type_counts(self):
        """({content type id: matching pages}, matching documents), with every facet but the type applied."""
        counts = self.facet_counts()
        pages = {int(value): n for (facet, value), n in counts.items() if facet == "type"}
        return pages, counts.get(("document", DOCUMENT_TYPE), 0)

    def facet_counts(self):
        """{(facet, value): count} for every facet, each with the other facets applied."""
        return self.run(*self.first_window)[0]

    def words_match(self):
        """Whether some page or document holds the words, whatever the facet choices (when the
        choices alone leave nothing, no spelling correction is tried)."""
        return bool(self.count() or self.facet_counts()[ANY_CHOICE, ""])

    def hits(self):
        """The hits, best first (title matches first), as a sliceable list for a paginator."""
        return HitList(self)

    def ranked_rows(self, start, stop):
        """[(content type id, object id, title matched)] of the hits from start to stop, best first."""
        first_start, first_stop = self.first_window
        if first_start <= start and stop <= first_stop:
            # Within the rows fetched with the facets (the paginator asks for fewer on the last page).
            return self.run(first_start, first_stop)[1][start - first_start : stop - first_start]
        # Another window (a page beyond the last) needs no facets.
        return self.run(start, stop, with_facets=False)[1]

    def top_hits(self, number):
        """The best hits, without facet counts (suggested hits)."""
        return self.build_hits(self.run(0, number, with_facets=False)[1])

    def run(self, start, stop, with_facets=True):
        """(facet counts, ranked rows from start to stop), from one SQL statement.

        The full-text match runs once for pages and once for documents, each joined to its
        table in a materialised common table with the rank and the facet values; each facet is
        then a GROUP BY over the matching pages (with the other facets applied) and the hits
        the best rows of both tables.
        """
        if self.match.is_empty:
            return Counter(), []
        key = (start, stop, with_facets)
        if key not in self._runs:
            self._runs[key] = self._run(start, stop, with_facets)
        return self._runs[key]

    def _run(self, start, stop, with_facets):
        names = self.chosen_facet_names()
        tables = self._common_tables()
        if tables is None:
            return Counter(), []  # e.g. only stop words: nothing can match
        selects = self._facet_selects(names) if with_facets else []
        selects.append(self._hits_select(names, start, stop))
        sql = f"WITH {', '.join(sql for sql, _ in tables)} {' UNION ALL '.join(sql for sql, _ in selects)}"
        params = [param for _, table_params in [*tables, *selects] for param in table_params]
        counts, rows = Counter(), []
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            # Each row is (facet, value, count, None) or (hit kind, content type id, object id, position).
            for kind, value, number, position in cursor.fetchall():
                if position is None:
                    counts[kind, value] += number
                else:
                    rows.append((position, int(value), number, kind == "title_hit"))
        return counts, [row[1:] for row in sorted(rows)]

    def chosen_facet_names(self):
        """The chosen facets, in the order of their ``meets_`` columns (``facet_conditions``)."""
        return [name for name in ("type", "theme", *self.declared_facets) if name in self.filters]

    def _common_tables(self):
        """[(SQL, params)] of the statement's two common tables: the live public pages that match,
        with their rank, facet values and one flag per chosen facet; the matching documents used
        by live public pages that meet the facet choices, with their rank. None when nothing can match.

        Each joins the full-text match to its table in a plain subquery, so that the database
        plans the join with the statistics of both tables.
        """
        page_side = self._page_side()
        if page_side is None:
            return None
        pages, documents = page_side
        try:
            page_entries = self.match.ranked_entries(self.page_content_type_ids)
        except EmptyResultSet:
            return None
        if documents is None:
            # No document can match (no live page uses one, say): an empty table of the same shape.
            document_entries = (
                "SELECT 0 AS object_pk, 0 AS title_match, CAST(0 AS DOUBLE PRECISION) AS score, 0 AS entry_id "
                "WHERE 1 = 0",
                (),
            )
            documents = ("SELECT 0 AS id WHERE 1 = 0", ())
        else:
            document_entries = self.match.ranked_entries([self.document_content_type_id])
        matched_pages = (
            f"{MATCHED_PAGES} AS {materialized()} (SELECT p.*, e.title_match, e.score, e.entry_id "
            f"FROM ({page_entries[0]}) e JOIN ({pages[0]}) p "
            "ON p.id = e.object_pk AND p.content_type_id = e.content_type_id)"
        )
        matched_documents = (
            f"{MATCHED_DOCUMENTS} AS {materialized()} (SELECT d.id, e.title_match, e.score, e.entry_id "
            f"FROM ({document_entries[0]}) e JOIN ({documents[0]}) d ON d.id = e.object_pk)"
        )
        return [
            (matched_pages, [*page_entries[1], *pages[1]]),
            (matched_documents, [*document_entries[1], *documents[1]]),
        ]

    def _page_side(self):
        """((SQL, params) of the live public pages with their facet values and choices, (SQL,
        params) of the documents they use or None), or None when no page can match.

        They depend on the language, the choices and the view restrictions, not on the words: built
        with the ORM once per such shape in a process, then read from ``_PAGE_SIDES``."""
        key = (
            connection.alias,
            self.language,
            self.view_restrictions(),
            self._choices_key(),
            # What the columns are built from (constant in a process, but for tests that declare a facet).
            tuple(self.page_content_type_ids),
            self.document_content_type_id,
            tuple(self.declared_facets.items()),
        )
        if key in _PAGE_SIDES:
            return _PAGE_SIDES[key]
        from .documents import used_document_ids
        from .models import DocumentText

        conditions = self.facet_conditions()
        facet_values = {}
        for facet in self.declared_facets.values():
            facet_values.update(facet.value_columns(self.content_type_ids))
        pages = (
            self.live_pages()
            .annotate(
                **{f"meets_{name}": Case(When(condition, then=1), default=0) for name, condition in conditions.items()},
                type_weight=self.type_weights(),
            )
            .order_by()
            .values(
                "id",
                "content_type_id",
                "type_weight",
                *(f"meets_{name}" for name in conditions),
                **facet_values,
            )
        )
        try:
            side = (sql_with_params(pages), None)
        except EmptyResultSet:
            side = None
        if side is not None:
            try:
                used = used_document_ids(self.live_pages().filter(self.facet_condition(exclude=("type",))))
                side = (side[0], sql_with_params(DocumentText.objects.filter(used).values("id")))
            except EmptyResultSet:
                pass
        if len(_PAGE_SIDES) >= MAX_PAGE_SIDES:
            _PAGE_SIDES.pop(next(iter(_PAGE_SIDES), None), None)  # another thread may have taken it
        _PAGE_SIDES[key] = side
        return side

    def _choices_key(self):
        """The facet choices as what the page side's SQL is built from: a theme's id, an option
        page's id and place in the tree, a choice's value."""
        key = []
        for name in self.chosen_facet_names():
            chosen = self.filters[name]
            if name == "theme":
                chosen = next((t.pk for t in self.all_themes().values() if t.slug == chosen), None)
            elif isinstance(chosen, Page):
                chosen = (chosen.pk, chosen.path, chosen.depth)
            key.append((name, chosen))
        return tuple(key)

    def type_weights(self):
        """Each page's type weight as one SQL CASE on its content type (written here: the ORM's
        Case with a When per page type took a tenth of the request to build and compile)."""
        weights = [(ct, title_boost(model)) for ct, model in self.models_by_content_type.items()]
        column = f"{connection.ops.quote_name(Page._meta.db_table)}.{connection.ops.quote_name('content_type_id')}"
        whens = " ".join("WHEN %s THEN %s" for _ in weights)
        sql = f"CAST(CASE {column} {whens} ELSE 1.0 END AS DOUBLE PRECISION)"
        return RawSQL(sql, [param for weight in weights for param in weight], output_field=FloatField())

    def _facet_selects(self, names):
        """[(SQL, params)]: (facet, value, count, NULL) rows, each facet with the other choices applied."""

        def meets(exclude):
            return " ".join(f"AND meets_{name} = 1" for name in names if name != exclude)

        def grouped(facet, value, where="1 = 1", params=(), choice=None):
            """Counts by value of the matching pages that meet every choice but this facet's."""
            sql = (
                f"SELECT '{facet}', CAST({value} AS TEXT), COUNT(*), {NO_POSITION} FROM {MATCHED_PAGES} "
                f"WHERE {where} {meets(choice or facet)} GROUP BY {value}"
            )
            return sql, params

        selects = [
            # The matching pages whatever the choices: whether the words or the choices found nothing.
            (f"SELECT '{ANY_CHOICE}', '', COUNT(*), {NO_POSITION} FROM {MATCHED_PAGES}", ()),
            grouped("type", "content_type_id"),
            (f"SELECT 'document', '{DOCUMENT_TYPE}', COUNT(*), {NO_POSITION} FROM {MATCHED_DOCUMENTS}", ()),
        ]
        for name, facet in self.declared_facets.items():
            selects.append(grouped(name, facet.column, f"{facet.column} IS NOT NULL"))
            if facet.parent_column:
                # A page whose value is its parent: counted by parent path, then mapped to the parent.
                selects.append(
                    grouped(f"{name}:parent", facet.parent_column, f"{facet.parent_column} IS NOT NULL", choice=name)
                )
        for model in themed_page_models():
            themes_field = model._meta.get_field("themes")
            through = themes_field.remote_field.through._meta.db_table
            # The matching pages of this type, each looked up in the through table's page index (a
            # CROSS JOIN keeps SQLite from building a temporary index over the matching pages for
            # each type; PostgreSQL plans it as any join).
            selects.append(
                (
                    f"SELECT 'theme', CAST(t.theme_id AS TEXT), COUNT(*), {NO_POSITION} FROM {MATCHED_PAGES} p "
                    f"CROSS JOIN {through} t WHERE p.content_type_id = %s "
                    f"AND t.{themes_field.m2m_column_name()} = p.id {meets('theme')} GROUP BY t.theme_id",
                    (self.content_type_ids[model],),
                )
            )
        return selects

    def _hits_select(self, names, start, stop):
        """(SQL, params): the hits from start to stop: pages whose title matches first, then by the
        weight of their type (the title boost its ``search_fields`` declare: method cards first),
        then by rank. Documents come after the pages, so below the page that offers them."""
        meets_all = " ".join(f"AND meets_{name} = 1" for name in names)
        columns = "content_type_id, id, title_match, type_weight, score, entry_id"
        candidates = [f"SELECT {columns} FROM {MATCHED_PAGES} WHERE 1 = 1 {meets_all}"]
        params = []
        if self.filters.get("type") in (None, DOCUMENT_TYPE):
            candidates.append(
                "SELECT CAST(%s AS INTEGER), id, 0, CAST(0 AS DOUBLE PRECISION), score, entry_id "
                f"FROM {MATCHED_DOCUMENTS}"
            )
            params.append(self.document_content_type_id)
        candidates_sql = " UNION ALL ".join(candidates)
        order = "title_match DESC, type_weight DESC, score DESC, content_type_id, id"
        if self.match.defers_score:
            # Only the rows of the (title match, type weight) groups the page of results reaches
            # are ranked: those of the last hit's group and above.
            reached = (
                f"WHERE (c.title_match, c.type_weight) >= ALL (SELECT title_match, type_weight FROM "
                f"({candidates_sql}) AS b ORDER BY title_match DESC, type_weight DESC LIMIT 1 OFFSET %s)"
            )
            unscored = "c.content_type_id, c.id, c.title_match, c.type_weight, c.entry_id"
            scored_sql, scored_params = self.match.scored_rows(
                f"SELECT {unscored} FROM ({candidates_sql}) AS c {reached}"
            )
            ranked = f"SELECT * FROM ({scored_sql}) AS candidates"
            params = [*scored_params, *params, *params, stop - 1]
        else:
            ranked = f"SELECT * FROM ({candidates_sql}) AS candidates"
        # ORDER BY with LIMIT: the database keeps the best rows without sorting every match.
        sql = (
            "SELECT CASE WHEN title_match = 1 THEN 'title_hit' ELSE 'hit' END, CAST(content_type_id AS TEXT), "
            f"id, ROW_NUMBER() OVER (ORDER BY {order}) FROM ("
            f"{ranked} ORDER BY {order} LIMIT %s OFFSET %s"
            ") AS hits"
        )
        return sql, [*params, stop - start, start]

    def build_hits(self, rows):
        """Turn ranked rows into hits with their snippet, lab, themes and using pages, in a few queries."""
        from .documents import pages_using_documents
        from .models import DocumentText

        page_ids_by_type, document_ids = {}, []
        for content_type_id, pk, _ in rows:
            if content_type_id == self.document_content_type_id:
                document_ids.append(pk)
            else:
                page_ids_by_type.setdefault(content_type_id, []).append(pk)
        # The statement gave each page's type: one query per type, none for the base pages.
        pages = {
            page.pk: page
            for content_type_id, ids in page_ids_by_type.items()
            for page in self.models_by_content_type[content_type_id].objects.filter(pk__in=ids)
        }
        texts = {t.pk: t for t in DocumentText.objects.filter(pk__in=document_ids).select_related("document")}
        usage = pages_using_documents([t.document_id for t in texts.values()])
        page_valued = []
        for facet in self.declared_facets.values():
            if facet.is_page_valued:
                options = self.facet_pages(facet.name)
                page_valued.append((facet, options, {page.path: page for page in options.values()}))
        themes = self.themes_of(pages.values())
        hits = []
        for content_type_id, pk, title_match in rows:
            if content_type_id == self.document_content_type_id:
                if pk in texts:
                    text = texts[pk]
                    hits.append(
                        Hit(
                            object=text.document,
                            is_document=True,
                            title_match=bool(title_match),
                            snippet=highlight(text.text, self.match.stems, self.language),
                            used_by=usage.get(text.document_id, []),
                        )
                    )
                continue
            page = pages.get(pk)
            if page is None:
                continue
            facet_pages = [
                (facet.label, option)
                for facet, options, by_path in page_valued
                if (option := facet.page_of(page, options, by_path))
            ]
            snippet = page_snippet(page, self.match.stems, self.language)
            hits.append(
                Hit(
                    object=page,
                    is_document=False,
                    title_match=bool(title_match),
                    snippet=snippet,
                    facet_pages=facet_pages,
                    themes=themes.get(page.pk, []),
                    theme_links=[(theme.name, self.theme_url(theme)) for theme in themes.get(page.pk, [])],
                )
            )
        return hits

    def themes_of(self, pages):
        """{page id: [themes]} for these pages, one query per themed page type present."""
        by_model = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page.pk)
        all_themes = self.all_themes()
        result = {}
        for model in themed_page_models():
            if model not in by_model:
                continue
            themes_field = model._meta.get_field("themes")
            through = themes_field.remote_field.through
            source = themes_field.m2m_field_name()
            pairs = through.objects.filter(**{f"{source}_id__in": by_model[model]}).values_list(
                f"{source}_id", "theme_id"
            )
            for page_id, theme_id in pairs:
                if theme_id in all_themes:
                    result.setdefault(page_id, []).append(all_themes[theme_id])
        return result

    def facet_pages(self, name):
        """The live public option pages of a page-valued facet, by id (cached on the search)."""
        if name not in self._facet_pages:
            self._facet_pages[name] = self.declared_facets[name].option_pages(self.language)
        return self._facet_pages[name]

    def theme_url(self, theme):
        if not hasattr(self, "_theme_urls"):
            self._theme_urls = {}
        if theme.pk not in self._theme_urls:
            self._theme_urls[theme.pk] = theme.get_absolute_url()
        return self._theme_urls[theme.pk]

    def all_themes(self):
        if not hasattr(self, "_themes"):
            self._themes = {theme.pk: theme for theme in Theme.objects.all()}
        return self._themes

    # Facets ----------------------------------------------------------------------

    def facets(self):
        """{facet: [(value, label, count)]}, counts by the database, with the other facets applied."""
        if self.match.is_empty:
            return {}
        from django.utils.translation import gettext

        counts = self.facet_counts()
        by_facet = {}
        for (facet, value), n in counts.items():
            if n:
                by_facet.setdefault(facet, {})[value] = n

        def by_count(options):
            return sorted(options, key=lambda option: (-option[2], option[1]))

        facets = {}
        type_counts, document_count = self.type_counts()
        types = [
            (page_type_key(model), str(model._meta.verbose_name_plural).capitalize(), type_counts.get(ct_id, 0))
            for ct_id, model in self.models_by_content_type.items()
        ]
        types.append((DOCUMENT_TYPE, gettext("Documents"), document_count))
        facets["type"] = by_count(t for t in types if t[2])

        themes = {str(pk): theme for pk, theme in self.all_themes().items()}
        facets["theme"] = by_count(
            (themes[pk].slug, themes[pk].name, n) for pk, n in by_facet.get("theme", {}).items() if pk in themes
        )

        for name, facet in self.declared_facets.items():
            counted = by_facet.get(name, {})
            if not facet.is_page_valued:
                facets[name] = [(value, label, counted[value]) for value, label in facet.choices if counted.get(value)]
                continue
            options = self.facet_pages(name)
            counts = Counter(counted)
            ids_by_path = {page.path: str(pk) for pk, page in options.items()}
            for path, n in by_facet.get(f"{name}:parent", {}).items():
                if path in ids_by_path:
                    counts[ids_by_path[path]] += n
            facets[name] = by_count(
                (str(pk), page.title, counts[str(pk)]) for pk, page in options.items() if counts.get(str(pk))
            )
        return facets


def sql_with_params(queryset):
    """(SQL, params) of a queryset; raises EmptyResultSet when it can match nothing."""
    return queryset.query.sql_with_params()


def materialized():
    """Compute a common table once however often the statement reads it (SQLite 3.35+, PostgreSQL 12+)."""
    if connection.vendor == "sqlite" and connection.Database.sqlite_version_info < (3, 35):
        return ""
    return "MATERIALIZED"


class HitList:
    """Lazy, sliceable hits for Django's Paginator: only the requested page is loaded."""

    def __init__(self, search):
        self.search = search

    def count(self):
        return self.search.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            if self.search.match.is_empty:
                return []
            return self.search.build_hits(self.search.ranked_rows(index.start or 0, index.stop))
        return self[index : index + 1][0]


FALLBACK_SEARCHES = 8
# Titles read to complete a stop word ("dé"), keeping those where it starts another word.
AUTOCOMPLETE_CANDIDATES = 100


def fallback_search(query, filters=None, facet_pages=None, window=(0, RESULTS_PER_PAGE)):
    """For a query that finds nothing: ("corrected", query, search) when the spelling-corrected
    query finds something, else ("partial", words, search) for the most of its words that find
    something together (at most FALLBACK_SEARCHES tries), else None."""
    terms = query_terms(query)
    corrected = corrected_query(terms)
    if corrected:
        search = SiteSearch(corrected, filters, facet_pages, window)
        if search.count():
            return "corrected", corrected, search
    words_kept = corrected.split() if corrected else terms
    tries = 0
    for size in range(len(words_kept) - 1, 0, -1):
        best = None
        for subset in combinations(words_kept, size):
            if tries == FALLBACK_SEARCHES:
                break
            tries += 1
            search = SiteSearch(" ".join(subset), filters, facet_pages, window)
            if search.count() and (best is None or search.count() > best[1].count()):
                best = (" ".join(subset), search)
        if best:
            return ("partial", *best)
    return None


def autocomplete(query, limit=8):
    """Live public pages whose title starts with the words typed so far, through the search
    backend's public API (the database's autocomplete column, or Elasticsearch's)."""
    if not autocomplete_terms(query):
        return []
    pages = (
        Page.objects.live()
        .public()
        .filter(
            content_type__in=ContentType.objects.get_for_models(*searchable_page_models()).values(),
            # Page's FilterField "locale" (the backend filters on the field, not on a join).
            locale=Locale.objects.filter(language_code=active_language()).first(),
        )
    )
    last = fold(autocomplete_terms(query)[-1])
    if last not in STOP_WORDS:
        return list(pages.select_related("content_type").autocomplete(query, operator="and")[:limit])
    # "dé" starts "de" too: keep the titles where it starts a word that means something.
    candidates = pages.select_related("content_type").autocomplete(query, operator="and")[:AUTOCOMPLETE_CANDIDATES]
    return [
        page
        for page in candidates
        if any(fold(w).startswith(last) and fold(w) not in STOP_WORDS for w in words(page.title))
    ][:limit]
