"""The scale-out path (SEARCH_URL): Elasticsearch's mapping and query bodies, built through the
backend's public API, and the answer when the engine does not answer. No cluster runs here: see
the README (Search › Elasticsearch/OpenSearch) for what was not run against a real one."""

import pytest
from django.urls import reverse
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText

from methods.models import MethodPage
from search.models import DocumentText

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
    for name in ("phase_filter", "duration_filter", "author_lab_id_filter", "content_type_id_filter", "live_filter"):
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
