"""How agents type, over the demo content: accents, case and plurals never change what is found.

The word pairs come from the demo's own indexed text, not from a hand list."""

import pytest
from wagtail.models import Page

from search.engine import SiteSearch, page_texts, searchable_page_models
from search.text import STOP_WORDS, fold, singular, words

MAX_PAIRS = 80


@pytest.fixture(scope="module")
def demo_vocabulary(demo_content, django_db_blocker):
    """The distinct lower-case words of every live demo page's indexed text."""
    with django_db_blocker.unblock():
        vocabulary = set()
        for model in searchable_page_models():
            for page in model.objects.live():
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
