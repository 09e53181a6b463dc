"""The admin paths an editor and a communicator take read as French: no English word seen in use,
no "un(e)", no workflow jargon."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState

from methods.models import MethodProposal
from tests.editorial import build_world, world_as_ids, world_from_ids
from tests.factories import MethodPageFactory

# Seen on these pages before the project's catalogue overrode Wagtail's: English words, broken
# French and jargon an editor does not use.
FORBIDDEN = [
    "Password",
    "Sign in",
    "seconds ago",
    "minutes ago",
    "STATUS",
    "Status",
    "Workflow",
    "workflow",
    "un(e)",
    "Page simples",
    "nouvel élément",
    "Soumettre à",
    "Resoumettre",
    "rejet",
    "Draft",
    "Live",
    "Submit",
    "Cancel",
]


@pytest.fixture(scope="module")
def world_ids(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield world_as_ids(build_world())
        transaction.set_rollback(True)


@pytest.fixture
def world(db, world_ids):
    return world_from_ids(world_ids)


def visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "svg"]):
        element.decompose()
    words = [soup.get_text(" ")]
    for attribute in ("title", "aria-label", "placeholder", "data-w-tooltip-content-value"):
        words += [element[attribute] for element in soup.find_all(attrs={attribute: True})]
    words += [button["value"] for button in soup.find_all("input", type=["submit", "button"], value=True)]
    return " ".join(" ".join(words).split())


def leaks_in(text):
    """Each forbidden word found, with the words around it (to find the string to override)."""
    return [
        text[max(0, match.start() - 50) : match.end() + 30]
        for word in FORBIDDEN
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    ]


def leaks_on(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.json()["html"] if response["Content-Type"].startswith("application/json") else response.content
    return [f"{url}: …{leak}…" for leak in leaks_in(visible_text(html))]


def test_login_page_reads_as_french_and_says_the_login_is_the_email(client, db):
    assert leaks_on(client, "/admin/login/") == []
    text = visible_text(client.get("/admin/login/").content)
    assert "Votre adresse e-mail *" in text
    assert "Mot de passe *" in text
    assert "Se connecter" in text


def test_editor_path_reads_as_french(client, world):
    page = MethodPageFactory(parent=world.method_index, title="Le porteur de parole", live=False, owner=world.editor_a)
    page.save_revision(user=world.editor_a)
    client.force_login(world.editor_a)
    leaks = []
    for url in (
        "/admin/",
        f"/admin/pages/{world.method_index.pk}/",
        f"/admin/pages/add/methods/methodpage/{world.method_index.pk}/",
        f"/admin/pages/{page.pk}/edit/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
    ):
        leaks += leaks_on(client, url)

    page.get_workflow().start(page, world.editor_a)
    task_state = WorkflowState.objects.for_instance(page).get().current_task_state
    leaks += leaks_on(client, f"/admin/pages/{page.pk}/edit/") + leaks_on(client, "/admin/")

    task_state.reject(user=world.communicator, comment="Merci d'ajouter une étape.")
    for url in ("/admin/", f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/history/"):
        leaks += leaks_on(client, url)
    assert leaks == [], "\n".join(leaks)


def test_communicator_path_reads_as_french(client, world):
    page = MethodPageFactory(parent=world.method_index, title="Méthode du public", live=False)
    page.save_revision()
    proposal = MethodProposal.objects.create(page=page, contact_email="agent@example.org", consented_at=timezone.now())
    page.get_workflow().start(page, None)
    task_state = WorkflowState.objects.for_instance(page).get().current_task_state
    client.force_login(world.communicator)
    leaks = []
    for url in (
        "/admin/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        f"/admin/pages/{page.pk}/history/",
        "/admin/method_proposals/",
        f"/admin/method_proposals/inspect/{proposal.pk}/",
        f"/admin/method_proposals/decide/{proposal.pk}/accepted/",
        f"/admin/method_proposals/decide/{proposal.pk}/declined/",
        "/admin/documents/",
        # Where page types are named in the plural ("Pages simples", not "Page simples").
        f"/admin/pages/{world.home.pk}/",
        f"/admin/pages/{world.home.pk}/add_subpage/",
        "/admin/reports/page-types-usage/",
        "/admin/pages/usage/home/standardpage/",
    ):
        leaks += leaks_on(client, url)
    assert leaks == [], "\n".join(leaks)
