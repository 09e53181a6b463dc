"""The portal's search: full text over live public pages and the documents they use,
French-aware, with facet counts computed by the database.

The full-text match runs on the index Wagtail's search backend keeps up to date
(``update_index``, signals): FTS5 on SQLite, tsvectors on PostgreSQL. The rest (live and
public filters, facets, counts, ranking with title matches first) is one SQL query each,
however many pages match.
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchRank
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Length, Substr
from django.db.models.sql import Query
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import SearchField
from wagtail.models import Page, get_page_models

from home.models.taxonomy import Theme, themed_page_models

from .text import MIN_WORD_LENGTH_FOR_SUGGESTION, fold, matches_any, query_stems, query_terms, words

DOCUMENT_TYPE = "document"
SNIPPET_WORDS = 36
# Only the start of a long text is scanned for a passage to show.
MAX_SNIPPET_SOURCE = 20_000


def index_model(name):
    """A model of the search index (they live in wagtail.search's app)."""
    return get_app_config().get_model(name)


def searchable_page_models():
    """Every page type of the portal but the site root."""
    from home.models import HomePage

    return [m for m in get_page_models() if m not in (Page, HomePage)]


def page_type_key(model):
    return model._meta.label_lower


class TextMatch:
    """The full-text condition of a query on the search index, for the database in use."""

    def __init__(self, query):
        self.terms = query_terms(query)
        self.stems = query_stems(query)
        self.vendor = connection.vendor
        self.is_empty = not self.stems

    def meaningful_terms(self):
        """The terms that are not stop words for PostgreSQL's configuration (one query, then cached)."""
        if not hasattr(self, "_meaningful_terms"):
            from .postgres import terms_tsquery

            config = get_search_backend().config
            query = Query(index_model("IndexEntry"))
            compiler = query.get_compiler(connection=connection)
            checks, params = [], []
            for term in self.terms:
                sql, term_params = compiler.compile(terms_tsquery([term], config).resolve_expression(query))
                checks.append(f"numnode({sql})")
                params.extend(term_params)
            counts = []
            if checks:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT " + ", ".join(checks), params)
                    counts = cursor.fetchone()
            self._meaningful_terms = [term for term, count in zip(self.terms, counts, strict=True) if count]
        return self._meaningful_terms

    def _tsquery(self):
        from .postgres import terms_tsquery

        return terms_tsquery(self.terms, get_search_backend().config)

    def entries(self, title_only=False):
        """Matching index entries, annotated with ``content_type_id``, ``object_pk``,
        ``title_match`` and ``score`` (higher is better)."""
        IndexEntry = index_model("IndexEntry")  # noqa: N806
        if self.vendor == "sqlite":
            SQLiteFTSIndexEntry = index_model("SQLiteFTSIndexEntry")  # noqa: N806
            from modelsearch.backends.database.sqlite.query import MatchExpression, SearchQueryExpression

            from .sqlite import stems_expression

            def match(columns):
                return MatchExpression(columns, SearchQueryExpression(stems_expression(self.stems)))

            title_ids = SQLiteFTSIndexEntry.objects.filter(match(["title"])).values("index_entry_id")
            fts = SQLiteFTSIndexEntry._meta.db_table
            # bm25() needs the MATCH in the same query, so the FTS table drives it.
            return SQLiteFTSIndexEntry.objects.filter(match(["title"] if title_only else ["title", "body"])).annotate(
                content_type_id=F("index_entry__content_type_id"),
                object_pk=Cast("index_entry__object_id", IntegerField()),
                title_match=Case(When(index_entry_id__in=title_ids, then=1), default=0),
                # Columns: autocomplete, body, title. FTS5 ranks are negative, best first.
                score=RawSQL(f"-bm25({fts}, 0.0, 1.0, 4.0)", []),
            )
        tsquery = self._tsquery()
        entries = IndexEntry.objects.all()
        if title_only:
            entries = entries.filter(title=tsquery)
        else:
            # Each word in the title or the body: the same as (title || body) @@ query, but
            # PostgreSQL answers it from the GIN indexes instead of reading every entry.
            from .postgres import terms_tsquery

            config = get_search_backend().config
            if not self.meaningful_terms():
                entries = entries.none()  # only stop words: nothing matches
            for term in self.meaningful_terms():
                word = terms_tsquery([term], config)
                entries = entries.filter(Q(title=word) | Q(body=word))
        return entries.annotate(
            object_pk=Cast("object_id", IntegerField()),
            title_match=Case(When(title=tsquery, then=1), default=0),
            score=SearchRank(F("title"), tsquery) * 4 + SearchRank(F("body"), tsquery),
        )

    def object_ids(self, content_type_ids):
        """A subquery of the primary keys of matching objects of these content types."""
        return self.entries().filter(content_type_id__in=content_type_ids).values("object_pk")


@dataclass
class Hit:
    """One result, with what the results list shows of it."""

    object: object
    is_document: bool
    title_match: bool
    snippet: list = field(default_factory=list)
    lab: object = None
    themes: list = field(default_factory=list)
    used_by: list = field(default_factory=list)

    @property
    def snippet_html(self):
        """The snippet with the matched words in <mark>, escaped."""
        return mark_safe(
            "".join(format_html("<mark>{}</mark>", text) if matched else escape(text) for text, matched in self.snippet)
        )

    @property
    def type_label(self):
        from django.utils.translation import gettext

        if self.is_document:
            return gettext("Document")
        return self.object._meta.verbose_name


def highlight(text, stems, length=SNIPPET_WORDS):
    """A passage of text around the first matching word, as [(text, is_match)], or [] if none matches."""
    parts = re.split(r"([^\W_]+)", text[:MAX_SNIPPET_SOURCE])
    word_positions = list(range(1, len(parts), 2))
    first = next((n for n, i in enumerate(word_positions) if matches_any(parts[i], stems)), None)
    if first is None:
        return []
    start = max(0, first - length // 3)
    selected = word_positions[start : start + length]
    if not selected:
        return []
    segments = [("… " if start > 0 else "", False)]
    for i in range(selected[0], selected[-1] + 1):
        segments.append((parts[i], i % 2 == 1 and matches_any(parts[i], stems)))
    if selected[-1] < word_positions[-1]:
        segments.append((" …", False))
    return segments


def page_text(page):
    """The page's searchable text other than its title, as plain text."""
    texts = [page.summary] if getattr(page, "summary", "") else []
    for search_field in page.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name not in ("title", "summary"):
            value = search_field.get_value(page)
            if isinstance(value, list):
                value = " ".join(str(v) for v in value)
            if value:
                texts.append(strip_tags(str(value)))
    return " ".join(texts)


class SiteSearch:
    """A query with its facet choices: the matching hits, their count and the facet counts."""

    def __init__(self, query, filters=None, labs=None):
        self.query = query
        if labs is not None:
            self._labs = labs
        self.filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
        self.match = TextMatch(query)
        self.page_models = searchable_page_models()
        content_types = ContentType.objects.get_for_models(*self.page_models)
        self.page_content_type_ids = sorted(ct.pk for ct in content_types.values())
        self.models_by_content_type = {ct.pk: model for model, ct in content_types.items()}
        from .models import DocumentText

        self.document_content_type_id = ContentType.objects.get_for_model(DocumentText).pk

    # Building blocks -------------------------------------------------------------

    def live_pages(self):
        return Page.objects.live().public().filter(content_type_id__in=self.page_content_type_ids)

    def facet_condition(self, exclude=()):
        """The facet choices (but those in exclude) as a condition on pages."""
        from labs.models import ProjectPage
        from methods.models import MethodPage

        condition = Q()
        chosen = {k: v for k, v in self.filters.items() if k not in exclude}
        if "type" in chosen:
            if chosen["type"] == DOCUMENT_TYPE:
                return Q(pk__in=[])
            model = next((m for m in self.page_models if page_type_key(m) == chosen["type"]), None)
            condition &= Q(content_type_id=ContentType.objects.get_for_model(model).pk) if model else Q(pk__in=[])
        if "theme" in chosen:
            theme_q = Q(pk__in=[])
            for model in themed_page_models():
                theme_q |= Q(pk__in=model.objects.filter(themes__slug=chosen["theme"]).values("pk"))
            condition &= theme_q
        if "lab" in chosen:
            lab = chosen["lab"]
            condition &= (
                Q(pk=lab.pk)
                | Q(pk__in=ProjectPage.objects.child_of(lab).values("pk"))
                | Q(pk__in=MethodPage.objects.filter(author_lab=lab).values("pk"))
            )
        for name in ("phase", "duration"):
            if name in chosen:
                condition &= Q(pk__in=MethodPage.objects.filter(**{name: chosen[name]}).values("pk"))
        return condition

    def pages(self, exclude=()):
        """Live public pages matching the query and the facet choices (but those in exclude)."""
        return (
            self.live_pages()
            .filter(self.facet_condition(exclude))
            .filter(pk__in=self.match.object_ids(self.page_content_type_ids))
        )

    def documents(self, exclude=()):
        """Texts of documents matching the query and used by live public pages matching the facet choices."""
        from .documents import used_document_ids
        from .models import DocumentText

        chosen_type = self.filters.get("type") if "type" not in exclude else None
        if chosen_type and chosen_type != DOCUMENT_TYPE:
            return DocumentText.objects.none()
        using_pages = self.live_pages().filter(self.facet_condition(exclude=(*exclude, "type")))
        return DocumentText.objects.filter(used_document_ids(using_pages)).filter(
            pk__in=self.match.object_ids([self.document_content_type_id])
        )

    # Results ---------------------------------------------------------------------

    def count(self):
        if self.match.is_empty:
            return 0
        # The type facet's counts (other facets applied) give the total: no extra query.
        page_counts, document_count = self.type_counts()
        chosen = self.filters.get("type")
        if chosen == DOCUMENT_TYPE:
            return document_count
        if chosen:
            model = next((m for m in self.page_models if page_type_key(m) == chosen), None)
            return page_counts.get(ContentType.objects.get_for_model(model).pk, 0) if model else 0
        return sum(page_counts.values()) + document_count

    def type_counts(self):
        """({content type id: matching pages}, matching documents), with every facet but the type applied."""
        if not hasattr(self, "_type_counts"):
            pages = self.pages(exclude=("type",)).order_by().values_list("content_type_id").annotate(n=Count("pk"))
            self._type_counts = dict(pages), self.documents(exclude=("type",)).count()
        return self._type_counts

    def present_models(self, facet):
        """Page models that may have results once this facet's choice is left out."""
        if facet in self.filters:
            return set(self.page_models)
        page_counts, _ = self.type_counts()
        return {self.models_by_content_type[ct] for ct, n in page_counts.items() if n}

    def hits(self):
        """The hits, best first (title matches first), as a sliceable list for a paginator."""
        return HitList(self)

    def ranked_rows(self, start, stop):
        # The entries already match the query: restrict them to the allowed pages and documents
        # without repeating the match in the subqueries (PostgreSQL plans that badly).
        from .documents import used_document_ids
        from .models import DocumentText

        allowed_pages = self.live_pages().filter(self.facet_condition())
        allowed_documents = DocumentText.objects.filter(
            used_document_ids(self.live_pages().filter(self.facet_condition(exclude=("type",))))
        )
        if self.filters.get("type") and self.filters["type"] != DOCUMENT_TYPE:
            allowed_documents = allowed_documents.none()
        entries = self.match.entries().filter(
            Q(content_type_id__in=self.page_content_type_ids, object_pk__in=allowed_pages.values("pk"))
            | Q(content_type_id=self.document_content_type_id, object_pk__in=allowed_documents.values("pk"))
        )
        return list(
            entries.order_by("-title_match", "-score", "object_pk").values_list(
                "content_type_id", "object_pk", "title_match"
            )[start:stop]
        )

    def build_hits(self, rows):
        """Turn ranked rows into hits with their snippet, lab, themes and using pages, in a few queries."""
        from .documents import pages_using_documents
        from .models import DocumentText

        page_ids = [pk for ct, pk, _ in rows if ct != self.document_content_type_id]
        document_ids = [pk for ct, pk, _ in rows if ct == self.document_content_type_id]
        pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific()}
        texts = {t.pk: t for t in DocumentText.objects.filter(pk__in=document_ids).select_related("document")}
        usage = pages_using_documents([t.document_id for t in texts.values()])
        labs = self.labs()
        labs_by_path = {lab.path: lab for lab in labs.values()}
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
                            snippet=highlight(text.text, self.match.stems),
                            used_by=usage.get(text.document_id, []),
                        )
                    )
                continue
            page = pages.get(pk)
            if page is None:
                continue
            lab = (
                labs.get(page.pk)
                or labs_by_path.get(page.path[: -Page.steplen])
                or labs.get(getattr(page, "author_lab_id", None))
            )
            snippet = highlight(page_text(page), self.match.stems) or [(getattr(page, "summary", ""), False)]
            hits.append(
                Hit(
                    object=page,
                    is_document=False,
                    title_match=bool(title_match),
                    snippet=snippet,
                    lab=lab,
                    themes=themes.get(page.pk, []),
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

    def labs(self):
        """The live public labs by id (cached on the search)."""
        if not hasattr(self, "_labs"):
            self._labs = live_labs()
        return self._labs

    def all_themes(self):
        if not hasattr(self, "_themes"):
            self._themes = {theme.pk: theme for theme in Theme.objects.all()}
        return self._themes

    # Facets ----------------------------------------------------------------------

    def facets(self):
        """{facet: [(value, label, count)]}, counts by the database, with the other facets applied."""
        from labs.models import LabPage, ProjectPage
        from methods.models import Duration, MethodPage, Phase

        if self.match.is_empty:
            return {}
        facets = {}

        type_counts, document_count = self.type_counts()
        types = [
            (page_type_key(model), str(model._meta.verbose_name_plural).capitalize(), type_counts.get(ct_id, 0))
            for ct_id, model in self.models_by_content_type.items()
        ]
        from django.utils.translation import gettext

        types.append((DOCUMENT_TYPE, gettext("Documents"), document_count))
        facets["type"] = sorted((t for t in types if t[2]), key=lambda t: (-t[2], t[1]))

        theme_pages = self.pages(exclude=("theme",)).values("pk")
        theme_counts = Counter()
        for model in themed_page_models():
            if model not in self.present_models("theme"):
                continue
            themes_field = model._meta.get_field("themes")
            through = themes_field.remote_field.through
            source = themes_field.m2m_field_name()
            theme_counts.update(
                dict(
                    through.objects.filter(**{f"{source}_id__in": theme_pages})
                    .order_by()
                    .values_list("theme_id")
                    .annotate(n=Count("pk"))
                )
            )
        themes = self.all_themes()
        facets["theme"] = sorted(
            ((themes[pk].slug, themes[pk].name, n) for pk, n in theme_counts.items() if pk in themes),
            key=lambda t: (-t[2], t[1]),
        )

        lab_pages = self.pages(exclude=("lab",))
        lab_ids = lab_pages.values("pk")
        lab_counts = Counter()
        labs = self.labs()
        labs_by_path = {lab.path: lab.pk for lab in labs.values()}
        present = self.present_models("lab")
        if ProjectPage in present:
            parent_paths = (
                ProjectPage.objects.filter(pk__in=lab_ids)
                .order_by()
                .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
                .values_list("parent_path")
                .annotate(n=Count("pk"))
            )
            for path, n in parent_paths:
                if path in labs_by_path:
                    lab_counts[labs_by_path[path]] += n
        if MethodPage in present:
            lab_counts.update(
                dict(
                    MethodPage.objects.filter(pk__in=lab_ids, author_lab__isnull=False)
                    .order_by()
                    .values_list("author_lab_id")
                    .annotate(n=Count("pk"))
                )
            )
        if LabPage in present:
            lab_counts.update(lab_pages.filter(pk__in=list(labs)).values_list("pk", flat=True))
        facets["lab"] = sorted(
            ((str(pk), labs[pk].title, n) for pk, n in lab_counts.items() if pk in labs),
            key=lambda t: (-t[2], t[1]),
        )

        method_facets = (("phase", Phase), ("duration", Duration))
        counts = {name: Counter() for name, _ in method_facets}
        if "phase" not in self.filters and "duration" not in self.filters:
            # Neither chosen: both facets from one GROUP BY phase, duration.
            if MethodPage in self.present_models("phase"):
                methods = MethodPage.objects.filter(pk__in=self.pages().values("pk")).order_by()
                for phase, duration, n in methods.values_list("phase", "duration").annotate(n=Count("pk")):
                    counts["phase"][phase] += n
                    counts["duration"][duration] += n
        else:
            for name, _ in method_facets:
                methods = MethodPage.objects.filter(pk__in=self.pages(exclude=(name,)).values("pk")).order_by()
                counts[name].update(dict(methods.values_list(name).annotate(n=Count("pk"))))
        for name, choices in method_facets:
            facets[name] = [(v, label, counts[name][v]) for v, label in choices.choices if counts[name].get(v)]
        return facets


def live_labs():
    """The live public labs by id, by name."""
    from labs.models import LabPage

    return {lab.pk: lab for lab in LabPage.objects.live().public().defer_streamfields().order_by("title")}


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


def suggestions(query, limit=5):
    """For a query without result: a spelling-corrected query, or "" when none is close."""
    vocabulary = title_vocabulary()
    corrected, changed = [], False
    for term in query_terms(query):
        folded = fold(term)
        if folded in vocabulary or len(folded) < MIN_WORD_LENGTH_FOR_SUGGESTION:
            corrected.append(term)
            continue
        close = difflib.get_close_matches(folded, vocabulary, n=1, cutoff=0.75)
        corrected.append(close[0] if close else term)
        changed = changed or bool(close)
    return " ".join(corrected) if changed else ""


def title_vocabulary():
    """The folded words of live page titles (cached for ten minutes)."""
    key = "search:title-vocabulary"
    vocabulary = cache.get(key)
    if vocabulary is None:
        titles = Page.objects.live().public().values_list("title", flat=True)
        vocabulary = sorted({fold(w) for title in titles.iterator() for w in words(title) if len(w) > 2})
        cache.set(key, vocabulary, 600)
    return vocabulary


def autocomplete(query, limit=8):
    """Live public pages whose title matches the words typed so far, best first."""
    match = TextMatch(query)
    if match.is_empty:
        return []
    ids = [
        pk
        for (pk,) in match.entries(title_only=True)
        .filter(
            content_type_id__in=[
                ct.pk for ct in ContentType.objects.get_for_models(*searchable_page_models()).values()
            ],
            object_pk__in=Page.objects.live().public().values("pk"),
        )
        .order_by("-score", "object_pk")
        .values_list("object_pk")[:limit]
    ]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).select_related("content_type")}
    return [pages[pk] for pk in ids if pk in pages]
