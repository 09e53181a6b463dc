"""The scale-out path (SEARCH_URL): Elasticsearch's mapping and query bodies, built through the
backend's public API, and the answer when the engine does not answer. No cluster runs here: see
the README (Search › Elasticsearch/OpenSearch) for what was not run against a real one."""

import re

import pytest
from django.urls import reverse
from elasticsearch import Elasticsearch
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText

from methods.models import MethodPage
from search.models import DocumentText
from tests.factories import (
    LabIndexPageFactory,
    LabPageFactory,
    MethodIndexPageFactory,
    MethodPageFactory,
    ProjectPageFactory,
    ThemeFactory,
)

# A closed port of this machine: the client fails at once, and nothing leaves the machine.
UNREACHABLE = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX": "entrelabs-test",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0},
        "INDEX_SETTINGS": {},
    }
}


@pytest.fixture
def elasticsearch(settings):
    settings.WAGTAILSEARCH_BACKENDS = UNREACHABLE
    return get_search_backend("default")


def test_the_mapping_holds_the_fields_search_and_facets_read(elasticsearch):
    properties = elasticsearch.mapping_class(MethodPage).get_mapping()
    fields = str(properties)
    # The facets' aggregations read the filter fields; the text fields are searched.
    names = ("phase_filter", "duration_filter", "author_lab_id_filter", "content_type_id_filter", "live_filter")
    # The theme and lab facets: the themes' ids and slugs, the parent's id (a project's lab).
    for name in (*names, "themes_filter", "'slug_filter'", "home_contentpage__parent_page_id_filter"):
        assert name in fields, name
    assert "why_use" in fields and "title" in fields
    document_fields = str(elasticsearch.mapping_class(DocumentText).get_mapping())
    assert "text" in document_fields and "id_filter" in document_fields


@pytest.mark.django_db
def test_the_query_body_filters_and_matches_every_word(elasticsearch):
    pages = MethodPage.objects.live().filter(phase="test")
    compiler = elasticsearch.query_compiler_class(pages, PlainText("prototypage rapide", operator="and"))
    body = str(compiler.get_query())
    assert "prototypage rapide" in body and "'operator': 'and'" in body
    assert "phase_filter" in body and "'test'" in body and "live_filter" in body


@pytest.mark.django_db
def test_an_engine_that_does_not_answer_gives_a_503_and_keeps_the_query(client, elasticsearch, home_page):
    response = client.get(reverse("search"), {"q": "prototypage"})
    assert response.status_code == 503
    html = response.content.decode()
    assert "La recherche est momentanément indisponible" in html and 'value="prototypage"' in html
    response = client.get(reverse("search_autocomplete"), {"q": "proto"})
    assert response.status_code == 503 and response.json() == {"results": []}


@pytest.fixture
def engine(monkeypatch, elasticsearch):
    """The engine's answers without a server: each search request the backend sends is recorded
    and answered with the hits (by page type) and the aggregation buckets (by field) the test sets."""

    class FakeEngine:
        requests = []
        hits = {}  # {"methods.MethodPage": [(pk, score)]}
        buckets = {}  # {indexed field: [(value, count)]}

        @staticmethod
        def search(client, **request):
            FakeEngine.requests.append(request)
            page_type = re.search(r"'_django_content_type': '([\w.]+)'", str(request["query"])).group(1)
            hits = [{"fields": {"pk": [str(pk)]}, "_score": score} for pk, score in FakeEngine.hits.get(page_type, [])]
            aggregations = {
                name: {"buckets": [{"key": v, "doc_count": n} for v, n in FakeEngine.buckets.get(terms["field"], [])]}
                for name, terms in ((n, a["terms"]) for n, a in request.get("aggregations", {}).items())
            }
            return {"hits": {"total": {"value": len(hits)}, "hits": hits}, "aggregations": aggregations}

        @staticmethod
        def queries_counting(field):
            """The query bodies of the aggregations that count this indexed field."""
            return [
                str(r["query"])
                for r in FakeEngine.requests
                if any(a["terms"]["field"] == field for a in r.get("aggregations", {}).values())
            ]

    monkeypatch.setattr(Elasticsearch, "search", FakeEngine.search)
    return FakeEngine


