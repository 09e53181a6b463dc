"""The page cache for anonymous visitors (pagecache/): a page is served again from the cache with
no database query, until something it shows changes; it never keeps what is one visitor's own; its
headers let a proxy share it and a browser revalidate it."""

import re
import uuid

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, PageViewRestriction

from home.models import SiteSettings
from tests import factories as f

# A database of the shared Redis server no other test uses.
REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_AGE = 60


@pytest.fixture
def methods(home_page):
    """A method index listing two methods; the first links to the second and carries a theme."""
    index = f.MethodIndexPageFactory(parent=home_page)
    theme = f.ThemeFactory(name="Participation citoyenne", slug="participation")
    empathy = f.MethodPageFactory(parent=index, title="Carte d'empathie", slug="carte-empathie")
    persona = f.MethodPageFactory(parent=index, title="Persona", slug="persona")
    empathy.themes.add(theme)
    f.RelatedMethodFactory(page=empathy, related_method=persona)
    empathy.save_revision().publish()
    return {"index": index, "empathy": empathy.specific, "persona": persona, "theme": theme}


def visit(client, page_or_url, **headers):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    return client.get(url, headers=headers)


def cached(client, url):
    """The page stored by a first visit, then served from the cache."""
    first = visit(client, url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    again = visit(client, url)
    assert again["X-Page-Cache"] == "hit"
    return again


def fresh(client, url):
    response = visit(client, url)
    assert response.get("X-Page-Cache") == "miss"
    return response.content.decode()


# Hits


def test_a_page_seen_again_is_served_from_the_cache_with_no_query(client, methods, django_assert_num_queries):
    first = visit(client, methods["index"])
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = visit(client, methods["index"])
    assert again.status_code == 200
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert "Carte d&#x27;empathie" in again.content.decode()


def test_an_anonymous_page_sets_no_cookie_and_may_be_shared(client, methods):
    response = visit(client, methods["empathy"])
    assert response.cookies == {}
    assert "Set-Cookie" not in response
    assert response["Cache-Control"] == "public, max-age=60"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}


def test_a_cached_page_keeps_its_security_headers_and_needs_no_nonce(client, methods):
    first = visit(client, methods["empathy"])
    again = visit(client, methods["empathy"])
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Permissions-Policy"):
        assert again[header] == first[header]
    assert "nonce-" not in again["Content-Security-Policy"]
    # Scripts are static files; the JSON-LD blocks are data, which CSP does not restrict.
    scripts = re.findall(r"<script[^>]*>", again.content.decode())
    assert scripts
    assert all('src="/static/' in tag or 'type="application/ld+json"' in tag for tag in scripts), scripts


def test_a_conditional_request_gets_a_304_with_no_query(client, methods, django_assert_num_queries):
    response = cached(client, methods["index"].url)
    with django_assert_num_queries(0):
        unchanged = visit(client, methods["index"], if_none_match=response["ETag"])
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == response["ETag"]
    since = visit(client, methods["index"], if_modified_since=response["Last-Modified"])
    assert since.status_code == 304


