"""Editorial workflows: roles from a fresh migrate, the review path, locking, scheduling,
and the ``add_partner_lab`` command."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Workflow,
    WorkflowPage,
    WorkflowState,
)

from editorial.partners import COMMUNICATORS, REVIEWERS, STRICT_WORKFLOW, WORKFLOW, setup_editorial_structure
from labs.models import LabPage
from methods.models import MethodPage
from tests.editorial import form_data
from tests.factories import ManifestoPageFactory, SessionReportPageFactory

# Roles and workflows exist from a fresh migrate ----------------------------------------------


def test_migration_creates_the_roles_and_workflows(db):
    communicators = Group.objects.get(name=COMMUNICATORS)
    reviewers = Group.objects.get(name=REVIEWERS)
    assert communicators.permissions.filter(codename="access_admin").exists()
    assert reviewers.permissions.filter(codename="access_admin").exists()
    assert communicators.permissions.filter(codename="change_theme").exists()
    root = Page.get_first_root_node()
    assert set(
        GroupPagePermission.objects.filter(group=communicators, page=root).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert GroupCollectionPermission.objects.filter(
        group=communicators, collection=Collection.get_first_root_node(), permission__codename="add_document"
    ).exists()

    # "Relecture" replaces Wagtail's default "Moderators approval" on the whole site.
    assert WorkflowPage.objects.get(page=root).workflow.name == WORKFLOW
    review = Workflow.objects.get(name=WORKFLOW)
    assert [task.specific.groups.get().name for task in review.tasks] == [COMMUNICATORS]
    strict = Workflow.objects.get(name=STRICT_WORKFLOW)
    assert [task.specific.groups.get().name for task in strict.tasks] == [REVIEWERS, COMMUNICATORS]
    # Existing groups are kept.
    assert Group.objects.filter(name__in=["Moderators", "Editors"]).count() == 2


def test_manifesto_and_report_indexes_get_the_strict_workflow(world):
    assert world.manifesto_index.get_workflow().name == STRICT_WORKFLOW
    assert world.report_index.get_workflow().name == STRICT_WORKFLOW
    assert world.method_index.get_workflow().name == WORKFLOW
    assert world.lab_a.get_workflow().name == WORKFLOW


def test_setup_editorial_structure_is_idempotent(world):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Collection.objects.count())
    setup_editorial_structure()
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Collection.objects.count()) == counts


# The full review path ------------------------------------------------------------------------


def submit(client, url, data):
    data["action-submit"] = "action-submit"
    return client.post(url, data)


def current_task_state(page):
    return WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS).current_task_state


def test_editor_submits_communicator_rejects_then_approves(client, world):
    mail.outbox.clear()
    communicator = world.communicator
    client.force_login(world.editor_a)

    # The editor creates a method in the method index and submits it for review.
    add_url = f"/admin/pages/add/methods/methodpage/{world.method_index.pk}/"
    data = form_data(client.get(add_url).content, "page-edit-form")
    data.update(
        title="Le porteur de parole",
        slug="porteur-de-parole",
        summary="Aller au-devant des habitants.",
        phase="discover",
        duration="hours",
    )
    response = submit(client, add_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = MethodPage.objects.get(slug="porteur-de-parole")
    assert not page.live
    assert page.owner == world.editor_a
    task_state = current_task_state(page)
    assert task_state.task.name == "Validation par les communicants"

    # Communicators are told by email, and see it on their dashboard.
    assert any(communicator.email in message.to for message in mail.outbox)
    client.force_login(communicator)
    assert "Le porteur de parole" in client.get("/admin/").content.decode()

    # While in review the page is locked for the editor: their edit is refused.
    client.force_login(world.editor_a)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    locked = form_data(client.get(edit_url).content, "page-edit-form")
    locked["title"] = "Titre changé pendant la relecture"
    client.post(edit_url, locked)
    assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Le porteur de parole"

    # The communicator requests changes, with a comment.
    client.force_login(communicator)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
        {"comment": "Merci d'ajouter les étapes et les points juridiques."},
    )
    assert response.status_code in (200, 302)
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not Page.objects.get(pk=page.pk).live

    # The editor sees the comment, and nothing they saved is lost.
    client.force_login(world.editor_a)
    edit_page = client.get(edit_url).content.decode()
    assert "Merci d&#x27;ajouter les étapes" in edit_page or "Merci d'ajouter les étapes" in edit_page
    assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().summary == "Aller au-devant des habitants."

    # The editor edits and resubmits.
    data = form_data(edit_page.encode(), "page-edit-form")
    data["summary"] = "Aller au-devant des habitants, sur le marché, avec une question affichée."
    data["action-restart-workflow"] = "action-restart-workflow"
    response = client.post(edit_url, data)
    assert response.status_code == 302
    task_state = current_task_state(page)
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() >= 2

    # The communicator approves: the page is live and in the method index.
    client.force_login(communicator)
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    page = MethodPage.objects.get(pk=page.pk)
    assert page.live
    assert page.summary.startswith("Aller au-devant des habitants, sur le marché")
    client.logout()
    assert "Le porteur de parole" in client.get(world.method_index.url).content.decode()
    assert client.get(page.url).status_code == 200


def test_approval_with_a_future_go_live_date_is_scheduled_then_published(client, world):
    page = world.project_a
    page.summary = "Nouvelle version, à publier plus tard."
    page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    revision = page.save_revision(user=world.editor_a)
    state = page.get_workflow().start(page, user=world.editor_a)

    client.force_login(world.communicator)
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/", {"comment": ""})
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    assert Page.objects.get(pk=page.pk).specific.summary != "Nouvelle version, à publier plus tard."

    # Nothing happens before the date; once it has passed, publish_scheduled (cron) publishes.
    call_command("publish_scheduled", stdout=io.StringIO())
    assert Page.objects.get(pk=page.pk).specific.summary != "Nouvelle version, à publier plus tard."
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", stdout=io.StringIO())
    assert Page.objects.get(pk=page.pk).specific.summary == "Nouvelle version, à publier plus tard."


def test_session_report_goes_through_reviewers_then_communicators(client, world):
    report = SessionReportPageFactory(parent=world.report_index, live=False)
    report.save_revision(user=world.communicator)
    state = report.get_workflow().start(report, user=world.communicator)
    assert state.current_task_state.task.name == "Relecture par les relecteurs"

    # A communicator cannot approve the reviewers' step; a reviewer can.
    client.force_login(world.communicator)
    client.post(f"/admin/pages/workflow/action/{report.pk}/approve/{state.current_task_state.pk}/", {"comment": ""})
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Relecture par les relecteurs"
    client.force_login(world.reviewer)
    client.post(f"/admin/pages/workflow/action/{report.pk}/approve/{state.current_task_state.pk}/", {"comment": ""})
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Validation par les communicants"
    assert not Page.objects.get(pk=report.pk).live

    client.force_login(world.communicator)
    client.post(f"/admin/pages/workflow/action/{report.pk}/approve/{state.current_task_state.pk}/", {"comment": ""})
    assert Page.objects.get(pk=report.pk).live


def test_manifesto_cannot_be_published_directly_by_a_reviewer(client, world):
    manifesto = ManifestoPageFactory(parent=world.manifesto_index, live=False)
    manifesto.save_revision(user=world.communicator)
    client.force_login(world.reviewer)
    response = client.post(f"/admin/pages/{manifesto.pk}/edit/", {"title": "x", "action-publish": "action-publish"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not Page.objects.get(pk=manifesto.pk).live


# add_partner_lab ---------------------------------------------------------------------------


def run_add_partner_lab(*args):
    out = io.StringIO()
    call_command("add_partner_lab", *args, stdout=out)
    return out.getvalue()


def snapshot():
    User = get_user_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collections": Collection.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "users": User.objects.count(),
        "memberships": User.groups.through.objects.count(),
    }


def test_add_partner_lab_creates_everything_once(client, world):
    output = run_add_partner_lab("La 27e Région", "--email", "Editrice@27eregion.example.org")
    lab = LabPage.objects.get(title="La 27e Région")
    assert not lab.live
    group = Group.objects.get(name="Éditeurs – La 27e Région")
    assert set(
        GroupPagePermission.objects.filter(group=group, page=lab).values_list("permission__codename", flat=True)
    ) == {
        "add_page",
        "change_page",
    }
    assert GroupPagePermission.objects.filter(
        group=group, page=world.method_index, permission__codename="add_page"
    ).exists()
    assert not GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").exists()
    collection = Collection.objects.get(name="La 27e Région")
    assert GroupCollectionPermission.objects.filter(group=group, collection=collection).count() == 6
    user = get_user_model().objects.get(email="editrice@27eregion.example.org")
    assert user.groups.filter(pk=group.pk).exists()
    assert not user.has_usable_password()

    # The printed link lets the editor choose a password, then log in to the admin.
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", output).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    client.post(form_url, {"new_password1": "Un-mot-de-passe-solide-42", "new_password2": "Un-mot-de-passe-solide-42"})
    user.refresh_from_db()
    assert user.has_usable_password()
    assert client.login(username=user.username, password="Un-mot-de-passe-solide-42")
    assert client.get(f"/admin/pages/{lab.pk}/edit/").status_code == 200

    # A second run changes nothing.
    before = snapshot()
    second = run_add_partner_lab("La 27e Région", "--email", "editrice@27eregion.example.org")
    assert snapshot() == before
    assert "already exists" in second


def test_add_partner_lab_for_an_existing_lab_reuses_its_group(world):
    before = snapshot()
    run_add_partner_lab("Lab Alpha")
    assert snapshot() == before


def test_add_partner_lab_rejects_bad_input(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        run_add_partner_lab("Lab", "--email", "pas-une-adresse")
    with pytest.raises(CommandError):
        run_add_partner_lab("   ")
