"""The public "Proposer une méthode" form: a draft in the moderation queue, never a live page."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from wagtail.models import Page, WorkflowState

from home.models import HomePage
from methods.models import MethodPage, MethodProposal
from tests.factories import MethodIndexPageFactory

URL = "/proposer-une-methode/"

VALID = {
    "title": "Le théâtre-forum des usagers",
    "summary": "Des agents et des usagers rejouent une situation vécue au guichet pour trouver des solutions.",
    "steps": "Recueillir des situations vécues\n\nÉcrire une courte scène\nJouer, puis rejouer avec le public",
    "contact_email": "agent@ville.example.fr",
    "consent": "on",
    "website": "",
}


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def method_index(db):
    index = MethodIndexPageFactory(parent=HomePage.objects.first())
    index.save_revision().publish()
    return index


def test_form_renders_accessibly(client, method_index):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Proposer une méthode</h1>" in html
    assert 'autocomplete="email"' in html
    # The honeypot is hidden from people and from screen readers, and out of the tab order.
    assert 'aria-hidden="true"' in html
    assert 'tabindex="-1"' in html
    assert 'name="website"' in html


def test_valid_proposal_creates_a_draft_in_the_moderation_queue(client, method_index, communicator):
    response = client.post(URL, VALID)
    assert response.status_code == 302
    assert response["Location"] == "/proposer-une-methode/merci/"

    page = MethodPage.objects.get(title="Le théâtre-forum des usagers")
    assert not page.live
    assert page.get_parent().pk == method_index.pk
    assert page.phase and page.duration
    assert [step.value["title"] for step in page.steps] == [
        "Recueillir des situations vécues",
        "Écrire une courte scène",
        "Jouer, puis rejouer avec le public",
    ]
    assert page.proposal.contact_email == "agent@ville.example.fr"
    assert page.proposal.consented_at is not None
    # Not public: a visitor gets a 404 at its URL, and the method index does not list it.
    assert client.get(page.url or f"{method_index.url}{page.slug}/").status_code == 404
    assert page.title not in client.get(method_index.url).content.decode()

    # In the workflow, in the communicators' queue, and they got an email.
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert any("camille@entrelabs.example.org" in message.to for message in mail.outbox)
    client.force_login(communicator)
    dashboard = client.get("/admin/").content.decode()
    assert "Le théâtre-forum des usagers" in dashboard

    done = client.get(response["Location"])
    assert done.status_code == 200
    assert "Merci pour votre proposition" in done.content.decode()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("title", "", "Donnez un nom à la méthode."),
        ("title", "ab", "Le nom doit compter au moins 3 caractères."),
        ("title", "!!!", "Le nom doit contenir des lettres ou des chiffres."),
        ("summary", "Trop court", "Le résumé doit compter au moins 20 caractères."),
        ("steps", "Une seule étape", "Donnez au moins 2 étapes, une par ligne."),
        ("steps", "\n".join(f"Étape {n}" for n in range(13)), "Donnez au plus 12 étapes (vous en avez donné 13)."),
        ("contact_email", "pas-une-adresse", "Saisissez une adresse électronique de la forme nom@exemple.fr."),
        ("consent", "", "Cochez la case pour donner votre accord, sinon votre proposition ne peut pas être envoyée."),
    ],
)
def test_invalid_field_gives_a_french_message_and_keeps_the_input(client, method_index, field, value, message):
    data = {**VALID, field: value}
    if field == "consent":
        del data["consent"]
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message.replace("'", "&#x27;") in html
    # The error summary links to the field, which points to its error message.
    field_id = f"id_{field}"
    assert f'href="#{field_id}"' in html
    assert f'aria-describedby="{field_id}-help {field_id}-error"' in html or f'{field_id}-error"' in html
    # What the person typed in the other fields is still there.
    for other in ("title", "contact_email"):
        if other != field:
            assert VALID[other] in html.replace("&#x27;", "'")
    assert not MethodPage.objects.exists()


def test_honeypot_drops_the_proposal_silently(client, method_index):
    response = client.post(URL, {**VALID, "website": "http://spam.example.com"})
    assert response.status_code == 302
    assert not MethodPage.objects.exists()
    assert not MethodProposal.objects.exists()


def test_rate_limit_per_ip_gives_a_friendly_429(client, method_index):
    for number in range(10):
        assert client.post(URL, {**VALID, "title": f"Méthode numéro {number}"}).status_code == 302
    response = client.post(URL, {**VALID, "title": "Une de trop"}, REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de propositions" in html
    assert "Une de trop" in html  # what the person typed is kept
    assert MethodPage.objects.count() == 10
    # Another address is not limited.
    assert client.post(URL, {**VALID, "title": "Autre poste"}, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_same_title_twice_gets_distinct_slugs(client, method_index):
    client.post(URL, VALID)
    client.post(URL, VALID)
    slugs = sorted(MethodPage.objects.values_list("slug", flat=True))
    assert slugs == ["le-theatre-forum-des-usagers", "le-theatre-forum-des-usagers-2"]


def test_no_method_index_gives_a_clear_503(client, db):
    response = client.post(URL, VALID)
    assert response.status_code == 503
    assert not Page.objects.type(MethodPage).exists()


def test_get_with_garbage_is_fine(client, method_index):
    assert client.get(URL + "?title=%00").status_code == 200
    assert client.post(URL, {"title": "\x00" * 5, "steps": "a\x00\nb"}).status_code in (200, 400)


def test_communicators_read_the_proposers_email_in_the_admin(client, method_index, communicator):
    client.post(URL, VALID)
    client.force_login(communicator)
    response = client.get("/admin/method_proposals/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "agent@ville.example.fr" in html
    assert "Le théâtre-forum des usagers" in html

    # Other admin users (here a reviewer) do not see it.
    reviewer = get_user_model().objects.create_user("remi", "remi@example.org", "password")
    reviewer.groups.add(Group.objects.get(name="Relecteurs"))
    client.force_login(reviewer)
    response = client.get("/admin/method_proposals/")
    assert response.status_code in (302, 403)
    assert "agent@ville.example.fr" not in response.content.decode()
