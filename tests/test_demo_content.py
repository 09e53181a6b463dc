"""The demo content command: idempotent, complete, every page renders and every internal link resolves."""

import io
import re
import shutil
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from pypdf import PdfReader
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Revision

from demo.content import read
from demo.models import DemoProvenance
from home.models import HomePage, StandardPage, Theme
from labs.models import LabPage, ManifestoPage, ProjectPage, SessionReportPage
from methods.models import CurriculumPage, MethodPage

Document = get_document_model()
METHODS = read("methods")["methods"]
SEED_REPORT = read("report")["report"]
HREF = re.compile(r'href="(/[^"]*)"')


def counts():
    return {
        "pages": Page.objects.count(),
        "draft pages": Page.objects.not_live().count(),
        "revisions": Revision.objects.count(),
        "page revisions": Revision.page_revisions.count(),
        "documents": Document.objects.count(),
        "collections": Collection.objects.count(),
        "themes": Theme.objects.count(),
        "tags": Tag.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the module in a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_demo_content", stdout=out)
        yield {"counts": counts(), "output": out.getvalue()}
        transaction.set_rollback(True)


def test_loading_twice_changes_nothing_and_duplicates_nothing(demo, db):
    first = demo["counts"]
    assert first["pages"] >= 60
    assert first["draft pages"] == 0
    # At most one revision per page, Wagtail's root aside: nothing saved twice (the network's index
    # pages are created live, without one).
    assert first["pages"] - 1 - 4 <= first["page revisions"] <= first["pages"] - 1
    assert first["documents"] >= 3
    assert first["themes"] == 6
    assert "75 pages" in demo["output"]

    out = io.StringIO()
    call_command("load_demo_content", stdout=out)

    assert counts() == first
    assert "0 pages, 0 documents and 0 themes created" in out.getvalue()


def test_the_tree_holds_the_seed_content(demo, db):
    home = HomePage.objects.get(locale=Locale.get_default())
    assert home.title == "Entrelabs" and home.live and home.introduction
    assert len(home.featured_method_pages()) == 4
    assert {child.slug for child in home.get_children()} >= {
        "labs",
        "methodes",
        "formations",
        "manifestes",
        "ateliers",
        "a-propos",
        "mentions-legales",
        "accessibilite",
    }
    assert LabPage.objects.live().filter(locale=Locale.get_default()).count() == 6
    assert ProjectPage.objects.live().count() >= 30
    assert ProjectPage.objects.get(slug="residence-hopital-nord-marseille").get_parent().title == "La 27e Région"
    assert CurriculumPage.objects.live().count() >= 2
    assert StandardPage.objects.get(slug="accessibilite").title == "Déclaration d'accessibilité"

    methods = MethodPage.objects.live()
    assert methods.count() >= 12
    for method in methods:
        assert method.summary and method.why_use and method.when_use and method.material_list(), method
        assert 4 <= len(method.steps) <= 7, method
        assert method.tips and method.pitfalls and method.legal_points, method
        assert method.author_lab and method.licence and method.themes.exists() and method.tags.exists(), method
        assert method.related_methods(), method
    assert set(MethodPage.objects.get(slug="immersion").used_by().values_list("slug", flat=True)) >= {
        "bureau-du-futur",
        "residence-hopital-nord-marseille",
    }

    manifesto = ManifestoPage.objects.get()
    assert len(manifesto.signatory_labs()) == 0  # a project in preparation: no lab has signed it
    assert manifesto.pdf is not None

    # The pages of demo/data/ (the network's, from demo/network/, are checked in test_network_demo.py).
    for page in Page.objects.filter(depth__gt=2, content_type__app_label__in=["home", "labs", "methods"]).specific():
        if hasattr(page, "themes"):
            assert page.themes.exists(), page


def test_the_session_report_has_every_participant_theme_and_action(demo, db):
    report = SessionReportPage.objects.get(number=1)
    assert str(report.date) == "2015-04-13"
    participants = [(p.name, p.organisation, p.lab.slug) for p in report.participant_list()]
    assert participants == [(p["name"], p["organisation"], p["lab"]) for p in SEED_REPORT["participants"]]
    assert len(participants) == 12

    themes = [block.value for block in report.discussed_themes]
    assert [theme["title"] for theme in themes] == [
        "Positionnement du lab",
        "Équipes et trajectoires professionnelles",
        "Du club d'initiés à la pratique généralisée",
        "Les outils du lab",
        "Innovation publique et realpolitik",
        "Vision du lab",
    ]
    assert [len(theme["directions"]) for theme in themes] == [0, 0, 0, 0, 6, 6]

    actions = [(a["title"], a["horizon"], a["scope"], a["status"]) for a in (block.value for block in report.roadmap)]
    assert actions == [(a["title"], a["horizon"], a["scope"], a["status"]) for a in SEED_REPORT["roadmap"]]
    assert len(actions) == 12
    assert ("2e Semaine de l'innovation publique", "months", "beyond", "engaged") in actions
    assert ("Labos ouverts à l'échelle d'un territoire", "years", "beyond", "proposed") in actions
    engaged = {a[0] for a in actions if a[3] == "engaged"}
    assert "Entrelabs pour progresser collectivement" in engaged

    assert report.next_session_title == "Workshop international « Immersion in public design »"
    assert (str(report.next_session_start), str(report.next_session_end)) == ("2015-06-18", "2015-06-19")
    assert report.next_session_place == "Paris"


def test_the_worksheets_are_pdfs_with_extractable_french_text(demo, db):
    immersion = MethodPage.objects.get(slug="immersion")
    worksheets = immersion.worksheet_documents()
    assert len(worksheets) == 3
    for document in Document.objects.all():
        with document.file.open("rb") as f:
            text = PdfReader(io.BytesIO(f.read())).pages[0].extract_text()
        assert document.file.name.endswith(".pdf")
        assert len(text) > 200, document.title
    sheet = Document.objects.get(title="Fiche pratique : Immersion sur le terrain")
    with sheet.file.open("rb") as f:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(f.read())).pages)
    assert "Immersion sur le terrain" in text
    assert "Négocier l'accès" in text  # accents survive
    assert "délégué à la protection des données" in " ".join(text.split())
    assert sheet.collection.name == "La 27e Région"


