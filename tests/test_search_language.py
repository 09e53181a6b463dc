"""How agents type, over the demo content: accents, case and plurals never change what is found.

The word pairs come from the demo's own indexed text, not from a hand list."""

import pytest
from wagtail.models import Page

from search.engine import SiteSearch, page_texts, searchable_page_models
from search.text import STOP_WORDS, fold, singular, words

MAX_PAIRS = 80


@pytest.fixture(scope="module")
def demo_vocabulary(demo_content, django_db_blocker):
    """The distinct lower-case words of every live French demo page's indexed text (the French
    search's vocabulary; the English pages are searched with English rules, tests/test_bilingual_search.py)."""
    with django_db_blocker.unblock():
        vocabulary = set()
        for model in searchable_page_models():
            for page in model.objects.live().filter(locale__language_code="fr"):
                for text in [page.title, *page_texts(page)]:
                    vocabulary.update(w.lower() for w in words(text) if len(w) > 2 and not w.isdigit())
    return sorted(w for w in vocabulary if fold(w) not in STOP_WORDS)


def found(query):
    """Every page and document the query finds, as (content type, id)."""
    return {(content_type, pk) for content_type, pk, _ in SiteSearch(query).ranked_rows(0, 10_000)}


def spread(pairs):
    """At most MAX_PAIRS pairs, taken evenly across the alphabet."""
    step = max(1, len(pairs) // MAX_PAIRS)
    return pairs[::step][:MAX_PAIRS]


@pytest.mark.django_db
def test_without_accents_or_in_capitals_finds_exactly_the_same(demo_vocabulary):
    accented = spread([w for w in demo_vocabulary if fold(w) != w])
    assert len(accented) >= 40, accented
    differences = [word for word in accented if not found(word) == found(fold(word)) == found(word.upper()) != set()]
    assert differences == []


@pytest.mark.django_db
def test_plural_and_singular_find_each_other(demo_vocabulary):
    present = set(demo_vocabulary)
    pairs = spread([(w, singular(w)) for w in demo_vocabulary if singular(w) != w and singular(w) in present])
    assert len(pairs) >= 20, pairs
    differences = [(plural, single) for plural, single in pairs if not found(plural) == found(single) != set()]
    assert differences == []


@pytest.mark.django_db
def test_the_plural_in_a_title_is_a_title_match(demo_vocabulary):
    method = Page.objects.get(title="Petit déjeuner de l'innovation")
    rows = SiteSearch("petits déjeuners").ranked_rows(0, 10)
    assert (method.content_type_id, method.pk, True) in rows


def first_title(client, query, **params):
    from django.urls import reverse

    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    hits = response.context["results"].object_list
    return response, hits[0].object.title if hits else None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("brainstorming", "Animation créative de réunion"),  # a demo synonym of idéation
        ("expériences usagers", "Parcours usager"),  # a demo synonym of UX, in the plural
    ],
)
def test_demo_synonyms_find_what_their_equivalents_find(client, demo_content, query, expected):
    response, first = first_title(client, query)
    assert first == expected and response.context["fallback"] is None


@pytest.mark.django_db
def test_a_synonym_added_in_the_admin_applies_at_once(admin_client, client, demo_content):
    from django.urls import reverse

    assert first_title(client, "hackathon")[1] is None
    response = admin_client.post(reverse("wagtailsnippets_search_synonym:add"), {"terms": "hackathon, prototypage"})
    assert response.status_code == 302
    assert first_title(client, "hackathon")[1] == "Prototypage rapide"


@pytest.mark.django_db
def test_a_synonym_needs_two_terms(admin_client, demo_content):
    from django.urls import reverse

    response = admin_client.post(reverse("wagtailsnippets_search_synonym:add"), {"terms": "hackathon"})
    assert response.status_code == 200
    assert "Indiquez au moins deux termes" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "corrected", "expected"),
    [
        ("protoypage", "prototypage", "Prototypage rapide"),
        ("immertion", "immersion", "Immersion sur le terrain"),
        ("reunoin creative", "reunion creative", "Animation créative de réunion"),
        # Corrected from the body text too: no title holds "consentement".
        ("consentment", "consentement", None),
    ],
)
def test_one_typo_per_word_shows_the_corrected_results(client, demo_content, typed, corrected, expected):
    response, first = first_title(client, typed)
    assert (response.context["fallback"], response.context["fallback_query"]) == ("corrected", corrected)
    assert first == expected or (expected is None and first)


@pytest.mark.django_db
def test_when_all_words_find_nothing_the_pages_with_most_of_them_are_shown(client, demo_content):
    response, first = first_title(client, "indicateurs succès kangourou")
    assert (response.context["fallback"], response.context["fallback_query"]) == ("partial", "indicateurs succès")
    assert first == "Évaluation par indicateurs de succès"
    assert "Aucune page ne contient tous les mots de « indicateurs succès kangourou »" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("te", "Test utilisateur"),
        ("test", "Test utilisateur"),
        ("test u", "Test utilisateur"),
        ("test ut", "Test utilisateur"),
        ("dé", "Décrochage scolaire"),
        ("petit dé", "Petit déjeuner de l'innovation"),
    ],
)
def test_autocomplete_from_two_letters_keeps_its_list_while_a_word_is_typed(client, demo_content, typed, expected):
    from django.urls import reverse

    data = client.get(reverse("search_autocomplete"), {"q": typed}).json()
    assert expected in [result["title"] for result in data["results"]]
