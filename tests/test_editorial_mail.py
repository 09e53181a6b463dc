"""The review e-mails: plain, polite French naming the page, the reviewer and the comment, with a link."""

from django.core import mail
from wagtail.models import WorkflowState

from tests.factories import MethodPageFactory


def messages_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def in_progress(page):
    return WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS).current_task_state


def test_submission_rejection_and_approval_mails_read_as_french(client, world):
    world.communicator.first_name, world.communicator.last_name = "Camille", "Martin"
    world.communicator.save()
    page = MethodPageFactory(parent=world.method_index, title="Le porteur de parole", live=False, owner=world.editor_a)
    page.save_revision(user=world.editor_a)
    mail.outbox.clear()
    page.get_workflow().start(page, world.editor_a)

    (submitted,) = messages_to(world.communicator)
    assert submitted.subject == "« Le porteur de parole » attend votre relecture"
    assert submitted.body.startswith("Bonjour Camille,")
    assert "alice@lab-alpha.example.org a envoyé « Le porteur de parole » en relecture" in submitted.body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in submitted.body

    mail.outbox.clear()
    client.force_login(world.communicator)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{in_progress(page).pk}/",
        {"comment": "Merci d'ajouter la durée de préparation."},
    )
    assert response.status_code == 302
    (rejected,) = messages_to(world.editor_a)
    assert rejected.subject == "Modifications demandées sur « Le porteur de parole »"
    assert rejected.body.startswith("Bonjour alice@lab-alpha.example.org,")
    assert "Camille Martin a relu « Le porteur de parole » et vous demande des modifications" in rejected.body
    assert "Son commentaire :\nMerci d'ajouter la durée de préparation." in rejected.body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in rejected.body
    for wrong in ("Salut", "rejet", "workflow", "modération"):
        assert wrong not in rejected.body + rejected.subject

    page.current_workflow_state.resume(world.editor_a)
    mail.outbox.clear()
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{in_progress(page).pk}/", {"comment": ""})
    (approved,) = messages_to(world.editor_a)
    assert approved.subject == "« Le porteur de parole » est acceptée"
    assert "a été relue et acceptée par les communicants" in approved.body
    assert "Elle est publiée ici : http://" in approved.body
