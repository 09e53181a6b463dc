"""The ecosystem map: reviewed actors in a filterable list with counts, an SVG map, exports with the
same filters, a public suggestion form in moderation, each lab's territory."""

import csv
import io
from decimal import Decimal

import geojson
import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from wagtail.models import WorkflowState
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from ecosystem import territories
from ecosystem.models import Actor, ActorKind, ActorSuggestion, EcosystemMapPage
from home.models import HomePage
from tests import factories as f
from tests import network_factories as nf
from tests.editorial import build_world, world_as_ids
from tests.test_pages_queries import assert_bounded


def test_territory_list_is_the_official_one():
    data = territories.territories()
    assert len(data["regions"]) == 18 and len(data["departements"]) == 101
    assert data["regions"]["52"] == "Pays de la Loire" and data["regions"]["93"] == "Provence-Alpes-Côte d'Azur"
    assert territories.departement("75") == territories.Departement("75", "Paris", "11")
    assert territories.departement("2A").region_code == "94"
    assert territories.departement("974").name == "La Réunion"


class TestMapPageAdmin(WagtailPageTestCase):
    def test_tree_rules_and_creation(self):
        self.login()
        home = HomePage.objects.get()
        self.assertAllowedParentPageTypes(EcosystemMapPage, {HomePage})
        self.assertAllowedSubpageTypes(EcosystemMapPage, set())
        data = {"title": "Carte", "slug": "carte", "introduction": rich_text("<p>Qui fait quoi.</p>")}
        self.assertCanCreate(home, EcosystemMapPage, nested_form_data(data))
        self.assertFalse(EcosystemMapPage.can_create_at(home))
        html = Client().get("/carte/").content.decode()
        assert "Qui fait quoi." in html and "0 acteur" in html


@pytest.fixture
def map_page(home_page):
    return nf.EcosystemMapPageFactory(parent=home_page)


def kind(slug):
    return ActorKind.objects.get(slug=slug)


@pytest.fixture
def actors(map_page):
    theme = f.ThemeFactory(name="Participation citoyenne", slug="participation")
    school = nf.ActorFactory(
        name="École de design Nantes Atlantique",
        kind=kind("ecole"),
        latitude=Decimal("47.20650"),
        longitude=Decimal("-1.56410"),
        website="https://example.org/ecole",
    )
    school.themes.add(theme)
    school.save()
    nf.ActorFactory(name="Ping, fab lab", kind=kind("fab-lab"))
    nf.ActorFactory(name="Zinc", kind=kind("association"), region="93", departement="13")
    nf.ActorFactory(name="Brouillon caché", live=False)
    return {"theme": theme}


def test_map_lists_reviewed_actors_with_filters_and_counts(client, actors):
    html = client.get("/carte/").content.decode()
    assert "3 acteurs" in html
    assert "Brouillon caché" not in html
    assert "École de design Nantes Atlantique" in html and 'href="https://example.org/ecole"' in html
    assert "Loire-Atlantique (44), Pays de la Loire" in html
    assert '<option value="52">Pays de la Loire (2)</option>' in html
    assert '<option value="93">Provence-Alpes-Côte d&#x27;Azur (1)</option>' in html
    assert '<option value="fab-lab">Fab lab / makers (1)</option>' in html

    html = client.get("/carte/?region=52&theme=participation").content.decode()
    assert "1 acteur" in html and "École de design" in html and "Zinc" not in html
    # A facet's counts keep the other filters: both regions stay visible with the theme chosen.
    assert '<option value="52" selected>Pays de la Loire (1)</option>' in html
    assert '<option value="93">Provence-Alpes-Côte d&#x27;Azur (0)</option>' in html


def test_unknown_filter_values_are_named_and_ignored(client, actors):
    response = client.get("/carte/?region=99&kind=licorne&departement=<b>")
    assert response.status_code == 200
    html = response.content.decode()
    assert "« 99 » n’est pas une valeur connue ; elle a été ignorée." in html
    assert "licorne" in html and "<b>" not in html
    assert "3 acteurs" in html


def test_map_draws_the_regions_without_outside_request(client, actors):
    html = client.get("/carte/").content.decode()
    start = html.index('class="ecosystem-map"')
    svg = html[start : html.index("</svg>", start)]
    assert "<title>Pays de la Loire : 2</title>" in svg and 'href="?region=52"' in svg
    assert "<title>École de design Nantes Atlantique</title>" in svg  # its point
    assert "http" not in svg  # no tile, no outside resource
    assert html.index('aria-label="Acteurs de l’écosystème"') < start  # the list comes first