def test_every_page_renders_and_every_internal_link_resolves(demo, client):
    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    rendered = {page.url for page in pages}
    links = {}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert unescape(page.title) in unescape(html), page.url
        if page.summary:
            assert page.summary in unescape(html), page.url
        for href in HREF.findall(html):
            href = unescape(href)
            if not href.startswith("//") and href not in rendered:
                links.setdefault(href, page.url)

    assert any(href.startswith("/documents/") for href in links)
    broken = []
    for href, source in links.items():
        response = client.get(href, follow=True)
        if response.status_code != 200:
            broken.append(f"{href} ({response.status_code}) on {source}")
    assert not broken, broken


ENGLISH_VERSIONS = {
    "/": "/en/",
    "/a-propos/": "/en/about/",
    "/accessibilite/": "/en/accessibility/",
    "/methodes/immersion/": "/en/methods/field-immersion/",
    "/methodes/test-utilisateur/": "/en/methods/user-testing/",
    "/methodes/prototypage-rapide/": "/en/methods/rapid-prototyping/",
    "/labs/la-27e-region/": "/en/labs/la-27e-region/",
    "/ateliers/entrelabs-1/": "/en/workshops/entrelabs-1/",
}


@pytest.mark.parametrize("french_url", ENGLISH_VERSIONS)
def test_the_demo_ships_english_versions_in_the_projects_words(demo, client, french_url):
    french = BeautifulSoup(client.get(french_url).content, "html.parser")
    english_url = ENGLISH_VERSIONS[french_url]
    english_link = french.find("nav", class_="language-switcher").find("a", hreflang="en")
    assert english_link["href"] == english_url
    response = client.get(english_url)
    assert response.status_code == 200
    english = BeautifulSoup(response.content, "html.parser")
    assert english.html["lang"] == "en" and english.find(class_="untranslated-notice") is None
    page = response.context["page"]
    french_page = page.get_translation(Locale.get_default())
    assert page.locale.language_code == "en" and page.summary and page.summary != french_page.specific.summary
    # Its French page's provenance, and the English version marked as the project's.
    assert set(DemoProvenance.objects.filter(page=french_page).values_list("field", "provenance")) < set(
        DemoProvenance.objects.filter(page=page).values_list("field", "provenance")
    )
    assert DemoProvenance.objects.filter(page=page, field="locale", provenance="illustrative").exists()
    assert english.find(class_="demo-mark", lang="en")


