"""Search per language: an English page is indexed with English stems and found by an English
query, among the English pages only (results, facets, autocomplete); French stays as it was."""

import pytest
from django.utils import translation

from search.engine import SiteSearch, autocomplete
from tests.factories import LabIndexPageFactory, LabPageFactory, MethodIndexPageFactory, MethodPageFactory
from tests.translations import translate

ENGLISH_SUMMARY = "Designing a cardboard prototype and testing it with the service's users."


@pytest.fixture
def bilingual(home_page):
    """A French method card and lab, each with its English translation, and a French-only card."""
    lab = LabPageFactory(parent=LabIndexPageFactory(parent=home_page), title="Ville de Paris", slug="paris")
    methods = MethodIndexPageFactory(parent=home_page)
    prototyping = MethodPageFactory(
        parent=methods,
        title="Prototypage rapide",
        summary="Fabriquer une maquette en carton pour tester un service avec ses usagers.",
        phase="prototype",
        author_lab=lab,
    )
    MethodPageFactory(parent=methods, title="Carton plein", summary="Un atelier de maquettes en carton.")
    return {
        "prototyping": prototyping,
        "english": translate(prototyping, title="Rapid prototyping", summary=ENGLISH_SUMMARY),
        "english_lab": translate(lab, title="City of Paris"),
    }


def titles(query, language):
    return [hit.object.title for hit in SiteSearch(query, language=language).top_hits(10)]


def test_each_language_finds_its_own_pages(bilingual):
    assert titles("prototypage", "fr") == ["Prototypage rapide"]
    assert titles("carton", "fr") == ["Carton plein", "Prototypage rapide"]
    assert titles("prototype", "en") == ["Rapid prototyping"]
    assert titles("prototypage", "en") == []
    assert titles("cardboard", "fr") == []


def test_english_pages_and_queries_are_stemmed_the_english_way(bilingual):
    # English stems on both sides: "designed", "tested" and "user" share the stems of "Designing",
    # "testing" and "users"; French stemming leaves "designed" and "tested" whole, so none would match.
    for query in ("designed", "tested", "user", "prototyping", "services"):
        assert titles(query, "en") == ["Rapid prototyping"], query
    # English stop words are left out of an English query, as French ones of a French query.
    assert titles("the prototype with users", "en") == ["Rapid prototyping"]
    assert titles("une maquette pour les usagers", "fr") == ["Prototypage rapide"]


def test_snippets_mark_the_words_matched_by_their_english_stem(bilingual):
    [hit] = SiteSearch("tested", language="en").top_hits(1)
    assert "<mark>testing</mark>" in hit.snippet_html


def test_facets_count_the_pages_of_the_language_only(bilingual):
    english = SiteSearch("prototype", language="en")
    assert english.count() == 1
    assert {key: count for key, _, count in english.facets()["type"]} == {"methods.methodpage": 1}
    french = SiteSearch("carton", language="fr")
    assert french.count() == 2
    assert {key: count for key, _, count in french.facets()["type"]} == {"methods.methodpage": 2}


def test_the_active_language_is_searched_by_default(bilingual):
    with translation.override("en"):
        assert [hit.object.title for hit in SiteSearch("prototype").top_hits(5)] == ["Rapid prototyping"]
        assert [page.title for page in autocomplete("Rap")] == ["Rapid prototyping"]
        assert autocomplete("Prototypage") == []
    assert [page.title for page in autocomplete("Prototypage")] == ["Prototypage rapide"]


def test_a_card_translated_after_its_lab_counts_under_the_english_lab(home_page):
    """The copy links the English lab (it exists): the English lab facet counts the English card."""
    lab = LabPageFactory(parent=LabIndexPageFactory(parent=home_page), title="Ville de Paris", slug="paris")
    card = MethodPageFactory(parent=MethodIndexPageFactory(parent=home_page), title="Prototypage", author_lab=lab)
    english_lab = translate(lab, title="City of Paris")
    english_card = translate(card, title="Rapid prototyping", summary=ENGLISH_SUMMARY)
    assert english_card.author_lab_id == english_lab.pk
    english = SiteSearch("prototype", language="en")
    assert [(label, count) for key, label, count in english.facets()["lab"]] == [("City of Paris", 1)]
    french = SiteSearch("prototypage", language="fr")
    assert [(label, count) for key, label, count in french.facets()["lab"]] == [("Ville de Paris", 1)]