def test_geojson_and_csv_exports_with_the_same_filters(client, actors):
    response = client.get("/carte/geojson/?region=52")
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    collection = geojson.loads(response.content)
    assert collection.is_valid
    names = {feature["properties"]["name"] for feature in collection["features"]}
    assert names == {"École de design Nantes Atlantique", "Ping, fab lab"}
    school = next(feature for feature in collection["features"] if feature["properties"]["name"].startswith("École"))
    assert school["geometry"]["coordinates"] == [-1.5641, 47.2065]
    assert school["properties"]["themes"] == ["Participation citoyenne"]

    response = client.get("/carte/csv/?kind=association")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["name"] for row in rows] == ["Zinc"]
    assert rows[0]["region"] == "Provence-Alpes-Côte d'Azur" and rows[0]["departement_code"] == "13"
    assert "Brouillon" not in client.get("/carte/csv/").content.decode()


def test_lab_page_shows_its_territory(client, map_page, actors, home_page):
    labs = f.LabIndexPageFactory(parent=home_page)
    lab = f.LabPageFactory(parent=labs, title="Région Pays de la Loire", region="pdl")
    national = f.LabPageFactory(parent=labs, title="Futurs Publics", region="national")
    nf.ActorFactory(name="Ajouté par Futurs Publics", region="11", departement="75", lab=national)
    html = client.get(lab.url).content.decode()
    assert "Acteurs du territoire" in html
    assert "École de design Nantes Atlantique" in html and "Zinc" not in html and "Brouillon" not in html
    assert 'href="/carte/?region=52"' in html
    html = client.get(national.url).content.decode()
    assert "Ajouté par Futurs Publics" in html and "École de design" not in html


def test_map_is_in_the_sitemap(client, map_page):
    assert "http://localhost/carte/" in client.get("/sitemap.xml").content.decode()


def test_query_counts(client, map_page, home_page):
    theme = f.ThemeFactory(slug="participation", name="Participation")
    lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=home_page), region="pdl")

    def add(count):
        for n in range(count):
            actor = nf.ActorFactory(lab=lab if n % 2 else None, latitude=Decimal("47.2"), longitude=Decimal("-1.5"))
            actor.themes.add(theme)
            actor.save()

    add(3)
    assert_bounded(client, "/carte/", lambda: add(30))
    assert_bounded(client, "/carte/?theme=participation&region=52&page=2", lambda: add(3))
    assert_bounded(client, "/carte/geojson/", lambda: add(3))
    assert_bounded(client, "/carte/csv/", lambda: add(3))
    assert_bounded(client, lab.url, lambda: add(3))


# Suggestions from the public -----------------------------------------------------------------


