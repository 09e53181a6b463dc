"""Full-text search: French-aware matching, what is (never) returned, facets, results, stats."""

import io
import re

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from labs.models import ProjectPage
from methods.models import Duration, MethodPage, Phase
from search.models import DocumentText, QueryDay
from tests.factories import (
    LabIndexPageFactory,
    LabPageFactory,
    MethodIndexPageFactory,
    MethodPageFactory,
    MethodWorksheetFactory,
    ProjectPageFactory,
    ThemeFactory,
)


def make_pdf(text):
    """A one-page PDF whose text layer says text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


@pytest.fixture
def corpus(home_page):
    """A small network: two labs, methods, a project, a draft and a private page."""
    inclusion = ThemeFactory(name="Inclusion", slug="inclusion")
    education = ThemeFactory(name="Éducation", slug="education")
    labs = LabIndexPageFactory(parent=home_page)
    lab_a = LabPageFactory(parent=labs, title="La 27e Région", summary="Un lab de transformation publique.")
    lab_b = LabPageFactory(parent=labs, title="Lab Zéro", summary="Le lab de la ville.")
    methods = MethodIndexPageFactory(parent=home_page)
    prototyping = MethodPageFactory(
        parent=methods,
        title="Prototypage rapide",
        summary="Fabriquer une maquette en carton pour tester un service avec ses usagers.",
        phase="prototype",
        duration="half_day",
        author_lab=lab_a,
    )
    prototyping.themes.set([inclusion])
    prototyping.save_revision().publish()
    dropout = MethodPageFactory(
        parent=methods,
        title="Atelier de prévention",
        summary="Lutter contre le décrochage scolaire avec les collégiens et leurs familles.",
        phase="discover",
        duration="day",
        author_lab=lab_b,
    )
    dropout.themes.set([education])
    dropout.save_revision().publish()
    project = ProjectPageFactory(
        parent=lab_a, title="Cantine du futur", summary="Un prototype de cantine scolaire imaginé avec les élèves."
    )
    project.themes.set([education])
    project.save_revision().publish()
    draft = MethodPageFactory(parent=methods, title="Prototype secret", summary="Brouillon sur le prototypage.")
    draft.unpublish()
    private = MethodPageFactory(parent=methods, title="Prototypage interne", summary="Réservé aux agents.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return {
        "lab_a": lab_a,
        "lab_b": lab_b,
        "prototyping": prototyping,
        "dropout": dropout,
        "project": project,
        "draft": draft,
        "private": private,
        "inclusion": inclusion,
        "education": education,
    }


def plural(model):
    return str(model._meta.verbose_name_plural).capitalize()


def search(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


def titles(response):
    return [hit.object.title for hit in response.context["results"].object_list]


@pytest.mark.django_db
class TestFrenchMatching:
    def test_verb_finds_the_noun(self, client, corpus):
        assert "Prototypage rapide" in titles(search(client, q="prototyper"))

    def test_without_accents_finds_accented_words(self, client, corpus):
        assert titles(search(client, q="decrochage")) == ["Atelier de prévention"]

    @pytest.mark.parametrize("query", ["DÉCROCHAGES SCOLAIRES", "décrochage scolaire", "Decrochage"])
    def test_case_and_plural_do_not_matter(self, client, corpus, query):
        assert titles(search(client, q=query)) == ["Atelier de prévention"]

    def test_all_words_must_match(self, client, corpus):
        assert titles(search(client, q="maquette carton")) == ["Prototypage rapide"]
        assert search(client, q="maquette décrochage").context["fallback"] == "partial"

    def test_title_matches_come_first(self, client, corpus):
        # "prototype" is in the project's summary and in the method's title.
        assert titles(search(client, q="prototype"))[0] == "Prototypage rapide"
        assert "Cantine du futur" in titles(search(client, q="prototype"))


@pytest.mark.django_db
class TestOnlyPublicContent:
    def test_drafts_and_private_pages_never_appear_nor_count(self, client, corpus):
        response = search(client, q="prototypage")
        assert "Prototype secret" not in titles(response)
        assert "Prototypage interne" not in titles(response)
        assert response.context["count"] == len(titles(response))
        body = response.content.decode()
        assert "secret" not in body and "interne" not in body

    def test_unpublished_page_disappears(self, client, corpus):
        corpus["dropout"].unpublish()
        assert titles(search(client, q="decrochage")) == []


@pytest.mark.django_db
class TestFacets:
    def test_counts_by_type_theme_lab_phase_duration(self, client, corpus):
        facets = {group["name"]: group for group in search(client, q="prototype").context["facets"]}
        types = {(o["label"], o["count"]) for o in facets["type"]["options"]}
        assert types == {(plural(MethodPage), 1), (plural(ProjectPage), 1)}
        assert {(o["label"], o["count"]) for o in facets["theme"]["options"]} == {("Inclusion", 1), ("Éducation", 1)}
        assert {(o["label"], o["count"]) for o in facets["lab"]["options"]} == {("La 27e Région", 2)}
        assert [(o["label"], o["count"]) for o in facets["phase"]["options"]] == [(Phase.PROTOTYPE.label, 1)]
        assert [(o["label"], o["count"]) for o in facets["duration"]["options"]] == [(Duration.HALF_DAY.label, 1)]

    def test_choosing_a_facet_narrows_and_keeps_the_query(self, client, corpus):
        response = search(client, q="prototype", theme="education")
        assert titles(response) == ["Cantine du futur"]
        assert 'value="prototype"' in response.content.decode()
        theme = next(g for g in response.context["facets"] if g["name"] == "theme")
        chosen = next(o for o in theme["options"] if o["chosen"])
        assert "theme" not in chosen["url"] and "q=prototype" in chosen["url"]

    def test_lab_facet_covers_projects_methods_and_the_lab(self, client, corpus):
        lab = corpus["lab_a"]
        assert sorted(titles(search(client, q="prototype", lab=lab.pk))) == ["Cantine du futur", "Prototypage rapide"]

    def test_lab_choices_follow_publishing_and_privacy(self, client, corpus):
        def offered_labs(response):
            return {o["label"] for g in response.context["facets"] if g["name"] == "lab" for o in g["options"]}

        assert offered_labs(search(client, q="lab")) == {"La 27e Région", "Lab Zéro"}
        corpus["lab_b"].unpublish()
        response = search(client, q="lab", lab=corpus["lab_b"].pk)
        assert offered_labs(response) == {"La 27e Région"}
        assert response.context["ignored_facets"]
        PageViewRestriction.objects.create(
            page=corpus["lab_a"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        response = search(client, q="prototypage")
        assert titles(response) == ["Prototypage rapide"]
        assert "La 27e Région" not in response.content.decode()

    @pytest.mark.parametrize("choices", [{}, {"phase": "prototype"}])
    def test_a_page_restricted_after_a_search_leaves_the_results_at_once(self, client, corpus, choices):
        # The statement's page side is kept per process, keyed by the view restrictions read at each search.
        assert "Prototypage rapide" in titles(search(client, q="prototypage", **choices))
        restriction = PageViewRestriction.objects.create(
            page=corpus["prototyping"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        response = search(client, q="prototypage", **choices)
        assert "Prototypage rapide" not in titles(response) and "Prototypage rapide" not in response.content.decode()
        restriction.delete()
        assert "Prototypage rapide" in titles(search(client, q="prototypage", **choices))

    def test_unknown_facet_values_are_reported_not_fatal(self, client, corpus):
        response = search(client, q="prototype", theme="nope", lab="abc", type="x", phase="??")
        assert response.context["ignored_facets"]
        assert "Prototypage rapide" in titles(response)

    def test_counts_take_a_bounded_number_of_queries(self, client, corpus, django_assert_num_queries):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as few:
            search(client, q="prototype")
        for n in range(15):
            MethodPageFactory(parent=corpus["prototyping"].get_parent(), title=f"Prototype {n}", phase="test")
        with CaptureQueriesContext(connection) as many:
            response = search(client, q="prototype")
        assert response.context["count"] == 17
        # Facet counts and the result list do not grow with the number of results.
        assert len(many) <= len(few) + 1 and len(many) <= 45, [q["sql"][:100] for q in many.captured_queries]

    def test_results_and_facets_come_from_one_statement(self, client, corpus):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        # Fewer results than a page: the paginator asks for a shorter list than was fetched.
        with CaptureQueriesContext(connection) as queries:
            response = search(client, q="prototype", theme="education")
        assert titles(response) == ["Cantine du futur"]
        assert len([q for q in queries.captured_queries if "search_matched_pages" in q["sql"]]) == 1


@pytest.mark.django_db
class TestResults:
    def test_snippet_highlights_matched_words(self, client, corpus):
        html = search(client, q="carton").content.decode()
        assert "<mark>carton</mark>" in html

    def test_shows_lab_themes_and_type(self, client, corpus):
        html = search(client, q="cantine").content.decode()
        assert "La 27e Région" in html and "Éducation" in html
        assert str(ProjectPage._meta.verbose_name).capitalize() in html

    def test_results_come_before_the_facets_with_a_link_to_them(self, client, corpus):
        # On a phone the facets follow the results; on a wide screen they stand beside them.
        html = search(client, q="prototype").content.decode()
        assert html.index('class="search-hits"') < html.index('<aside class="search-facets" id="refine"')
        assert '<a href="#refine">Affiner les résultats</a>' in html
        # The facets are a GET form (crawlers do not submit it: their combinations have no end).
        start = html.index('id="refine"')
        refine = html[start : html.index("</aside>", start)]
        assert '<form class="filters filters--search" method="get" action="/recherche/">' in refine
        assert '<input type="hidden" name="q" value="prototype">' in refine
        assert re.search(r'<input type="radio" name="phase" value="prototype">', refine)
        assert all('rel="nofollow"' in link for link in re.findall(r"<a [^>]*>", refine))

    def test_facets_are_big_choices_with_counts_and_the_chosen_one_checked(self, client, corpus):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(search(client, q="prototype", phase="prototype").content, "html.parser")
        phase = next(f for f in soup.find(id="refine").find_all("fieldset") if f.legend.get_text() == "Phase")
        assert "choices--tiles" in phase["class"]
        chosen = phase.find("input", checked=True)
        assert chosen["value"] == "prototype"
        label = chosen.find_parent("label")
        assert label.find("svg", class_="picto") and " ".join(label.get_text(" ").split()) == "Prototyper 1 résultat"
        assert phase.find("input", value="")["name"] == "phase"  # "Peu importe" removes the filter

    def test_pages_of_results_follow_each_other(self, client, corpus):
        methods = corpus["prototyping"].get_parent()
        for n in range(24):
            MethodPageFactory(parent=methods, title=f"Fiche {n:02}", summary="Un prototype en carton.")
        first, second = search(client, q="prototype"), search(client, q="prototype", page="2")
        assert first.context["count"] == second.context["count"] == 26
        # Title matches first: "Prototypage rapide" leads page 1.
        assert titles(first)[0] == "Prototypage rapide" and len(titles(first)) == 20
        assert len(titles(second)) == 6 and not set(titles(first)) & set(titles(second))
        assert 'aria-current="page"><span class="visually-hidden">Page </span>2' in second.content.decode()
        # A page beyond the last shows the last one.
        assert titles(search(client, q="prototype", page="9")) == titles(second)

    def test_pagination_survives_bad_page_numbers(self, client, corpus):
        for page in ["abc", "-1", "0", "99999999999999999999", "1e400", ""]:
            assert titles(search(client, q="prototype", page=page))

    def test_a_typo_shows_the_corrected_results_with_a_link_to_the_typed_words(self, client, corpus):
        response = search(client, q="prototipage")
        assert response.context["fallback"] == "corrected" and response.context["fallback_query"] == "prototypage"
        assert titles(response)[0] == "Prototypage rapide"
        html = response.content.decode()
        assert "Aucun résultat pour « prototipage »" in html or "prototipage" in html
        assert 'href="?q=prototipage&amp;verbatim=1"' in html
        # The typed words as typed: nothing, and the themes to browse.
        response = search(client, q="prototipage", verbatim="1")
        assert titles(response) == [] and "Inclusion" in response.content.decode()
        assert 'value="prototipage"' in response.content.decode()

    def test_when_all_words_find_nothing_most_of_them_do(self, client, corpus):
        response = search(client, q="maquette décrochage")
        assert response.context["fallback"] == "partial"
        assert titles(response) in (["Prototypage rapide"], ["Atelier de prévention"])

    def test_when_only_the_facet_choices_leave_nothing_no_words_are_dropped_nor_corrected(self, client, corpus):
        # "maquette" is a prototyping method's word: the choice of another phase leaves nothing.
        response = search(client, q="maquette carton", phase="discover")
        assert titles(response) == [] and response.context["fallback"] is None
        assert "Chercher à nouveau sans les filtres" in response.content.decode()

    def test_search_redirects_to_recherche(self, client, db):
        response = client.get("/search/?q=atelier")
        assert response.status_code == 301 and response["Location"] == "/recherche/?q=atelier"

    def test_autocomplete_json(self, client, corpus):
        data = client.get(reverse("search_autocomplete"), {"q": "protot"}).json()
        assert [r["title"] for r in data["results"]] == ["Prototypage rapide"]
        assert data["results"][0]["url"] == corpus["prototyping"].url

    def test_page_works_without_query(self, client, db):
        assert search(client).context["count"] == 0


@pytest.mark.django_db
class TestDocuments:
    def test_pdf_text_is_found_and_links_to_the_using_page(self, client, corpus):
        document = wagtail_factories.DocumentFactory(
            title="Fiche d'animation", file=ContentFile(make_pdf("Grille d'observation des usagers"), "fiche.pdf")
        )
        assert "observation" in DocumentText.objects.get(document=document).text
        MethodWorksheetFactory(page=corpus["prototyping"], document=document)
        response = search(client, q="grille observation")
        hits = response.context["results"].object_list
        assert [h.object.title for h in hits] == ["Fiche d'animation"]
        assert hits[0].used_by == [corpus["prototyping"].page_ptr] or hits[0].used_by[0].pk == corpus["prototyping"].pk
        html = response.content.decode()
        assert document.url in html and corpus["prototyping"].url in html

    def test_document_of_no_live_page_is_not_found(self, client, corpus):
        document = wagtail_factories.DocumentFactory(
            title="Orpheline", file=ContentFile(make_pdf("Grille d'observation"), "orpheline.pdf")
        )
        MethodWorksheetFactory(page=corpus["draft"], document=document)
        assert titles(search(client, q="observation")) == []

    def test_replacing_the_file_updates_the_text(self, client, corpus):
        document = wagtail_factories.DocumentFactory(title="Fiche", file=ContentFile(make_pdf("ancien"), "a.pdf"))
        document.file = ContentFile(make_pdf("nouveau contenu"), "b.pdf")
        document.save()
        assert "nouveau" in DocumentText.objects.get(document=document).text

    def test_broken_pdf_does_not_break_saving(self, db):
        document = wagtail_factories.DocumentFactory(title="Cassé", file=ContentFile(b"%PDF-1.4 garbage", "x.pdf"))
        assert DocumentText.objects.get(document=document).text == ""


@pytest.mark.django_db
class TestPromotionsAndStats:
    def test_promoted_page_is_shown_first(self, client, corpus):
        query = Query.get("carton")
        SearchPromotion.objects.create(query=query, page=corpus["dropout"], sort_order=0, description="À lire")
        html = search(client, q="Carton").content.decode()
        assert html.index("Atelier de prévention") < html.index("Prototypage rapide")

    def test_queries_and_no_result_queries_are_counted(self, client, corpus):
        search(client, q="carton")
        search(client, q="carton")
        search(client, q="introuvable")
        assert QueryDay.objects.get(query_string="carton").hits == 2
        assert QueryDay.objects.get(query_string="introuvable").no_result_hits == 1

    def test_report_lists_frequent_and_fruitless_queries(self, admin_client, corpus):
        search(admin_client, q="introuvable")
        response = admin_client.get(reverse("search_query_report"))
        assert response.status_code == 200
        assert "introuvable" in response.content.decode()


def test_pdf_helper_makes_a_readable_pdf():
    from pypdf import PdfReader

    assert "bonjour" in PdfReader(io.BytesIO(make_pdf("bonjour"))).pages[0].extract_text()


@pytest.mark.django_db
def test_another_backend_is_read_through_the_public_api_with_its_facets(client, corpus, settings):
    # Wagtail's stock database backend stands in for Elasticsearch: the same public API.
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    response = search(client, q="carton")
    assert titles(response) == ["Prototypage rapide"]
    facets = {g["name"]: [(o["label"], o["count"]) for o in g["options"]] for g in response.context["facets"]}
    assert facets["type"] == [(plural(MethodPage), 1)] and facets["phase"] == [(Phase.PROTOTYPE.label, 1)]
    assert titles(search(client, q="carton", phase="test")) == []


@pytest.mark.django_db
class TestDeclaredFacets:
    def test_a_facet_declared_on_a_page_type_is_offered_counted_and_filters(self, client, corpus, monkeypatch):
        from home.search_facets import Facet
        from labs.models.labs import ProjectStatus
        from search.facets import declared_facets

        # What a new page type does: declare a facet; nothing in search/ changes.
        status = Facet("status", "État", "status")
        monkeypatch.setattr(ProjectPage, "search_facets", [*ProjectPage.search_facets, status])
        declared_facets.cache_clear()
        try:
            ProjectPageFactory(parent=corpus["lab_b"], title="Prototype fini", status=ProjectStatus.FINISHED)
            facets = {g["name"]: g for g in search(client, q="prototype").context["facets"]}
            assert facets["status"]["label"] == "État"
            assert [(o["label"], o["count"]) for o in facets["status"]["options"]] == [
                (ProjectStatus.ONGOING.label, 1),
                (ProjectStatus.FINISHED.label, 1),
            ]
            assert titles(search(client, q="prototype", status="finished")) == ["Prototype fini"]
            # A page whose value is its parent counts for the parent: the new project for Lab Zéro.
            assert {(o["label"], o["count"]) for o in facets["lab"]["options"]} == {
                ("La 27e Région", 2),
                ("Lab Zéro", 1),
            }
        finally:
            monkeypatch.undo()
            declared_facets.cache_clear()

    def test_each_hit_shows_the_page_of_its_page_valued_facets(self, client, corpus):
        response = search(client, q="prototype")
        hits = {hit.object.title: hit for hit in response.context["results"].object_list}
        for title in ("Cantine du futur", "Prototypage rapide"):
            assert [page.pk for _, page in hits[title].facet_pages] == [corpus["lab_a"].pk]
        assert f'<dd><a href="{corpus["lab_a"].url}">La 27e Région</a></dd>' in response.content.decode()

    def test_search_names_no_field_nor_module_of_the_content_apps(self):
        import ast
        import pathlib

        # The benchmark's corpus builds methods and labs; documents.py's list of the pages that
        # offer a document is another change's (it is becoming a background task).
        skipped = {"migrations", "management", "documents.py"}
        for path in pathlib.Path("search").rglob("*.py"):
            if skipped & set(path.parts):
                continue
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom | ast.Import):
                    modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                    assert not any(m.split(".")[0] in ("labs", "methods") for m in modules), (path, modules)
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    assert not re.search(r"methodpage|author_lab|\bphase\b|projectpage|labpage", node.value), (
                        path,
                        node.value,
                    )
