"""The roadmap followed across sessions: what carries an action out, what continues it, its history."""

import datetime

import pytest
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from roadmap.models import RoadmapAction, RoadmapPage, RoadmapStatusChange
from tests import factories as f
from tests.test_pages_queries import assert_bounded


def action(title, status="proposed", horizon="now", scope="beyond"):
    return (
        "action",
        {"title": title, "description": "", "horizon": horizon, "scope": scope, "status": status, "owner_labs": []},
    )


@pytest.fixture
def reports(home_page):
    index = f.SessionReportIndexPageFactory(parent=home_page)
    first = f.SessionReportPageFactory(
        parent=index,
        title="Entrelabs #1",
        slug="entrelabs-1",
        roadmap=[action("Tests de cartographie collaborative", "engaged"), action("Un blog pour chaque labo")],
    )
    second = f.SessionReportPageFactory(
        parent=index,
        title="Entrelabs #2",
        slug="entrelabs-2",
        number=2,
        date=datetime.date(2015, 6, 18),
        roadmap=[action("Carte de l’écosystème en ligne", "proposed", horizon="months")],
    )
    return first, second


class TestRoadmapAdmin(WagtailPageTestCase):
    def test_tree_rules_and_creation(self):
        self.login()
        home = HomePage.objects.get()
        self.assertAllowedParentPageTypes(RoadmapPage, {HomePage})
        self.assertAllowedSubpageTypes(RoadmapPage, set())
        data = {"title": "Feuille de route", "slug": "feuille-de-route", "introduction": rich_text("<p>Suivi.</p>")}
        self.assertCanCreate(home, RoadmapPage, nested_form_data(data))

    def test_follow_up_through_the_snippet_form(self):
        self.login()
        home = HomePage.objects.get()
        report = f.SessionReportPageFactory(
            parent=f.SessionReportIndexPageFactory(parent=home), roadmap=[action("Manifeste", "engaged")]
        )
        project = f.ProjectPageFactory(parent=f.LabPageFactory(parent=f.LabIndexPageFactory(parent=home)))
        data = nested_form_data(
            {
                "block_id": report.roadmap[0].id,
                "continued_by": "",
                "status_changes": inline_formset(
                    [{"date": "2015-06-01", "status": "done", "note": "Signé par six labs"}]
                ),
            }
        )
        data["carried_out_by"] = [project.pk]
        response = self.client.post("/admin/snippets/roadmap/roadmapaction/add/", data)
        assert response.status_code == 302
        follow_up = RoadmapAction.objects.get()
        assert (follow_up.report, follow_up.title) == (report.page_ptr.specific, "Manifeste")
        assert list(follow_up.carried_out_by.all()) == [project.page_ptr]
        response = self.client.post("/admin/snippets/roadmap/roadmapaction/add/", {**data, "block_id": "inconnu"})
        assert response.status_code == 200 and "block_id" in response.context["form"].errors


def test_roadmap_page_by_status_with_history_and_links(client, home_page, reports):
    first, second = reports
    lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=home_page))
    project = f.ProjectPageFactory(parent=lab, title="Carte collaborative des Pays de la Loire")
    private = f.ProjectPageFactory(parent=lab, title="Projet réservé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    later = RoadmapAction.objects.create(report=second, block_id=second.roadmap[0].id, title="Carte en ligne")
    mapping = RoadmapAction.objects.create(
        report=first, block_id=first.roadmap[0].id, title=first.roadmap[0].value["title"], continued_by=later
    )
    mapping.carried_out_by.add(project, private)
    mapping.save()
    RoadmapStatusChange.objects.create(action=mapping, date=datetime.date(2015, 4, 13), status="engaged")
    RoadmapStatusChange.objects.create(action=mapping, date=datetime.date(2015, 9, 1), status="done", note="Test fini")
    page = home_page.add_child(instance=RoadmapPage(title="Feuille de route", slug="feuille-de-route"))

    html = client.get(page.url).content.decode()
    proposed, engaged, done = (html.index(f'id="status-{status}"') for status in ("proposed", "engaged", "done"))
    assert proposed < html.index("Un blog pour chaque labo") < engaged
    assert proposed < html.index("Carte de l’écosystème en ligne") < engaged
    assert done < html.index("Tests de cartographie collaborative")  # its last status change says done
    assert "13 avril 2015</time> : Engagée" in html and "1 septembre 2015</time> : Réalisée – Test fini" in html
    assert f'href="{project.url}">Carte collaborative des Pays de la Loire</a>' in html
    assert "Projet réservé" not in html
    assert "<dt>Poursuivie par</dt><dd>Carte en ligne" in html and f'href="{second.url}">Entrelabs #2</a>' in html


def test_roadmap_page_query_count(client, home_page, reports):
    first, _second = reports
    page = home_page.add_child(instance=RoadmapPage(title="Feuille de route", slug="feuille-de-route"))
    lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=home_page))

    actions = []

    def add(count):
        actions.extend(action(f"Action {len(actions) + n}") for n in range(count))
        first.roadmap = actions
        first.save()
        for block in first.roadmap:
            follow_up, _ = RoadmapAction.objects.get_or_create(
                block_id=block.id, defaults={"report": first, "title": block.value["title"]}
            )
            follow_up.carried_out_by.add(f.ProjectPageFactory(parent=lab))
            follow_up.save()
            RoadmapStatusChange.objects.create(action=follow_up, date=datetime.date(2015, 5, 1), status="engaged")

    add(1)
    assert_bounded(client, page.url, lambda: add(27))
