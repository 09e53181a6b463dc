"""Elasticsearch/OpenSearch (``SEARCH_URL``): the results, the documents, the facets and the
autocomplete through the backend's public API: ``.search()`` on querysets filtered by
``FilterField``s, ``.facet()`` (the engine's terms aggregations), ``.annotate_score()`` and
``.autocomplete()``.

The index holds one document per page with its own type's fields, so a facet that several page
types share (the theme, the lab) is filtered and counted on each of these types: one
aggregation per type, summed here, and the hits of the types merged by score."""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from modelsearch.backends import get_search_backend
from wagtail.models import Locale, Page

from home.models.mixins import active_language
from home.models.taxonomy import Theme, themed_page_models

from .engine import DOCUMENT_TYPE, Hit, page_type_key, searchable_page_models
from .facets import declared_facets
from .models import DocumentText
from .text import query_terms

# The hits read from the engine, paginated here: beyond any result list a visitor reads.
MAX_HITS = 200


class ExternalSearch:
    """A query with its facet choices on the external engine: hits, count and facet counts."""

    def __init__(self, query, filters):
        self.query = " ".join(query_terms(query))
        self.filters = filters
        self.models = searchable_page_models()
        self.content_types = ContentType.objects.get_for_models(*self.models)
        # The pages of the language being read (Page's FilterField "locale": no join in the index).
        self.locale = Locale.objects.filter(language_code=active_language()).first()
        self.counts_columns_only = type(get_search_backend()).__module__.startswith("modelsearch.backends.database")

    def querysets(self, exclude=None, models=None):
        """[(model, queryset)] of the live public pages the choices (but ``exclude``) allow: one
        queryset on Page (or the chosen type) when no shared facet is chosen and ``models`` is not
        given, else one per page type among ``models`` that can meet every choice."""
        chosen = {name: value for name, value in self.filters.items() if name != exclude}
        candidates = list(models or self.models)
        if "type" in chosen:
            candidates = [m for m in candidates if page_type_key(m) == chosen["type"]]
        conditions = {model: Q() for model in candidates}
        for name, value in chosen.items():
            if name == "type":
                continue
            if name == "theme":
                allowed = {m: Q(themes__slug=value) for m in themed_page_models()}
            else:
                facet = declared_facets()[name]
                allowed = {m: facet.engine_condition(m, value) for m in facet.declaring_models()}
            conditions = {m: condition & allowed[m] for m, condition in conditions.items() if m in allowed}
        if models is None and set(chosen) <= {"type"}:
            if "type" in chosen:
                return [(model, self.live_pages(model)) for model in candidates]
            return [(Page, self.live_pages(Page).filter(content_type__in=list(self.content_types.values())))]
        return [(model, self.live_pages(model).filter(condition)) for model, condition in conditions.items()]

    def live_pages(self, model):
        return model.objects.live().public().filter(locale=self.locale)

    def search(self, pages):
        return pages.search(self.query, operator="and")

    def document_results(self):
        from .documents import used_document_ids

        if self.filters.get("type") not in (None, DOCUMENT_TYPE) or len(self.filters) > bool(self.filters.get("type")):
            return None
        used = list(DocumentText.objects.filter(used_document_ids(self.live_pages(Page))).values_list("pk", flat=True))
        texts = DocumentText.objects.filter(pk__in=used).select_related("document")
        return get_search_backend().search(self.query, texts, operator="and") if self.query else None

    def facets(self):
        """{facet: [(value, label, count)]} from the engine's aggregations (computed once)."""
        if not hasattr(self, "_facets"):
            self._facets = self._aggregated_facets() if self.query else {}
        return self._facets

    def counted(self, exclude, field, models=None):
        """Counter {value as text: pages} of one FilterField's values over the matching pages that
        meet every choice but ``exclude``, summed over the page types (field: a name, or a function
        of the model)."""
        counts = Counter()
        for model, pages in self.querysets(exclude=exclude, models=models):
            name = field(model) if callable(field) else field
            if not self.can_count(model, name):
                continue
            for value, number in self.search(pages).facet(name).items():
                if value is not None:
                    counts[str(value)] += number
        return counts

    def can_count(self, model, name):
        """Elasticsearch counts any FilterField's indexed values; Wagtail's database backends (the
        tests' stand-in for it) count table columns only, so a project does not count for its lab there."""
        if not self.counts_columns_only:
            return True
        return any(f.attname == name or f.name == name for f in model._meta.get_fields() if hasattr(f, "attname"))

    def _aggregated_facets(self):
        def by_count(options):
            return sorted((o for o in options if o[2]), key=lambda option: (-option[2], option[1]))

        by_type = self.counted("type", "content_type_id")
        facets = {
            "type": [
                (page_type_key(model), str(model._meta.verbose_name_plural).capitalize(), by_type[str(ct.pk)])
                for model, ct in self.content_types.items()
                if by_type.get(str(ct.pk))
            ]
        }
        by_theme = self.counted("theme", "themes", models=themed_page_models())
        facets["theme"] = by_count((t.slug, t.name, by_theme[str(t.pk)]) for t in Theme.objects.all())
        for name, facet in declared_facets().items():
            counts = self.counted(name, facet.engine_field, models=facet.declaring_models())
            if facet.is_page_valued:
                options = facet.option_pages()
                facets[name] = by_count((str(pk), page.title, counts[str(pk)]) for pk, page in options.items())
            else:
                facets[name] = [(value, label, counts[value]) for value, label in facet.choices if counts.get(value)]
        return facets

    def hits(self, limit):
        """The best page hits, then the documents (a document ranks below the page that offers it);
        the hits of several page types merged by the engine's score."""
        if not self.query:
            return []
        querysets = self.querysets()
        if len(querysets) == 1:
            pages = list(self.search(querysets[0][1])[:limit])
        else:
            scored = [page for _, qs in querysets for page in self.search(qs).annotate_score("_score")[:limit]]
            pages = sorted(scored, key=lambda page: -page._score)[:limit]
        hits = [Hit(object=page, is_document=False, title_match=False) for page in pages]
        documents = self.document_results()
        if documents is not None and len(hits) < limit:
            hits += [
                Hit(object=t.document, is_document=True, title_match=False) for t in documents[: limit - len(hits)]
            ]
        return hits
