"""Editors: where each page type may live, and creating each one through the Wagtail admin form."""

import datetime

from django.test import Client
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ecosystem.models import EcosystemMapPage
from events.models import AgendaPage
from home.models import HomePage, StandardPage
from labs.models import (
    LabIndexPage,
    LabPage,
    ManifestoIndexPage,
    ManifestoPage,
    ProjectPage,
    SessionReportIndexPage,
    SessionReportPage,
)
from methods.models import CurriculumIndexPage, CurriculumPage, MethodIndexPage, MethodPage
from news.models import NewsIndexPage, NewsPage
from roadmap.models import RoadmapPage
from tests import factories as f


def list_block(values):
    """Form data of a ListBlock (Wagtail's test helpers only cover StreamField and formsets)."""
    data = {str(index): {"value": value, "deleted": "", "order": str(index)} for index, value in enumerate(values)}
    data["count"] = str(len(values))
    return data


def short_method_form(title, slug):
    """The method form's required fields, with a worksheet row added and its document not chosen."""
    return {
        "title": title,
        "slug": slug,
        "phase": "discover",
        "duration": "days",
        "difficulty": "easy",
        "licence": "cc-by-sa-4.0",
        "steps": streamfield([]),
        "worksheets": inline_formset([{"document": ""}]),
        "related_method_links": inline_formset([]),
    }


TREE = [
    # (page type, allowed parents, allowed children)
    (HomePage, {Page}, {LabIndexPage, ManifestoIndexPage, SessionReportIndexPage, MethodIndexPage,
                        CurriculumIndexPage, StandardPage, AgendaPage, NewsIndexPage,
                        EcosystemMapPage, RoadmapPage}),
    (StandardPage, {HomePage, StandardPage}, {StandardPage}),
    (LabIndexPage, {HomePage}, {LabPage}),
    (LabPage, {LabIndexPage}, {ProjectPage, NewsPage}),
    (ProjectPage, {LabPage}, set()),
    (ManifestoIndexPage, {HomePage}, {ManifestoPage}),
    (ManifestoPage, {ManifestoIndexPage}, set()),
    (SessionReportIndexPage, {HomePage}, {SessionReportPage}),
    (SessionReportPage, {SessionReportIndexPage}, set()),
    (MethodIndexPage, {HomePage}, {MethodPage}),
    (MethodPage, {MethodIndexPage}, set()),
    (CurriculumIndexPage, {HomePage}, {CurriculumPage}),
    (CurriculumPage, {CurriculumIndexPage}, set()),
]  # fmt: skip


class TestTreeRules(WagtailPageTestCase):
    def test_allowed_parents_and_children(self):
        for model, parents, children in TREE:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, parents)
                self.assertAllowedSubpageTypes(model, children)

    def test_indexes_and_home_are_unique(self):
        home = HomePage.objects.get()
        index = f.MethodIndexPageFactory(parent=home)
        self.assertFalse(MethodIndexPage.can_create_at(home))
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertTrue(MethodPage.can_create_at(index))
        self.assertFalse(MethodPage.can_create_at(home))


