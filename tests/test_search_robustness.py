"""Any query, page number or facet value gives a normal page (200 or 400), never a 500."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import MethodIndexPageFactory, MethodPageFactory, ThemeFactory

NASTY_QUERIES = [
    "",
    " ",
    "a" * 10_000,
    " ".join(["prototype"] * 500),
    "!!! ??? ... ;;;",
    '"',
    '"prototype',
    "'",
    "*",
    "proto*",
    "NEAR(a b)",
    "a NEAR b",
    "a AND OR NOT b",
    "-prototype",
    "^prototype",
    "(((",
    ")",
    "title:prototype",
    "{title body}: x",
    "\x00",
    "proto\x00type",
    "😀 🚀 prototype",
    "مرحبا بالعالم",
    "שלום",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "\\",
    "%_%",
    "\u202e\u202d",
    "\ud7ff\ue000",
    "²",
    "été aurions",
]

SEARCH_ALPHABET = st.characters(codec="utf-8", exclude_categories=["Cs"])
PARAMS = st.fixed_dictionaries(
    {"q": st.one_of(st.sampled_from(NASTY_QUERIES), st.text(SEARCH_ALPHABET, max_size=300))},
    optional={
        "page": st.one_of(st.text(max_size=30), st.integers(-(10**30), 10**30).map(str)),
        "type": st.one_of(st.text(max_size=30), st.sampled_from(["methods.methodpage", "document", "wagtailcore.x"])),
        "theme": st.one_of(st.text(max_size=30), st.just("inclusion")),
        "lab": st.one_of(st.text(max_size=30), st.integers(-(10**30), 10**30).map(str)),
        "phase": st.text(max_size=30),
        "duration": st.text(max_size=30),
    },
)


@pytest.fixture
def site_with_methods(home_page):
    ThemeFactory(name="Inclusion", slug="inclusion")
    methods = MethodIndexPageFactory(parent=home_page)
    for title in ("Prototypage rapide", "Atelier de prévention du décrochage scolaire"):
        MethodPageFactory(parent=methods, title=title)
    return methods


def assert_normal_answer(client, params):
    # The test client refuses null bytes in URLs only when they are not encoded; they are here.
    response = client.get(reverse("search"), params)
    assert response.status_code in (200, 400), (params, response.status_code)
    response = client.get(reverse("search_autocomplete"), {"q": params.get("q", "")})
    assert response.status_code in (200, 400), (params, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_nasty_queries(client, site_with_methods, query):
    assert_normal_answer(client, {"q": query})


@pytest.mark.django_db
def test_a_long_query_still_finds(client, site_with_methods):
    response = client.get(reverse("search"), {"q": "prototypage " + "x" * 10_000})
    assert response.status_code == 200


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=PARAMS)
def test_any_parameters(client, site_with_methods, params):
    assert_normal_answer(client, params)
