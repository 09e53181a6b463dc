"""The page fragments (pagecache/fragments.py): with the page cache off, a page's head, header, main
block and footer are rendered once and shown again, the same, until something a page shows
changes; never what is one visitor's own (an editor's page, a preview, a CSRF token, a nonce)."""

import pytest
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from methods.models import MethodPage
from pagecache.fragments import cached_fragment
from tests import factories as f
from tests import test_page_cache

methods = test_page_cache.methods  # the fixture: an index, two methods, a theme

SUMMARY = "Une méthode réutilisable."


@pytest.fixture(autouse=True)
def page_fragments(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.PAGE_FRAGMENT_SECONDS = 300


def change_without_signal(page, **fields):
    """A change no signal reports (a bulk update): a page rendered from its fragments does not show it."""
    MethodPage.objects.filter(pk=page.pk).update(**fields)


def main_block(client, url):
    content = client.get(url).content.decode()
    return content[content.index('<main id="main"') : content.index("</main>")]


def test_a_page_seen_again_shows_its_main_block_from_the_fragments_with_fewer_queries(
    client, methods, django_assert_max_num_queries
):
    empathy = methods["empathy"]
    first = main_block(client, empathy.url)
    change_without_signal(empathy, summary="Résumé changé sans signal.")
    with django_assert_max_num_queries(8):  # the routing, not the main block's lists and links
        again = main_block(client, empathy.url)
    assert again == first
    assert SUMMARY in again


def test_every_page_type_of_the_demo_is_the_same_from_its_fragments(client, demo_content, settings):
    pages = {}
    for page in Page.objects.live().public().specific().exclude(depth=1):
        pages.setdefault(type(page), page)
    assert len(pages) >= 15
    for page in pages.values():
        settings.PAGE_FRAGMENT_SECONDS = 0
        whole = client.get(page.url).content
        settings.PAGE_FRAGMENT_SECONDS = 300
        assert client.get(page.url).content == whole, page.url  # rendered, and kept
        assert client.get(page.url).content == whole, page.url  # from the fragments


def test_publishing_a_page_shows_on_it_and_on_the_pages_listing_or_linking_it(client, methods):
    for page in test_page_cache.SHOWING_PERSONA:
        assert "Persona" in main_block(client, methods[page].url)
    test_page_cache.publish_title(methods["persona"], "Personas et parcours")
    for page in test_page_cache.SHOWING_PERSONA:
        assert "Personas et parcours" in main_block(client, methods[page].url)


def test_a_snippet_change_shows_at_once(client, methods):
    assert "Participation citoyenne" in main_block(client, methods["empathy"].url)
    methods["theme"].name = "Démocratie participative"
    methods["theme"].save()
    assert "Démocratie participative" in main_block(client, methods["empathy"].url)


def test_each_language_and_each_query_string_has_its_own_fragment(client, methods):
    index_url = methods["index"].url
    assert "Fiche méthode" in main_block(client, methods["empathy"].url)
    assert "Method card" in main_block(client, "/en" + methods["empathy"].url)  # the English interface
    assert "Persona" in main_block(client, index_url)
    filtered = main_block(client, f"{index_url}?theme={methods['theme'].slug}")
    assert "Carte d&#x27;empathie" in filtered
    assert "Persona" not in filtered


def test_a_signed_in_editor_gets_the_page_rendered_and_leaves_nothing_behind(client, methods, django_user_model):
    empathy = methods["empathy"]
    editor = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "Mot-de-passe-1234")
    editor_client = Client()
    editor_client.force_login(editor)
    assert SUMMARY in main_block(editor_client, empathy.url)
    change_without_signal(empathy, summary="Résumé relu.")
    assert "Résumé relu." in main_block(client, empathy.url)  # the editor's render was not kept
    change_without_signal(empathy, summary="Résumé relu deux fois.")
    assert "Résumé relu deux fois." in main_block(editor_client, empathy.url)  # nor is the visitor's served to them


def test_a_preview_is_rendered_and_the_live_page_keeps_its_fragments(client, methods, site):
    empathy = methods["empathy"]
    live_host = {"host": site.hostname}  # the address Wagtail's preview request is made for
    client.get(empathy.url, headers=live_host)
    empathy.title = "Carte d'empathie (brouillon)"
    assert "Carte d&#x27;empathie (brouillon)" in empathy.make_preview_request().content.decode()
    assert "(brouillon)" not in client.get(empathy.url, headers=live_host).content.decode()


def test_a_page_under_a_view_restriction_is_rendered_for_each_visitor_who_may_see_it(client, methods):
    persona = methods["persona"]
    restriction = PageViewRestriction.objects.create(
        page=persona, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    password_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, persona.pk])
    client.post(password_url, {"password": "secret", "return_url": persona.url})
    assert SUMMARY in main_block(client, persona.url)
    change_without_signal(persona, summary="Réservé aux membres.")
    assert "Réservé aux membres." in main_block(client, persona.url)
    assert "Réservé aux membres." not in Client().get(persona.url).content.decode()


def visitor_request(page):
    request = RequestFactory().get(page.url)
    request.page_cache_page = page  # as Wagtail's serve view leaves it (pagecache/wagtail_hooks.py)
    return request


def test_a_fragment_showing_a_csrf_token_or_a_nonce_is_each_visitors_own(methods):
    def render_form(request):
        return lambda: f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">'

    first, second = visitor_request(methods["empathy"]), visitor_request(methods["empathy"])
    assert cached_fragment(first, "form", render_form(first)) != cached_fragment(second, "form", render_form(second))

    def with_nonce(request):
        CSPMiddleware(lambda request: HttpResponse()).process_request(request)
        return lambda: f'<script nonce="{request.csp_nonce}"></script>'

    first, second = visitor_request(methods["persona"]), visitor_request(methods["persona"])
    assert cached_fragment(first, "script", with_nonce(first)) != cached_fragment(second, "script", with_nonce(second))
    plain = visitor_request(methods["persona"])
    assert cached_fragment(plain, "text", lambda: "un") == cached_fragment(plain, "text", lambda: "deux") == "un"


def test_page_fragment_seconds_zero_turns_them_off(client, methods, settings):
    settings.PAGE_FRAGMENT_SECONDS = 0
    client.get(methods["empathy"].url)
    change_without_signal(methods["empathy"], summary="Résumé du jour.")
    assert "Résumé du jour." in main_block(client, methods["empathy"].url)


def test_a_lab_page_from_its_fragments_lists_a_project_published_since(client, home_page):
    lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=home_page))
    client.get(lab.url)
    f.ProjectPageFactory(parent=lab, title="Bureau du futur")
    assert "Bureau du futur" in main_block(client, lab.url)