@pytest.fixture
def network(home_page):
    inclusion = ThemeFactory(name="Inclusion", slug="inclusion")
    lab = LabPageFactory(parent=LabIndexPageFactory(parent=home_page), title="La 27e Région")
    method = MethodPageFactory(parent=MethodIndexPageFactory(parent=home_page), title="Prototypage", author_lab=lab)
    project = ProjectPageFactory(parent=lab, title="Cantine prototype")
    for page in (method, project):
        page.themes.set([inclusion])
        page.save()
    return {"inclusion": inclusion, "lab": lab, "method": method, "project": project}


def facet_options(response):
    return {g["name"]: [(o["label"], o["count"]) for o in g["options"]] for g in response.context["facets"]}


@pytest.mark.django_db
def test_theme_and_lab_facets_sum_each_page_types_aggregation(client, engine, network):
    theme, lab = str(network["inclusion"].pk), network["lab"].pk
    engine.buckets = {
        "methods_methodpage__themes_filter": [(theme, 2)],
        "labs_projectpage__themes_filter": [(theme, 1)],
        "methods_methodpage__author_lab_id_filter": [(lab, 2)],
        "id_filter": [(lab, 1)],  # a lab counts for itself
        "home_contentpage__parent_page_id_filter": [(lab, 1)],  # a project for its parent lab
    }
    response = client.get(reverse("search"), {"q": "prototypage"})
    assert response.status_code == 200
    facets = facet_options(response)
    assert facets["theme"] == [("Inclusion", 3)] and facets["lab"] == [("La 27e Région", 4)]
    # Each request runs the query as typed, every word required; the pages' on live pages only.
    for query in (str(request["query"]) for request in engine.requests):
        assert "'query': 'prototypage'" in query and "'operator': 'and'" in query
        assert "live_filter" in query or "search.DocumentText" in query


@pytest.mark.django_db
def test_a_chosen_lab_filters_each_page_type_on_its_own_field(client, engine, network):
    lab = network["lab"]
    response = client.get(reverse("search"), {"q": "prototypage", "lab": lab.pk})
    assert response.status_code == 200
    (method_query,) = engine.queries_counting("methods_methodpage__themes_filter")
    assert f"'methods_methodpage__author_lab_id_filter': {lab.pk}" in method_query
    (project_query,) = engine.queries_counting("labs_projectpage__themes_filter")
    assert f"'prefix': {{'path_filter': '{lab.path}'}}" in project_query
    assert f"'depth_filter': {lab.depth + 1}" in project_query
    (lab_query,) = engine.queries_counting("labs_labpage__themes_filter")
    assert f"'term': {{'path_filter': '{lab.path}'}}" in lab_query
    # The lab facet itself is counted without the lab chosen, so that other labs stay offered.
    assert all(str(lab.pk) not in q for q in engine.queries_counting("methods_methodpage__author_lab_id_filter"))


@pytest.mark.django_db
def test_a_chosen_theme_merges_the_page_types_hits_by_score(client, engine, network):
    engine.hits = {
        "methods.MethodPage": [(network["method"].pk, 1.5)],
        "labs.ProjectPage": [(network["project"].pk, 3.0)],
    }
    response = client.get(reverse("search"), {"q": "prototypage", "theme": "inclusion"})
    assert response.status_code == 200
    assert [hit.object.title for hit in response.context["results"].object_list] == ["Cantine prototype", "Prototypage"]
    hit_queries = [str(r["query"]) for r in engine.requests if "aggregations" not in r]
    assert hit_queries and all("slug_filter': 'inclusion'" in q and "'nested'" in q for q in hit_queries)
