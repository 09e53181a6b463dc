"""The admin dashboard per role, and the reviewer's comment where the editor works."""

import datetime

from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import WorkflowState

from methods.models import MethodProposal
from tests.editorial import text_of
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