def test_the_english_report_keeps_the_seeds_facts(demo, client):
    english = SessionReportPage.objects.get(locale__language_code="en")
    french = SessionReportPage.objects.get(locale=Locale.get_default())
    assert (english.date, english.number, english.next_session_start) == (
        french.date,
        french.number,
        french.next_session_start,
    )
    assert [p.name for p in english.participants.all()] == [p.name for p in french.participants.all()]
    assert [block.value["status"] for block in english.roadmap] == [block.value["status"] for block in french.roadmap]
    assert len(english.discussed_themes) == len(french.discussed_themes) == 6
    text = BeautifulSoup(client.get(english.url).content, "html.parser").find("main").get_text(" ")
    assert "Immersion in public design" in text and "Positioning the lab" in text


def test_method_data_is_complete_before_loading():
    """The data modules hold at least 12 complete cards (a fast check that needs no database)."""
    assert len(METHODS) >= 12
    assert len({method["slug"] for method in METHODS}) == len(METHODS)
    for method in METHODS:
        assert 4 <= len(method["steps"]) <= 7, method["slug"]
        assert method["legal"] and method["materials"] and method["tips"] and method["pitfalls"], method["slug"]


def test_illustrative_pages_say_so_and_pages_the_seed_states_do_not(demo, client, settings):
    project = client.get("/labs/pays-de-la-loire/bureau-du-futur/").content.decode()
    assert (
        "Contenu d'exemple, en plus des faits du compte rendu d'Entrelabs #1 : la description du projet, "
        in unescape(project)
    )
    curriculum = unescape(client.get("/formations/conduire-une-demarche-de-conception-creative/").content.decode())
    assert "Contenu d'exemple : parcours imaginé" in curriculum
    assert "Contenu d'exemple" not in client.get("/ateliers/entrelabs-1/").content.decode()

    settings.DEMO_CONTENT_MARK = False
    assert "Contenu d'exemple" not in client.get("/labs/pays-de-la-loire/bureau-du-futur/").content.decode()


def test_every_demo_page_carries_its_provenance(demo, db):
    pages = Page.objects.filter(depth__gt=1)
    whole = DemoProvenance.objects.filter(field="")
    assert set(whole.values_list("page", flat=True)) == set(pages.values_list("pk", flat=True))
    assert not whole.filter(provenance="seed", note="").exists()  # a seed page names its source
    immersion = MethodPage.objects.get(slug="immersion")
    assert set(immersion.demo_provenance.filter(provenance="illustrative").values_list("field", flat=True)) == {
        "steps",
        "author_lab",
        "related_method_links",
        "project_links",
    }


def test_the_manifesto_and_the_roadmap_say_what_the_seed_says(demo, client):
    manifesto = unescape(client.get("/manifestes/manifeste-des-collectivites-ingenieuses/").content.decode())
    assert "Un projet en préparation" in manifesto and "aucun lab ne l'a encore signé" in manifesto
    assert 'id="signatories"' not in manifesto

    report = SessionReportPage.objects.get(number=1)
    actions = {block.value["title"]: block.value for block in report.roadmap}
    assert actions["Manifeste des collectivités ingénieuses"]["status"] == "proposed"
    assert "ni écrit ni signé" in actions["Manifeste des collectivités ingénieuses"]["description"]
    assert {title for title, action in actions.items() if action["status"] == "engaged"} == {
        "Entrelabs pour progresser collectivement",
        "Réenchantez et le référentiel de formation",
        "2e Semaine de l'innovation publique",
    }
    assert "ce code couleur est perdu" in unescape(client.get(report.url).content.decode())
    assert not CurriculumPage.objects.filter(title__icontains="référentiel").exists()


def test_a_method_card_added_to_the_data_file_becomes_a_page_and_a_sheet(tmp_path, monkeypatch):
    """Adding a card is editing methods.yaml: no Python (checked on the specs, without a database)."""
    import yaml

    from demo import content

    data_dir = tmp_path / "data"
    shutil.copytree(content.DATA_DIR, data_dir)
    methods = yaml.safe_load((data_dir / "methods.yaml").read_text(encoding="utf-8"))
    card = {**methods["methods"][0], "slug": "carte-d-empathie", "title": "Carte d'empathie", "worksheets": ["sheet"]}
    methods["methods"].append(card)
    (data_dir / "methods.yaml").write_text(yaml.safe_dump(methods, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(content, "DATA_DIR", data_dir)
    content.read.cache_clear()
    try:
        spec = next(spec for spec in content.method_specs() if spec.slug == "carte-d-empathie")
        documents = [document.title for document in content.document_specs()]
    finally:
        content.read.cache_clear()
    assert spec.parent == "methodes" and spec.fields["title"] == "Carte d'empathie"
    assert ("author_lab", "illustrative", "son lab auteur") in spec.provenance
    assert "Fiche pratique : Carte d'empathie" in documents
