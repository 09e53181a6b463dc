"""Bilingual content: French (the default, its URLs of always) and English under /en/; a page
translated from the admin through the review workflow; what a visitor gets in each language."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Locale, Page, WorkflowPage, WorkflowState
from wagtail.rich_text.pages import PageLinkHandler

from editorial.partners import COMMUNICATORS, STRICT_WORKFLOW, WORKFLOW
from methods.models import MethodPage
from portal import i18n
from portal.rich_text import LocalizedPageLinkHandler
from tests import factories as f
from tests.editorial import form_data


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def translate(page, title, slug=None):
    """The English version of a French page, published (its parent's must exist)."""
    copy = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english = type(copy).objects.get(pk=copy.pk)  # as the edit view reads it (its links relinked)
    english.title = title
    english.slug = slug or english.slug
    english.save_revision().publish()
    return type(english).objects.get(pk=english.pk)


@pytest.fixture
def tree(home_page):
    methods = f.MethodIndexPageFactory(parent=home_page, title="Méthodes", slug="methodes")
    method = f.MethodPageFactory(parent=methods, title="Immersion sur le terrain", slug="immersion")
    other = f.MethodPageFactory(parent=methods, title="Résidence in situ", slug="residence")
    for page in (home_page, methods, method, other):
        page.save_revision().publish()
    english_home = translate(home_page, "Entrelabs", slug="home")
    english_methods = translate(methods, "Methods", slug="methods")
    english_method = translate(method, "Field immersion", slug="field-immersion")
    return {
        "home": home_page,
        "methods": methods,
        "method": MethodPage.objects.get(pk=method.pk),
        "untranslated": MethodPage.objects.get(pk=other.pk),
        "english_home": english_home,
        "english_methods": english_methods,
        "english_method": english_method,
    }


def switcher(soup):
    return {
        a.find("span", lang=True)["lang"]: (a["href"], a.get_text(" ", strip=True))
        for a in soup.find("nav", class_="language-switcher").find_all("a")
    }


def alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}


# Locales and URLs ---------------------------------------------------------------------------------


def test_french_is_the_default_locale_and_existing_pages_keep_it(home_page):
    assert Locale.get_default().language_code == "fr"
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fr", "en"}
    assert Page.objects.filter(depth__gt=1).exclude(locale__language_code="fr").count() == 0


def test_french_urls_have_no_prefix_and_english_ones_are_under_en(client, tree):
    assert tree["method"].url == "/methodes/immersion/"
    assert tree["english_method"].url == "/en/methods/field-immersion/"
    assert tree["english_home"].url == "/en/"
    french = get(client, "/methodes/immersion/")
    assert french.html["lang"] == "fr" and french.h1.get_text(strip=True) == "Immersion sur le terrain"
    english = get(client, "/en/methods/field-immersion/")
    assert english.html["lang"] == "en" and english.h1.get_text(strip=True) == "Field immersion"
    assert english.find("a", class_="skip-link").get_text() == "Skip to content"


