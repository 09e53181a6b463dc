"""The admin dashboard per role, and the reviewer's comment where the editor works."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState

from methods.models import MethodProposal
from tests.editorial import build_world, world_as_ids, world_from_ids
from tests.factories import MethodPageFactory

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
COMMENT = "Merci d'ajouter une étape de restitution.\nEt la durée de préparation."


@pytest.fixture(scope="module")
def world_ids(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield world_as_ids(build_world())
        transaction.set_rollback(True)


@pytest.fixture
def world(db, world_ids):
    return world_from_ids(world_ids)


def text_of(response):
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def links_of(response):
    return [a["href"] for a in BeautifulSoup(response.content, "html.parser").find_all("a", href=True)]


def submit_for_review(page, user):
    page.get_workflow().start(page, user)
    return WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS).current_task_state


def test_partner_dashboard_starts_with_the_three_places_to_write(client, world):
    client.force_login(world.editor_a)
    response = client.get("/admin/")
    text = text_of(response)
    links = links_of(response)
    assert text.index("Rédiger une fiche méthode") < text.index("Ajouter un projet")
    assert text.index("Ajouter un projet") < text.index("Compléter la page de votre lab")
    assert f"/admin/pages/add/methods/methodpage/{world.method_index.pk}/" in links
    assert f"/admin/pages/add/labs/projectpage/{world.lab_a.pk}/" in links
    assert f"/admin/pages/{world.lab_a.pk}/edit/" in links
    assert "alice@lab-alpha.example.org" in text
    # The other lab is not offered.
    assert f"/admin/pages/add/labs/projectpage/{world.lab_b.pk}/" not in links
    # Each of the three links opens a form the editor may fill in.
    for url in links[links.index(f"/admin/pages/add/methods/methodpage/{world.method_index.pk}/") :][:3]:
        assert client.get(url).status_code == 200


def test_partner_sees_pages_in_review_then_the_changes_asked_with_the_comment(client, world):
    page = MethodPageFactory(parent=world.method_index, title="Le porteur de parole", live=False, owner=world.editor_a)
    page.save_revision(user=world.editor_a)
    task_state = submit_for_review(page, world.editor_a)
    world.communicator.first_name, world.communicator.last_name = "Camille", "Martin"
    world.communicator.save()

    client.force_login(world.editor_a)
    text = text_of(client.get("/admin/"))
    assert "Vos pages en relecture" in text
    assert "Le porteur de parole : en attente de relecture (Validation par les communicants) depuis le" in text

    task_state.reject(user=world.communicator, comment=COMMENT)
    text = text_of(client.get("/admin/"))
    assert "Modifications demandées" in text
    assert "Camille Martin a demandé des modifications le" in text
    assert "Merci d'ajouter une étape de restitution. Et la durée de préparation." in text

    # The same, at the top of the edit page.
    edit = text_of(client.get(f"/admin/pages/{page.pk}/edit/"))
    when = timezone.localtime(WorkflowState.objects.for_instance(page).get().current_task_state.finished_at)
    assert f"Camille Martin a demandé des modifications le {when.day} {MONTHS[when.month - 1]} {when.year}" in edit
    assert f"à {when:%H:%M}. Son commentaire : « Merci d'ajouter une étape de restitution." in edit


def test_communicator_sees_the_review_queue_oldest_first_with_public_proposals(client, world):
    older = MethodPageFactory(parent=world.method_index, title="Méthode ancienne", live=False, owner=world.editor_a)
    older.save_revision(user=world.editor_a)
    submit_for_review(older, world.editor_a)
    proposed = MethodPageFactory(parent=world.method_index, title="Méthode du public", live=False)
    proposed.save_revision()
    proposal = MethodProposal.objects.create(
        page=proposed, contact_email="agent@example.org", consented_at=timezone.now()
    )
    submit_for_review(proposed, None)

    client.force_login(world.communicator)
    response = client.get("/admin/")
    text = text_of(response)
    assert text.index("Méthode ancienne") < text.index("Méthode du public")
    assert "envoyée par alice@lab-alpha.example.org" in text
    assert "proposée par le public : agent@example.org" in text
    links = links_of(response)
    assert "mailto:agent@example.org" in links
    assert f"/admin/method_proposals/inspect/{proposal.pk}/" in links
    assert "Publiées récemment" in text
    assert "Carte d'empathie" in text


def test_method_form_explains_every_field_in_french(client, world):
    client.force_login(world.editor_a)
    text = text_of(client.get(f"/admin/pages/add/methods/methodpage/{world.method_index.pk}/"))
    for help_text in (
        "Ce que la méthode apporte à une équipe",
        "Le moment d’un projet où elle convient",
        "L’étape d’un projet où elle sert le plus",
        "Le temps passé avec les participants, hors préparation",
        "Qui peut l’animer : tout le monde",
        "Une étape par action, dans l’ordre",
        "Ce qui peut mal tourner",
        "Votre lab : la fiche apparaît sur sa page",
        "CC BY-SA permet aux autres labs",
    ):
        assert help_text in text, help_text


def test_public_proposal_is_linked_both_ways_with_its_draft_in_paris_time(client, world):
    page = MethodPageFactory(parent=world.method_index, title="Méthode proposée", live=False)
    page.save_revision()
    sent = datetime.datetime(2026, 7, 1, 8, 30, tzinfo=datetime.UTC)
    proposal = MethodProposal.objects.create(page=page, contact_email="agent@example.org", consented_at=sent)
    MethodProposal.objects.filter(pk=proposal.pk).update(submitted_at=sent)
    client.force_login(world.communicator)

    listing = client.get("/admin/method_proposals/")
    detail = client.get(f"/admin/method_proposals/inspect/{proposal.pk}/")
    for response in (listing, detail):
        assert f"/admin/pages/{page.pk}/edit/" in links_of(response)
        assert "mailto:agent@example.org" in links_of(response)
        assert "1 juillet 2026, 10:30" in text_of(response)  # 8:30 UTC is 10:30 in Paris in summer
    assert "une personne du public, par le formulaire public" in text_of(detail)

    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert "Proposée par une personne du public : agent@example.org" in text_of(edit)
    assert f"/admin/method_proposals/inspect/{proposal.pk}/" in links_of(edit)


def message_in(response):
    """The message field's text as the browser shows it (without the newline after <textarea>)."""
    textarea = BeautifulSoup(response.content, "html.parser").find("textarea", attrs={"name": "message"})
    return textarea.text.removeprefix("\n")