def test_a_page_changed_since_the_browsers_copy_is_sent_whole(client, methods):
    etag = cached(client, methods["index"].url)["ETag"]
    methods["persona"].title = "Personas"
    methods["persona"].save_revision().publish()
    response = visit(client, methods["index"], if_none_match=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Personas" in response.content.decode()


def test_each_language_has_its_own_copy(client, methods):
    url = methods["index"].url
    french = cached(client, url)
    assert '<html lang="fr">' in french.content.decode()
    english = visit(client, "/en" + url)  # not translated: shown in French with an English interface
    assert english["X-Page-Cache"] == "miss"
    assert '<html lang="en">' in english.content.decode()
    assert visit(client, "/en" + url)["X-Page-Cache"] == "hit"
    # French pages are French whatever the browser asks (the URL decides): the same copy.
    again = visit(client, url, accept_language="en")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == french.content


def test_page_cache_seconds_zero_turns_it_off(client, methods, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visit(client, methods["index"])
    response = visit(client, methods["index"])
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


# Invalidation: the next visit after each change is a fresh render that shows it.

SHOWING_PERSONA = ("index", "empathy", "persona")  # the card, the index listing it, the empathy map linking it


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def test_publishing_a_page_shows_on_the_page_and_on_the_pages_listing_or_linking_it(client, methods):
    for page in SHOWING_PERSONA:
        cached(client, methods[page].url)
    publish_title(methods["persona"], "Personas et parcours")
    for page in SHOWING_PERSONA:
        assert "Personas et parcours" in fresh(client, methods[page].url)


def test_unpublishing_a_page_removes_it_from_its_listing(client, methods):
    cached(client, methods["index"].url)
    cached(client, methods["persona"].url)
    methods["persona"].unpublish()
    assert "Persona<" not in fresh(client, methods["index"].url)
    assert visit(client, "/methodes/persona/").status_code == 404


def test_moving_a_page_takes_it_from_one_listing_to_the_other(client, methods, home_page):
    other_index = f.MethodIndexPageFactory(parent=home_page, title="Autres méthodes", slug="autres")
    cached(client, methods["index"].url)
    cached(client, other_index.url)
    methods["persona"].move(other_index, pos="last-child")
    assert "Persona<" not in fresh(client, methods["index"].url)
    assert "Persona<" in fresh(client, other_index.url)


def test_deleting_a_page_removes_it_from_its_listing(client, methods):
    cached(client, methods["index"].url)
    methods["persona"].delete()
    assert "Persona<" not in fresh(client, methods["index"].url)


def test_a_snippet_change_shows_on_the_pages_that_show_it(client, methods):
    cached(client, methods["empathy"].url)
    theme = methods["theme"]
    theme.name = "Démocratie participative"
    theme.save()
    assert "Démocratie participative" in fresh(client, methods["empathy"].url)


def test_a_settings_change_shows_on_every_page(client, methods, site):
    cached(client, methods["index"].url)
    settings_ = SiteSettings.for_site(site)
    settings_.footer_text = "Un réseau ouvert à tous les labs."
    settings_.save()
    assert "Un réseau ouvert à tous les labs." in fresh(client, methods["index"].url)


def test_an_image_change_shows_on_the_pages_that_show_it(client, methods):
    image = wagtail_factories.ImageFactory(title="Atelier au tableau")
    empathy = methods["empathy"]
    empathy.og_image = image
    empathy.save_revision().publish()
    assert 'content="Atelier au tableau"' in cached(client, empathy.url).content.decode()
    image.title = "Atelier autour du tableau blanc"
    image.save()
    assert 'content="Atelier autour du tableau blanc"' in fresh(client, empathy.url)


def test_a_document_change_shows_on_the_pages_that_show_it(client, methods):
    worksheet = f.MethodWorksheetFactory(page=methods["empathy"], document__title="Fiche d'empathie")
    methods["empathy"].save_revision().publish()
    assert "Fiche d&#x27;empathie" in cached(client, methods["empathy"].url).content.decode()
    worksheet.document.title = "Fiche d'empathie, version 2"
    worksheet.document.save()
    assert "Fiche d&#x27;empathie, version 2" in fresh(client, methods["empathy"].url)


def test_a_collection_change_renders_the_pages_again(client, methods):
    cached(client, methods["index"].url)
    Collection.get_first_root_node().add_child(name="Fiches")
    fresh(client, methods["index"].url)


def test_a_view_restriction_hides_the_page_from_listings_and_from_the_cache(client, methods):
    cached(client, methods["index"].url)
    cached(client, methods["persona"].url)
    restriction = PageViewRestriction.objects.create(
        page=methods["persona"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "Persona<" not in fresh(client, methods["index"].url)
    password_form = visit(client, methods["persona"])
    assert password_form.status_code == 200
    assert "X-Page-Cache" not in password_form
    assert "Une méthode réutilisable." not in password_form.content.decode()
    restriction.delete()
    assert "Persona<" in fresh(client, methods["index"].url)


# Never stored


def test_a_signed_in_editors_page_is_never_stored_nor_served_from_the_cache(
    client, methods, django_user_model, django_assert_max_num_queries
):
    cached(client, methods["empathy"].url)
    editor = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "Mot-de-passe-1234")
    editor_client = Client()
    editor_client.force_login(editor)
    response = editor_client.get(methods["empathy"].url)
    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    anonymous = Client().get(methods["empathy"].url)
    assert "wagtail-userbar" not in anonymous.content.decode()


def test_a_preview_is_never_stored_nor_answered_from_the_cache(client, methods, site):
    empathy = methods["empathy"]
    live_host = {"host": site.hostname}  # the address Wagtail's preview request is made for
    visit(client, empathy, **live_host)
    assert visit(client, empathy, **live_host)["X-Page-Cache"] == "hit"
    empathy.title = "Carte d'empathie (brouillon)"
    preview = empathy.make_preview_request()
    assert "Carte d&#x27;empathie (brouillon)" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    live = visit(client, empathy, **live_host)
    assert live["X-Page-Cache"] == "hit"
    assert "(brouillon)" not in live.content.decode()


def test_a_page_under_a_view_restriction_is_never_stored(client, methods):
    PageViewRestriction.objects.create(
        page=methods["persona"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = visit(client, methods["persona"])
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
    # A visitor who typed the password sees the page (their session); others still do not.
    restriction = PageViewRestriction.objects.get()
    password_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, methods["persona"].pk])
    typed = client.post(password_url, {"password": "secret", "return_url": methods["persona"].url}, follow=True)
    assert "Une méthode réutilisable." in typed.content.decode()
    assert "Une méthode réutilisable." not in Client().get(methods["persona"].url).content.decode()
    group_only = f.StandardPageFactory(parent=methods["index"].get_parent(), title="Espace membres")
    restriction = PageViewRestriction.objects.create(page=group_only, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Membres"))
    assert Client().get(group_only.url).status_code == 302


def test_a_page_showing_a_form_error_is_never_stored(client, methods):
    url = methods["index"].url + "?duration=pas-une-duree"
    for _ in range(2):
        response = visit(client, url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_a_visitor_with_a_message_gets_a_fresh_page(client, methods):
    cached(client, methods["index"].url)
    client.cookies["messages"] = "un-message"
    response = visit(client, methods["index"])
    assert "X-Page-Cache" not in response


def test_a_page_with_a_form_keeps_its_csrf_token_and_is_never_stored(client, home_page):
    f.MethodIndexPageFactory(parent=home_page)
    url = reverse("methods:propose_method")
    for _ in range(2):
        response = visit(client, url)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_search_results_are_never_stored_but_the_empty_search_page_is(client, methods):
    for _ in range(2):
        results = visit(client, "/recherche/?q=empathie")
        assert "X-Page-Cache" not in results
        assert "private" in results["Cache-Control"]
    cached(client, "/recherche/")


# Several app servers


def test_app_servers_sharing_redis_share_pages_and_their_invalidation(client, methods, settings):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis server at 127.0.0.1:6379")
    prefix = f"pagecache-test-{uuid.uuid4().hex}"
    shared = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}

    def another_app_server():
        """New cache connections, nothing in memory (Django builds its cache handlers again)."""
        settings.CACHES = {"default": dict(shared)}
        return Client()

    try:
        cached(another_app_server(), methods["index"].url)
        assert visit(another_app_server(), methods["index"])["X-Page-Cache"] == "hit"
        another_app_server()
        methods["persona"].title = "Personas"
        methods["persona"].save_revision().publish()
        assert "Personas" in fresh(another_app_server(), methods["index"].url)
        assert visit(another_app_server(), methods["index"])["X-Page-Cache"] == "hit"
    finally:
        client_ = redis.Redis.from_url(REDIS_URL)
        keys = list(client_.scan_iter(f"{prefix}:*"))
        if keys:
            client_.delete(*keys)