def test_an_english_browser_gets_the_french_page_in_french_at_its_french_url(client, tree):
    response = client.get("/methodes/immersion/", headers={"accept-language": "en-GB,en;q=0.9"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.find("a", class_="skip-link").get_text() == "Aller au contenu"


def test_the_language_comes_from_the_url_alone(client, tree):
    """Neither the browser's header nor a language cookie changes a URL's language."""
    client.cookies["django_language"] = "en"
    for url, language in (("/methodes/immersion/", "fr"), ("/en/methods/field-immersion/", "en")):
        response = client.get(url, headers={"accept-language": "en" if language == "fr" else "fr"})
        assert response["Content-Language"] == language
        assert BeautifulSoup(response.content, "html.parser").html["lang"] == language


# What a visitor gets ------------------------------------------------------------------------------


def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, tree):
    french = get(client, "/methodes/immersion/")
    assert switcher(french) == {
        "fr": ("/methodes/immersion/", "Français"),
        "en": ("/en/methods/field-immersion/", "English"),
    }
    english = get(client, "/en/methods/field-immersion/")
    assert switcher(english)["fr"] == ("/methodes/immersion/", "Français")
    current = english.find("nav", class_="language-switcher").find("a", attrs={"aria-current": "true"})
    assert current["href"] == "/en/methods/field-immersion/"


def test_the_switcher_says_when_a_page_is_not_translated(client, tree):
    french = get(client, "/methodes/residence/")
    assert switcher(french)["en"] == ("/en/methodes/residence/", "English (page non traduite)")
    english = get(client, "/en/methodes/residence/")
    # The French page, announced in English, its content marked as French.
    assert english.html["lang"] == "en"
    notice = english.find(class_="untranslated-notice")
    assert notice.get_text(strip=True) == "This page is not translated into English yet: here it is in French."
    content = english.find("main").find("div", class_="wrap", lang="fr")
    assert content.h1.get_text(strip=True) == "Résidence in situ"
    assert switcher(english) == {
        "fr": ("/methodes/residence/", "Français"),
        "en": ("/en/methodes/residence/", "English (not translated)"),
    }
    # Its canonical URL stays the French one, and it claims no English alternate.
    assert english.find("link", rel="canonical")["href"] == "http://localhost/methodes/residence/"
    assert alternates(english) == {}


def test_a_french_path_under_en_redirects_to_the_english_translation(client, tree):
    response = client.get("/en/methodes/immersion/")
    assert response.status_code == 302
    assert response["Location"] == "/en/methods/field-immersion/"


def test_an_unknown_english_path_is_a_404(client, tree):
    assert client.get("/en/methodes/nulle-part/").status_code == 404


def test_hreflang_alternates_list_the_real_translations(client, tree):
    expected = {
        "fr": "http://localhost/methodes/immersion/",
        "en": "http://localhost/en/methods/field-immersion/",
        "x-default": "http://localhost/methodes/immersion/",
    }
    assert alternates(get(client, "/methodes/immersion/")) == expected
    assert alternates(get(client, "/en/methods/field-immersion/")) == expected
    assert alternates(get(client, "/methodes/residence/")) == {}


def test_an_unpublished_translation_is_neither_linked_nor_an_alternate(client, tree):
    tree["english_method"].unpublish()
    french = get(client, "/methodes/immersion/")
    assert alternates(french) == {}
    assert switcher(french)["en"] == ("/en/methodes/immersion/", "English (page non traduite)")


def test_menus_and_breadcrumbs_follow_the_language(client, tree):
    for index in (tree["methods"], tree["english_methods"]):
        page = Page.objects.get(pk=index.pk).specific  # with its children counted
        page.show_in_menus = True
        page.save_revision().publish()
    english = get(client, "/en/methods/field-immersion/")
    menu = english.find("nav", attrs={"aria-label": "Main menu"})
    assert [a["href"] for a in menu.find_all("a")] == ["/en/methods/"]
    breadcrumbs = english.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [a["href"] for a in breadcrumbs.find_all("a")][:2] == ["/en/", "/en/methods/"]
    french = get(client, "/methodes/immersion/")
    assert [a["href"] for a in french.find("nav", attrs={"aria-label": "Menu principal"}).find_all("a")] == [
        "/methodes/"
    ]


def test_the_sitemap_lists_both_languages(client, tree):
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert {
        "http://localhost/",
        "http://localhost/methodes/immersion/",
        "http://localhost/methodes/residence/",
        "http://localhost/en/",
        "http://localhost/en/methods/field-immersion/",
    } <= locations
    assert not any("/en/methodes/" in location for location in locations)


def test_an_anonymous_page_sets_no_cookie_in_either_language(client, tree):
    for url in ("/methodes/immersion/", "/en/methods/field-immersion/", "/en/methodes/residence/"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, (url, list(response.cookies))
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_a_page_renders_in_the_same_queries_in_both_languages(client, tree):
    counts = {}
    for url in ("/methodes/immersion/", "/en/methods/field-immersion/"):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    # The English home page costs one query more to find (the French one is the site's root).
    assert counts["/en/methods/field-immersion/"] <= counts["/methodes/immersion/"] + 1 <= 15


# The translators' path ------------------------------------------------------------------------------


def make_user(username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize("group", ["Traducteurs", COMMUNICATORS])
def test_a_translation_is_started_in_the_admin_and_published_through_the_review(client, tree, group):
    translator = make_user("traductrice", group)
    communicator = make_user("communicante", COMMUNICATORS) if group != COMMUNICATORS else translator
    client.force_login(translator)

    # "Traduire" on the French page, English chosen: an English draft, copied from the French.
    form = BeautifulSoup(
        client.get(f"/admin/translation/submit/page/{tree['untranslated'].pk}/").content, "html.parser"
    )
    english_choice = form.find(
        "input", attrs={"name": "locales", "value": str(Locale.objects.get(language_code="en").pk)}
    )
    assert english_choice is not None and not english_choice.has_attr("disabled")
    response = client.post(
        f"/admin/translation/submit/page/{tree['untranslated'].pk}/", {"locales": [english_choice["value"]]}
    )
    assert response.status_code == 302
    english = tree["untranslated"].get_translation(Locale.objects.get(language_code="en"))
    assert response["Location"] == f"/admin/pages/{english.pk}/edit/"
    assert not english.live and english.get_parent().pk == tree["english_methods"].pk

    # Field by field in the edit form, then submitted to the same review as every page.
    edit_url = f"/admin/pages/{english.pk}/edit/"
    data = form_data(client.get(edit_url).content, "page-edit-form")
    data.update(title="In-situ residency", slug="in-situ-residency", summary="Living inside a public service.")
    data["action-submit"] = "action-submit"
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    state = WorkflowState.objects.for_instance(english).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == WORKFLOW
    assert client.get("/en/methods/in-situ-residency/").status_code == 404

    # A communicator approves: the English page is live, and the French page links to it.
    client.force_login(communicator)
    task_state = state.current_task_state
    client.post(f"/admin/pages/workflow/action/{english.pk}/approve/{task_state.pk}/", {"comment": ""})
    client.logout()
    english_page = get(client, "/en/methods/in-situ-residency/")
    assert english_page.h1.get_text(strip=True) == "In-situ residency"
    assert switcher(get(client, "/methodes/residence/"))["en"] == ("/en/methods/in-situ-residency/", "English")


def test_a_language_whose_parent_page_is_untranslated_is_refused_with_a_message(client, tree):
    """The form greys English out when the parent has no English version; a POST choosing it anyway
    shows the form again with the choice kept and a message naming the parent, not a 500."""
    labs = f.LabIndexPageFactory(parent=tree["home"], title="Les labs")
    lab = f.LabPageFactory(parent=labs, title="Ville de Paris")
    client.force_login(make_user("traductrice", "Traducteurs"))
    url = f"/admin/translation/submit/page/{lab.pk}/"
    english = str(Locale.objects.get(language_code="en").pk)
    greyed = BeautifulSoup(client.get(url).content, "html.parser").find("input", attrs={"name": "locales"})
    assert greyed["value"] == english and greyed.has_attr("disabled")

    response = client.post(url, {"locales": [english], "include_subtree": "on"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.find(class_="error-message").get_text(" ", strip=True)
    assert "English : traduisez d’abord la page parente « Les labs » dans cette langue." in error
    assert soup.find("input", attrs={"name": "locales", "value": english}).has_attr("checked")
    assert not lab.has_translation(Locale.objects.get(language_code="en"))


def test_wagtail_still_greys_out_a_language_it_would_fail_to_copy_into(tree):
    """Why the form above replaces simple_translation's: its form accepts the greyed-out language
    and Wagtail's copy raises. When this fails, Wagtail refuses it itself: drop TranslationForm."""
    from wagtail.actions.copy_for_translation import CopyPageForTranslationAction, ParentNotTranslatedError
    from wagtail.contrib.simple_translation.forms import SubmitTranslationForm

    labs = f.LabIndexPageFactory(parent=tree["home"])
    lab = f.LabPageFactory(parent=labs)
    english = Locale.objects.get(language_code="en")
    assert SubmitTranslationForm(lab, {"locales": [english.pk]}).is_valid()
    with pytest.raises(ParentNotTranslatedError):
        CopyPageForTranslationAction(page=lab, locale=english).execute(skip_permission_checks=True)


def test_translators_cannot_publish(client, tree):
    translator = make_user("traductrice", "Traducteurs")
    client.force_login(translator)
    edit_url = f"/admin/pages/{tree['english_method'].pk}/edit/"
    data = form_data(client.get(edit_url).content, "page-edit-form")
    data.update(title="Immersion, published by a translator", **{"action-publish": "action-publish"})
    client.post(edit_url, data)
    assert MethodPage.objects.get(pk=tree["english_method"].pk).title == "Field immersion"
    assert client.get("/en/methods/field-immersion/").status_code == 200


def test_the_english_session_reports_get_the_strict_review(home_page):
    reports = f.SessionReportIndexPageFactory(parent=home_page)
    translate(home_page, "Entrelabs", slug="home")
    english_reports = translate(reports, "Entrelabs workshops", slug="workshops")
    assert WorkflowPage.objects.get(page=english_reports).workflow.name == STRICT_WORKFLOW
    report = f.SessionReportPageFactory(parent=english_reports)
    assert report.get_workflow().name == STRICT_WORKFLOW


def test_a_translation_older_than_its_french_page_shows_as_out_of_date(client, tree):
    communicator = make_user("communicante", COMMUNICATORS)
    english = tree["english_method"]
    english.last_published_at = timezone.now() - datetime.timedelta(days=2)
    english.save(update_fields=["last_published_at"])
    french = tree["method"]
    french.summary = "Un résumé revu."
    french.save_revision().publish()

    client.force_login(communicator)
    edit = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "Cette traduction n’est plus à jour : sa page française « Immersion sur le terrain » a été republiée" in edit
    assert "Cette traduction n’est plus à jour" not in client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    listing = BeautifulSoup(client.get(f"/admin/pages/{tree['english_methods'].pk}/").content, "html.parser")
    flag = listing.find("a", href=f"/admin/pages/{french.pk}/history/")
    assert flag is not None and "Traduction à mettre à jour" in flag.get_text()
    french_listing = client.get(f"/admin/pages/{tree['methods'].pk}/").content.decode()
    assert "Traduction à mettre à jour" not in french_listing

    client.logout()
    note = get(client, "/en/methods/field-immersion/").find(class_="untranslated-notice")
    assert note.get_text(strip=True).startswith("The French page was updated on")

    # Published again in English: up to date.
    english.save_revision().publish()
    client.force_login(communicator)
    assert "Cette traduction n’est plus à jour" not in client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    client.logout()
    assert get(client, "/en/methods/field-immersion/").find(class_="untranslated-notice") is None


def test_a_translation_links_the_english_pages_that_exist_and_flags_those_translated_after(client, tree):
    """The copy links the English lab when there is one; a lab translated after the card is named on
    the card's edit view, and the visitor meanwhile gets the French lab, the page it links."""
    labs = f.LabIndexPageFactory(parent=tree["home"], title="Les labs", slug="labs")
    paris = f.LabPageFactory(parent=labs, title="Ville de Paris", slug="paris")
    nantes = f.LabPageFactory(parent=labs, title="Ville de Nantes", slug="nantes")
    translate(labs, "Labs", slug="labs")
    english_paris = translate(paris, "City of Paris", slug="paris")
    card = f.MethodPageFactory(parent=tree["methods"], title="Carte d'empathie", slug="empathie", author_lab=paris)
    f.RelatedMethodFactory(page=card, related_method=tree["method"])
    f.RelatedMethodFactory(page=card, related_method=tree["untranslated"])
    english_card = translate(card, "Empathy map", slug="empathy-map")
    revision = english_card.get_latest_revision_as_object()
    assert (english_card.author_lab_id, revision.author_lab_id) == (english_paris.pk, english_paris.pk)
    related = {link.related_method_id for link in revision.related_method_links.all()}
    assert related == {tree["english_method"].pk, tree["untranslated"].pk}  # the untranslated one stays French

    late = f.MethodPageFactory(parent=tree["methods"], title="Persona", slug="persona", author_lab=nantes)
    english_late = translate(late, "Persona", slug="persona")
    assert english_late.author_lab_id == nantes.pk
    assert get(client, "/en/methods/persona/").find("a", href="/labs/nantes/", string="Ville de Nantes")
    translate(nantes, "City of Nantes", slug="nantes")
    client.force_login(make_user("communicante", COMMUNICATORS))
    edit = client.get(f"/admin/pages/{english_late.pk}/edit/").content.decode()
    expected = (
        "Cette page renvoie à « Ville de Nantes », qui a maintenant une version dans sa langue : « City of Nantes »."
    )
    assert expected in edit
    assert "Cette page renvoie à" not in client.get(f"/admin/pages/{english_card.pk}/edit/").content.decode()


def test_a_section_translated_with_its_subtree_links_its_own_translations(client, tree):
    """ "Include subtree": a card copied before the card it relates to links that card's translation."""
    section = f.MethodIndexPageFactory(parent=tree["home"], title="Fiches", slug="fiches")
    first = f.MethodPageFactory(parent=section, title="Carte", slug="carte", author_lab=None)
    second = f.MethodPageFactory(parent=section, title="Dessin", slug="dessin")
    f.RelatedMethodFactory(page=first, related_method=second)
    client.force_login(make_user("communicante", COMMUNICATORS))
    english = Locale.objects.get(language_code="en")
    response = client.post(
        f"/admin/translation/submit/page/{section.pk}/", {"locales": [english.pk], "include_subtree": "on"}
    )
    assert response.status_code == 302
    english_first, english_second = (page.get_translation(english) for page in (first, second))
    [link] = english_first.specific.get_latest_revision_as_object().related_method_links.all()
    assert link.related_method_id == english_second.pk


def test_rich_text_links_lead_to_the_readers_language(client, tree):
    english_home = Page.objects.get(pk=tree["english_home"].pk).specific
    english_home.introduction = (
        f'<p><a linktype="page" id="{tree["method"].pk}">Immersion</a> '
        f'<a linktype="page" id="{tree["untranslated"].pk}">Residency</a></p>'
    )
    english_home.save_revision().publish()
    introduction = get(client, "/en/").find("main")
    assert introduction.find("a", string="Immersion")["href"] == "/en/methods/field-immersion/"
    assert introduction.find("a", string="Residency")["href"] == "/methodes/residence/"


# The stand-ins for Wagtail's internals (README, Architecture): each gives what Wagtail's own gives --


def test_routing_from_the_cached_home_pages_is_wagtails_route_for_request(rf, tree):
    """``portal.i18n.route_in_language`` stands in for Wagtail's ``Page.route_for_request`` (from
    ``site.root_page.localized``): the same page, arguments and keyword arguments, or no route,
    for each path in each language; this fails if Wagtail's routing changes."""
    paths = {
        "fr": ["", "methodes/", "methodes/immersion/", "methodes/residence/", "methodes/nulle-part/", "immersion/"],
        "en": ["", "methods/", "methods/field-immersion/", "methodes/immersion/", "methods/residence/", "nowhere/"],
    }
    found = 0
    for language, language_paths in paths.items():
        for path in language_paths:
            with translation.override(language):
                ours = i18n.route_in_language(rf.get(f"/{path}"), path, language)
                wagtails = Page.route_for_request(rf.get(f"/{path}"), path)
            assert described(ours) == described(wagtails), (language, path)
            found += ours is not None
    assert found == 7


def described(route):
    if route is None:
        return None
    page, args, kwargs = route
    return type(page), page.pk, list(args), kwargs


def test_rich_text_page_links_are_wagtails_in_both_languages(tree):
    """``LocalizedPageLinkHandler`` stands in for Wagtail's ``PageLinkHandler`` (``page.localized``
    per link): the same HTML for links to a page translated and published, one whose translation
    is a draft, an untranslated one, an English page and a deleted page, read in French and in
    English; this fails if Wagtail's page links change."""
    draft = tree["untranslated"].copy_for_translation(Locale.objects.get(language_code="en"))
    assert not draft.live
    linked = [tree["method"], tree["untranslated"], tree["english_method"], tree["methods"], tree["home"]]
    attrs = [{"id": str(page.pk)} for page in linked] + [{"id": "999999"}]
    for language in ("fr", "en"):
        with translation.override(language):
            ours = LocalizedPageLinkHandler.expand_db_attributes_many(attrs)
            wagtails = PageLinkHandler.expand_db_attributes_many(attrs)
        assert ours == wagtails, language
    assert ours[0] == '<a href="/en/methods/field-immersion/">' and ours[1] == '<a href="/methodes/residence/">'