def to_proposer(mailoutbox):
    """The e-mails sent to the proposer (the communicators are also told of the draft's review)."""
    return [mail for mail in mailoutbox if mail.to == ["agent@example.org"]]


def proposed_method(world, title="Méthode proposée"):
    page = MethodPageFactory(parent=world.method_index, title=title, live=False)
    page.save_revision()
    proposal = MethodProposal.objects.create(page=page, contact_email="agent@example.org", consented_at=timezone.now())
    page.get_workflow().start(page, None)
    return proposal


def test_communicator_accepts_a_proposal_with_a_message_the_proposer_receives(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = proposed_method(world)
    client.force_login(world.communicator)
    detail = client.get(f"/admin/method_proposals/inspect/{proposal.pk}/")
    assert "En attente d’une décision" in text_of(detail)
    accept_url = f"/admin/method_proposals/decide/{proposal.pk}/accepted/"
    assert accept_url in links_of(detail)

    form = client.get(accept_url)
    text = text_of(form)
    assert "Accepter la proposition" in text
    message = message_in(form)
    assert message.startswith("Bonjour,")
    assert "« Méthode proposée »" in message and "Nous l’acceptons avec plaisir" in message
    assert message.rstrip().endswith("camille@example.org, pour le réseau Entrelabs")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(accept_url, {"message": message + "\nÀ bientôt !"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/method_proposals/inspect/{proposal.pk}/"
    [mail] = to_proposer(mailoutbox)
    assert mail.subject == "Votre proposition de méthode « Méthode proposée » est acceptée"
    assert mail.body == message + "\nÀ bientôt !"

    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("accepted", world.communicator)
    when = timezone.localtime(proposal.decided_at)
    detail = text_of(client.get(response["Location"]))
    decided = f"{when.day} {MONTHS[when.month - 1]} {when.year}, {when:%H:%M}"
    assert f"Acceptée le {decided} par camille@example.org" in detail
    assert "le message a été envoyé à agent@example.org" in detail
    assert "À bientôt !" in detail
    assert accept_url not in links_of(client.get(response["Location"]))
    assert "Acceptée le" in text_of(client.get("/admin/method_proposals/"))
    # The accepted draft stays in review, for the communicators to finish and publish.
    assert proposal.page.current_workflow_state is not None

    # Answered once: a second decision is refused with the state in words, and nothing is sent.
    again = client.post(f"/admin/method_proposals/decide/{proposal.pk}/declined/", {"message": "Non"}, follow=True)
    assert "Cette proposition a déjà reçu une réponse : Acceptée le" in text_of(again)
    assert len(to_proposer(mailoutbox)) == 1


def test_communicator_declines_a_proposal_which_leaves_the_review_queue(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = proposed_method(world, "Méthode hors sujet")
    client.force_login(world.communicator)
    decline_url = f"/admin/method_proposals/decide/{proposal.pk}/declined/"
    form = client.get(decline_url)
    message = message_in(form)
    assert "« Méthode hors sujet »" in message and "nous ne la publierons pas" in message

    empty = client.post(decline_url, {"message": "  "})
    assert empty.status_code == 200
    assert "Écrivez le message que recevra la personne." in text_of(empty)
    assert to_proposer(mailoutbox) == []

    with django_capture_on_commit_callbacks(execute=True):
        client.post(decline_url, {"message": "Bonjour,\nMerci, mais elle existe déjà sur le portail."})
    [mail] = to_proposer(mailoutbox)
    assert mail.subject == "Votre proposition de méthode « Méthode hors sujet »"
    proposal.refresh_from_db()
    assert proposal.status == "declined"
    assert proposal.page.current_workflow_state is None
    assert "Méthode hors sujet" not in text_of(client.get("/admin/"))
    assert "Déclinée le" in text_of(client.get(f"/admin/method_proposals/inspect/{proposal.pk}/"))


@pytest.mark.parametrize("who", ["editor_a", "reviewer"])
def test_only_communicators_decide_on_proposals(client, world, who, mailoutbox):
    proposal = proposed_method(world)
    client.force_login(getattr(world, who))
    response = client.post(f"/admin/method_proposals/decide/{proposal.pk}/accepted/", {"message": "Oui"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    proposal.refresh_from_db()
    assert proposal.status == "pending" and to_proposer(mailoutbox) == []