class AdminTestCase(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()
        self.theme = f.ThemeFactory(name="Positionnement du lab", slug="positionnement")

    def assert_created(self, parent, model, data, **expected):
        """Create through the admin form, then check the saved page and its public rendering."""
        themes = data.pop("themes", [])
        form_data = nested_form_data(data)
        form_data["themes"] = themes  # a multiple choice: one value per theme, not a nested list
        self.assertCanCreate(parent, model, form_data)
        page = model.objects.get(slug=data.get("slug") or data["title"].lower().replace(" ", "-"))
        self.assertTrue(page.live)
        for field, value in expected.items():
            self.assertEqual(getattr(page, field), value, field)
        response = Client().get(page.url)  # an anonymous visitor
        self.assertEqual(response.status_code, 200)
        return page, response.content.decode()

    def assert_refused(self, parent, model, data, field):
        """Post the admin's create form: it comes back with an error on ``field`` and nothing is saved."""
        meta = model._meta
        url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/"
        response = self.client.post(url, nested_form_data(data | {"action-publish": "action-publish"}))
        self.assertEqual(response.status_code, 200)
        self.assertIn(field, response.context["form"].errors)
        self.assertFalse(model.objects.filter(slug=data["slug"]).exists())


class TestCreateThroughAdmin(AdminTestCase):
    def test_standard_page(self):
        page, html = self.assert_created(
            self.home,
            StandardPage,
            {
                "title": "Mentions légales",
                "slug": "mentions-legales",
                "summary": "Qui publie ce site.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Éditeur du site", "level": "h2"}),
                        ("paragraph", rich_text("<p>Le réseau Entrelabs.</p>")),
                        ("quote", {"text": "Faire avec, pas pour.", "attribution": "Un lab"}),
                    ]
                ),
            },
        )
        assert "<h2>Éditeur du site</h2>" in html
        assert "Le réseau Entrelabs." in html
        assert "Faire avec, pas pour." in html

    def test_home_page_is_edited_not_created(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        method_index = f.MethodIndexPageFactory(parent=self.home)
        method = f.MethodPageFactory(parent=method_index, title="Immersion")
        data = nested_form_data(
            {
                "title": "Entrelabs",
                "slug": self.home.slug,
                "summary": "Le réseau des labs.",
                "introduction": rich_text("<p>Un atelier semestriel des labs publics.</p>"),
                "featured_methods": inline_formset([{"method": method.pk}]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(f"/admin/pages/{self.home.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        html = Client().get("/").content.decode()
        assert "Un atelier semestriel des labs publics." in html
        assert 'href="/methodes/immersion/">Immersion</a>' in html

    def test_index_pages(self):
        for model, title, slug in [
            (LabIndexPage, "Les labs", "labs"),
            (MethodIndexPage, "Méthodes", "methodes"),
            (CurriculumIndexPage, "Formations", "formations"),
            (ManifestoIndexPage, "Manifestes", "manifestes"),
            (SessionReportIndexPage, "Ateliers", "ateliers"),
        ]:
            with self.subTest(model=model.__name__):
                _, html = self.assert_created(
                    self.home,
                    model,
                    {"title": title, "slug": slug, "introduction": rich_text(f"<p>Introduction de {title}</p>")},
                )
                assert f"Introduction de {title}" in html

    def test_lab_and_project(self):
        index = f.LabIndexPageFactory(parent=self.home)
        lab, html = self.assert_created(
            index,
            LabPage,
            {
                **f.LAB_FORM_FIELDS,
                "website": "http://www.reacteurpublic.fr",
                "body": streamfield([("paragraph", rich_text("<p>Programme Re-Acteur Public.</p>"))]),
                "team_members": inline_formset([{"name": "Stéphane Vincent", "role": "Délégué général"}]),
                "themes": [self.theme.pk],
                "tags": "design, recherche-action",
            },
            city="Paris",
        )
        assert "Programme Re-Acteur Public." in html
        assert "Stéphane Vincent" in html and "Délégué général" in html
        assert "Association" in html and "Île-de-France" in html
        assert 'href="/themes/positionnement/"' in html
        assert 'href="/tags/design/"' in html

        method_index = f.MethodIndexPageFactory(parent=self.home)
        method = f.MethodPageFactory(parent=method_index, title="Immersion")
        project, html = self.assert_created(
            lab,
            ProjectPage,
            {
                "title": "Bureau du futur",
                "slug": "bureau-du-futur",
                "summary": "Un lieu pour expérimenter.",
                "status": "finished",
                "start_date": "2013-01-01",
                "end_date": "2014-06-30",
                "body": streamfield([]),
                "method_links": inline_formset([{"method": method.pk}]),
                "indicators": inline_formset(
                    [
                        {
                            "label": "Agents formés",
                            "baseline": "0",
                            "target": "40",
                            "measured_value": "35",
                            "unit": "agents",
                            "measured_on": "2014-06-30",
                        }
                    ]
                ),
                "tags": "",
            },
            status="finished",
            end_date=datetime.date(2014, 6, 30),
        )
        assert "Agents formés" in html and "35 agents" in html and "40 agents" in html
        assert 'href="/methodes/immersion/">Immersion</a>' in html
        assert 'href="/labs/la-27e-region/">La 27e Région</a>' in html

    def test_project_end_date_before_start_is_refused(self):
        lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=self.home))
        data = {
            "title": "À l'envers",
            "slug": "a-l-envers",
            "status": "planned",
            "start_date": "2015-01-01",
            "end_date": "2014-01-01",
            "body": streamfield([]),
            "method_links": inline_formset([]),
            "indicators": inline_formset([]),
        }
        self.assert_refused(lab, ProjectPage, data, "end_date")

    def test_method_page(self):
        index = f.MethodIndexPageFactory(parent=self.home)
        lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=self.home), title="Région Pays de la Loire")
        other = f.MethodPageFactory(parent=index, title="Test utilisateur")
        document = f.wagtail_factories.DocumentFactory(title="Fiche immersion")
        page, html = self.assert_created(
            index,
            MethodPage,
            {
                "title": "Immersion",
                "slug": "immersion",
                "summary": "Passer du temps sur le terrain.",
                "why_use": rich_text("<p>Comprendre les usagers.</p>"),
                "when_use": rich_text("<p>Au début d'un projet.</p>"),
                "phase": "discover",
                "duration": "days",
                "duration_detail": "2 jours",
                "group_size_min": "2",
                "group_size_max": "6",
                "difficulty": "intermediate",
                "materials": "Carnet\nAppareil photo",
                "steps": streamfield(
                    [
                        ("step", {"title": "Préparer", "text": rich_text("<p>Choisir le terrain.</p>")}),
                        ("step", {"title": "Observer", "text": rich_text("<p>Prendre des notes.</p>")}),
                    ]
                ),
                "tips": rich_text("<p>Rester discret.</p>"),
                "pitfalls": rich_text("<p>Juger trop vite.</p>"),
                "legal_points": rich_text("<p>Informer les personnes observées (RGPD).</p>"),
                "worksheets": inline_formset([{"document": document.pk}]),
                "licence": "cc-by-4.0",
                "author_lab": lab.pk,
                "related_method_links": inline_formset([{"related_method": other.pk}]),
                "themes": [self.theme.pk],
                "tags": "terrain",
            },
            phase="discover",
            licence="cc-by-4.0",
        )
        assert "Choisir le terrain." in html and "Prendre des notes." in html
        assert "Informer les personnes observées (RGPD)." in html
        assert "<li>Appareil photo</li>" in html
        assert "Fiche immersion" in html
        assert 'href="https://creativecommons.org/licenses/by/4.0/deed.fr" rel="license">CC BY 4.0</a>' in html
        assert "Région Pays de la Loire" in html and "Test utilisateur" in html

    def test_method_group_size_max_below_min_is_refused(self):
        index = f.MethodIndexPageFactory(parent=self.home)
        data = {
            "title": "Incohérente",
            "slug": "incoherente",
            "phase": "test",
            "duration": "hours",
            "difficulty": "easy",
            "group_size_min": "10",
            "group_size_max": "2",
            "licence": "cc-by-sa-4.0",
            "steps": streamfield([]),
            "worksheets": inline_formset([]),
            "related_method_links": inline_formset([]),
        }
        self.assert_refused(index, MethodPage, data, "group_size_max")

    def test_method_worksheet_row_added_but_left_empty_does_not_stop_the_save(self):
        """Wagtail's autosave posts the form while the editor has added a worksheet row and not yet
        chosen its document: the empty row is not an error (which would pause the autosave)."""
        index = f.MethodIndexPageFactory(parent=self.home)
        page = f.MethodPageFactory(parent=index, title="Immersion", live=False)
        document = f.wagtail_factories.DocumentFactory(title="Fiche immersion")
        data = short_method_form("Immersion sur le terrain", page.slug) | {
            "related_method_links": inline_formset([{"related_method": ""}])
        }
        autosave = self.client.post(
            f"/admin/pages/{page.pk}/edit/", nested_form_data(data), HTTP_ACCEPT="application/json"
        )
        self.assertEqual(autosave.status_code, 200, autosave.content)
        self.assertTrue(autosave.json()["success"])
        page.refresh_from_db()
        draft = page.get_latest_revision_as_object()
        self.assertEqual(draft.title, "Immersion sur le terrain")
        self.assertEqual(list(draft.worksheets.all()), [])

        # Once a document is chosen, the row counts.
        data["worksheets"] = inline_formset([{"document": document.pk}])
        data["related_method_links"] = inline_formset([])
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(data))
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual([w.document for w in page.get_latest_revision_as_object().worksheets.all()], [document])

    def test_method_worksheet_uploaded_in_its_row_becomes_a_checked_document(self):
        """A file picked in the worksheet row (no chooser pop-up) is stored as a document through the
        admin's document form; a damaged one is refused on the row with the form's message."""
        from django.core.files.uploadedfile import SimpleUploadedFile
        from wagtail.documents.models import Document

        from demo.pdf import worksheet_pdf

        index = f.MethodIndexPageFactory(parent=self.home)
        pdf = worksheet_pdf("Grille d'immersion", "Lab", [("Notes", ["Lieu"])], "CC BY-SA")
        data = short_method_form("Immersion", "immersion")
        url = f"/admin/pages/add/methods/methodpage/{index.pk}/"
        damaged = nested_form_data(data) | {"worksheets-0-upload": SimpleUploadedFile("grille.pdf", b"not a pdf")}
        response = self.client.post(url, damaged)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(MethodPage.objects.filter(slug="immersion").exists())
        self.assertFalse(Document.objects.exists())
        self.assertContains(response, 'value="Immersion"')  # what was typed is kept

        upload = SimpleUploadedFile("grille-immersion.pdf", pdf, content_type="application/pdf")
        response = self.client.post(url, nested_form_data(data) | {"worksheets-0-upload": upload})
        self.assertEqual(response.status_code, 302)
        page = MethodPage.objects.get(slug="immersion")
        [document] = [w.document for w in page.get_latest_revision_as_object().worksheets.all()]
        self.assertEqual((document.title, document.uploaded_by_user), ("grille-immersion", response.wsgi_request.user))
        self.assertTrue(document.file.read().startswith(b"%PDF"))

    def test_curriculum_page(self):
        method_index = f.MethodIndexPageFactory(parent=self.home)
        method = f.MethodPageFactory(parent=method_index, title="Veille numérique partagée")
        index = f.CurriculumIndexPageFactory(parent=self.home)
        page, html = self.assert_created(
            index,
            CurriculumPage,
            {
                "title": "Animer des réunions créatives",
                "slug": "reunions-creatives",
                "summary": "Deux modules.",
                "audience": "Agents des collectivités",
                "prerequisites": rich_text("<p>Aucun.</p>"),
                "learning_outcomes": rich_text("<p>Savoir animer un atelier.</p>"),
                "modules": streamfield(
                    [
                        (
                            "module",
                            {
                                "title": "Les bases",
                                "duration_hours": "3.5",
                                "objectives": rich_text("<p>Comprendre.</p>"),
                                "methods": list_block([method.pk]),
                            },
                        ),
                        (
                            "module",
                            {
                                "title": "La pratique",
                                "duration_hours": "4",
                                "objectives": rich_text("<p>Pratiquer.</p>"),
                                "methods": list_block([]),
                            },
                        ),
                    ]
                ),
                "tags": "",
            },
        )
        assert page.total_duration_hours == 7.5
        assert "7,5" in html  # total duration, French decimal comma
        assert "Les bases" in html and "La pratique" in html
        assert 'href="/methodes/veille-numerique-partagee/">Veille numérique partagée</a>' in html

    def test_manifesto_page(self):
        lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=self.home), title="Ville de Paris")
        index = f.ManifestoIndexPageFactory(parent=self.home)
        pdf = f.wagtail_factories.DocumentFactory(title="Manifeste (PDF)")
        page, html = self.assert_created(
            index,
            ManifestoPage,
            {
                "title": "Régions ingénieuses",
                "slug": "regions-ingenieuses",
                "published_on": "2015-06-01",
                "version": "1.1",
                "body": streamfield([("paragraph", rich_text("<p>Nous, labs publics, affirmons...</p>"))]),
                "pdf": pdf.pk,
                "signatories": inline_formset([{"lab": lab.pk, "signed_on": "2015-06-10"}]),
                "tags": "",
            },
            version="1.1",
        )
        assert "Nous, labs publics, affirmons..." in html
        assert 'href="/labs/ville-de-paris/">Ville de Paris</a>' in html
        assert "10 juin 2015" in html
        assert "Manifeste (PDF)" in html

    def test_session_report_page(self):
        lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=self.home), title="Futurs Publics")
        index = f.SessionReportIndexPageFactory(parent=self.home)
        page, html = self.assert_created(
            index,
            SessionReportPage,
            {
                "title": "Entrelabs #1",
                "slug": "entrelabs-1",
                "number": "1",
                "date": "2015-04-13",
                "place": "Paris",
                "host": "La 27e Région",
                "summary": "Le passage à l'échelle des labs.",
                "participants": inline_formset(
                    [{"name": "Romain Thévenet", "organisation": "Futurs Publics", "lab": lab.pk}]
                ),
                "discussed_themes": streamfield(
                    [
                        (
                            "theme",
                            {
                                "title": "Realpolitik",
                                "question": "Comment survivre aux élections ?",
                                "discussion": rich_text("<p>Un débat nourri.</p>"),
                                "directions": list_block([{"title": "Documenter les preuves", "text": rich_text("")}]),
                            },
                        )
                    ]
                ),
                "decisions": rich_text("<p>Créer un réseau.</p>"),
                "roadmap": streamfield(
                    [
                        (
                            "action",
                            {
                                "title": "Manifeste des régions ingénieuses",
                                "description": "",
                                "horizon": "months",
                                "scope": "beyond",
                                "status": "engaged",
                                "owner_labs": list_block([lab.pk]),
                            },
                        )
                    ]
                ),
                "next_session_title": "Immersion dans le design public",
                "next_session_start": "2015-06-18",
                "next_session_end": "2015-06-19",
                "next_session_place": "Paris",
                "next_session_contact": "",
                "tags": "",
            },
            number=1,
        )
        assert "Comment survivre aux élections ?" in html and "Documenter les preuves" in html
        assert "Romain Thévenet" in html
        assert "Manifeste des régions ingénieuses" in html and "Engagée" in html
        assert "Immersion dans le design public" in html
