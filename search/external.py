"""Elasticsearch/OpenSearch (``SEARCH_URL``): the results, the documents, the facets and the
autocomplete through the backend's public API: ``.search()`` on querysets filtered by
``FilterField``s, ``.facet()`` (the engine's terms aggregations) and ``.autocomplete()``.

The theme facet and the page-valued facets (the lab) need joins that the index does not hold:
they are left out with an external engine, and said so in the README."""

from django.contrib.contenttypes.models import ContentType
from modelsearch.backends import get_search_backend
from wagtail.models import Locale, Page

from home.models.mixins import active_language

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

    def page_queryset(self):
        """The live public pages the choices allow, on the declaring model of a chosen facet."""
        model, conditions = Page, {}
        chosen_type = self.filters.get("type")
        if chosen_type:
            model = next((m for m in self.models if page_type_key(m) == chosen_type), None)
            if model is None:
                return None
        for name, facet in declared_facets().items():
            if name in self.filters and facet.fields and not facet.is_page_valued:
                declaring_model, _, attname = facet.fields[0]
                if model not in (Page, declaring_model):
                    return None
                model, conditions[attname] = declaring_model, self.filters[name]
        pages = model.objects.live().public().filter(locale=self.locale, **conditions)
        if model is Page:
            pages = pages.filter(content_type__in=list(self.content_types.values()))
        return pages

    def page_results(self):
        pages = self.page_queryset()
        return pages.search(self.query, operator="and") if pages is not None and self.query else None

    def document_results(self):
        from .documents import used_document_ids

        if self.filters.get("type") not in (None, DOCUMENT_TYPE) or len(self.filters) > bool(self.filters.get("type")):
            return None
        used = list(
            DocumentText.objects.filter(
                used_document_ids(Page.objects.live().public().filter(locale=self.locale))
            ).values_list("pk", flat=True)
        )
        texts = DocumentText.objects.filter(pk__in=used).select_related("document")
        return get_search_backend().search(self.query, texts, operator="and") if self.query else None

    def facets(self):
        """{facet: [(value, label, count)]} from the engine's aggregations (computed once)."""
        if not hasattr(self, "_facets"):
            self._facets = self._aggregated_facets()
        return self._facets

    def _aggregated_facets(self):
        results = self.page_results()
        if results is None:
            return {}
        by_type = results.facet("content_type_id")
        facets = {
            "type": [
                (page_type_key(model), str(model._meta.verbose_name_plural).capitalize(), by_type[ct.pk])
                for model, ct in self.content_types.items()
                if by_type.get(ct.pk)
            ]
        }
        for name, facet in declared_facets().items():
            if facet.is_page_valued or not facet.fields:
                continue
            declaring_model, _, attname = facet.fields[0]
            pages = declaring_model.objects.live().public().filter(locale=self.locale)
            counts = pages.search(self.query, operator="and").facet(attname)
            facets[name] = [(value, label, counts[value]) for value, label in facet.choices if counts.get(value)]
        return facets

    def hits(self, limit):
        """The best page hits, then the documents (a document ranks below the page that offers it)."""
        results = self.page_results()
        hits = [Hit(object=page, is_document=False, title_match=False) for page in (results[:limit] if results else [])]
        documents = self.document_results()
        if documents is not None and len(hits) < limit:
            hits += [
                Hit(object=t.document, is_document=True, title_match=False) for t in documents[: limit - len(hits)]
            ]
        return hits