def suggestion(**overrides):
    data = {
        "name": "La Fabrique du design public",
        "kind": str(kind("communaute-professionnelle").pk),
        "region": "93",
        "departement": "13",
        "address": "1 rue de la République, Marseille",
        "latitude": "43.29695",
        "longitude": "5.38107",
        "website": "https://example.org/fabrique",
        "description": "Des designers qui travaillent avec les collectivités.",
        "contact_email": "designer@example.org",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def test_a_suggestion_lands_in_moderation(client, map_page, actors):
    response = client.post("/proposer-un-acteur/", suggestion())
    assert response.status_code == 302 and response["Location"] == "/proposer-un-acteur/merci/"
    actor = Actor.objects.get(name="La Fabrique du design public")
    assert not actor.live and actor.latest_revision is not None
    assert ActorSuggestion.objects.get(actor=actor).contact_email == "designer@example.org"
    state = WorkflowState.objects.for_instance(actor).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Validation par les communicants"
    assert "La Fabrique du design public" not in client.get("/carte/").content.decode()
    assert "La Fabrique" not in client.get("/carte/geojson/").content.decode()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("latitude", "123", "La latitude doit être comprise entre -90 et 90."),
        ("longitude", "-200.5", "La longitude doit être comprise entre -180 et 180."),
        ("latitude", "nord", "Saisissez la latitude sous forme de nombre, par exemple 47.21725."),
        ("region", "99", "Choisissez une région dans la liste."),
        ("departement", "44", "Loire-Atlantique n’est pas en Provence-Alpes-Côte d&#x27;Azur."),
        ("address", "x" * 10_000, "L’adresse doit comporter au plus 300 caractères (elle en a 10000)."),
        ("longitude", "", "Indiquez la latitude et la longitude, ou aucune des deux."),
    ],
)
def test_bad_suggestions_get_a_clear_message_and_keep_what_was_typed(client, map_page, field, value, message):
    response = client.post("/proposer-un-acteur/", suggestion(**{field: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert "La Fabrique du design public" in html and "designer@example.org" in html
    if field == "address":
        assert "x" * 10_000 in html
    assert not Actor.objects.filter(name="La Fabrique du design public").exists()


def test_honeypot_drops_the_suggestion_silently(client, map_page):
    response = client.post("/proposer-un-acteur/", suggestion(homepage="http://spam.example"))
    assert response.status_code == 302
    assert not Actor.objects.exists()


def test_lab_page_territory_follows_changes(client, map_page, actors, home_page):
    lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=home_page), region="pdl")
    assert "Ping, fab lab" in client.get(lab.url).content.decode()
    ping = Actor.objects.get(name="Ping, fab lab")
    ping.name = "Ping, atelier partagé"
    ping.save()
    html = client.get(lab.url).content.decode()
    assert "Ping, atelier partagé" in html and "Ping, fab lab" not in html
    ping.unpublish()
    assert "Ping" not in client.get(lab.url).content.decode()


# Review through the workflow ------------------------------------------------------------------


@pytest.fixture(scope="module")
def world_ids(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        nf.EcosystemMapPageFactory(parent=world.home)
        yield world_as_ids(world)
        transaction.set_rollback(True)


def test_partner_editor_adds_an_actor_that_appears_once_a_communicator_approves(client, world):
    client.force_login(world.editor_a)
    add_url = "/admin/snippets/ecosystem/actor/add/"
    response = client.get(add_url)
    assert response.status_code == 200
    data = {}
    data.update(
        name="Les Beaux Quartiers",
        kind=str(kind("association").pk),
        region="52",
        departement="44",
        description="Une association d’habitants.",
        lab=str(world.lab_a.pk),
    )
    data["action-submit"] = "action-submit"
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors
    actor = Actor.objects.get(name="Les Beaux Quartiers")
    assert not actor.live
    assert "Les Beaux Quartiers" not in Client().get("/carte/").content.decode()
    # Editors cannot publish.
    assert not world.editor_a.has_perm("ecosystem.publish_actor")
    assert world.communicator.has_perm("ecosystem.publish_actor")

    state = WorkflowState.objects.for_instance(actor).get(status=WorkflowState.STATUS_IN_PROGRESS)
    client.force_login(world.communicator)
    response = client.post(
        f"/admin/snippets/ecosystem/actor/workflow/action/{actor.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.live
    assert "Les Beaux Quartiers" in Client().get("/carte/").content.decode()


def test_a_new_partner_group_gets_the_map_permissions(db):
    group = Group.objects.create(name="Éditeurs – Lab Gamma")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "add_actor" in codenames
    assert not codenames & {"change_actor", "delete_actor", "publish_actor"}


def test_partner_editor_edits_their_own_labs_actors_only(client, world):
    own = nf.ActorFactory(name="Acteur du lab A", lab=world.lab_a)
    other = nf.ActorFactory(name="Acteur du lab B", lab=world.lab_b)
    unfiled = nf.ActorFactory(name="Acteur sans lab", lab=None)
    edit_url = "/admin/snippets/ecosystem/actor/edit/{}/"

    client.force_login(world.editor_a)
    listing = client.get("/admin/snippets/ecosystem/actor/").content.decode()
    assert "Acteur du lab A" in listing
    assert "Acteur du lab B" not in listing and "Acteur sans lab" not in listing
    # The listing's search keeps the same boundary (it once answered 503 on SQLite).
    searched = client.get("/admin/snippets/ecosystem/actor/?q=Acteur")
    assert searched.status_code == 200
    assert "Acteur du lab A" in searched.content.decode()
    assert "Acteur du lab B" not in searched.content.decode()
    assert client.get(edit_url.format(own.pk)).status_code == 200
    for refused in (other, unfiled):
        # Wagtail's answer to a refused permission: back to the dashboard, with its message.
        response = client.get(edit_url.format(refused.pk), follow=True)
        assert response.redirect_chain == [("/admin/", 302)]
        assert "vous n&#x27;avez pas les autorisations" in response.content.decode()
    # A forged save of another lab's actor changes nothing.
    response = client.post(edit_url.format(other.pk), {"name": "Détourné", "region": "52", "lab": world.lab_a.pk})
    assert (response.status_code, response.url) == (302, "/admin/")
    other.refresh_from_db()
    assert other.name == "Acteur du lab B" and other.lab_id == world.lab_b.pk

    client.force_login(world.communicator)
    assert client.get(edit_url.format(other.pk)).status_code == 200
    assert "Acteur du lab B" in client.get("/admin/snippets/ecosystem/actor/").content.decode()


def test_partner_editor_files_a_new_actor_under_their_own_lab(client, world):
    client.force_login(world.editor_a)
    add_url = "/admin/snippets/ecosystem/actor/add/"
    form = client.get(add_url).context["form"]
    assert list(form.fields["lab"].queryset) == [world.lab_a]
    assert form.fields["lab"].required
    data = {"name": "Un acteur", "kind": str(kind("association").pk), "region": "52", "lab": str(world.lab_b.pk)}
    response = client.post(add_url, {**data, "action-submit": "action-submit"})
    assert response.status_code == 200
    assert "lab" in response.context["form"].errors
    assert 'value="Un acteur"' in response.content.decode()  # nothing typed is lost
    assert not Actor.objects.filter(name="Un acteur").exists()
