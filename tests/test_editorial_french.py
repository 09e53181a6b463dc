"""The admin paths an editor and a communicator take read as French: no English word seen in use,
no "un(e)", no workflow jargon."""

import re

from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import WorkflowState

from methods.models import MethodProposal
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


def leaks_on_each(client, urls):
    return [leak for url in urls for leak in leaks_on(client, url)]


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
    leaks = leaks_on_each(
        client,
        [
            "/admin/",
            f"/admin/pages/{world.method_index.pk}/",
            f"/admin/pages/add/methods/methodpage/{world.method_index.pk}/",
            f"/admin/pages/{page.pk}/edit/",
            "/admin/documents/",
            "/admin/documents/multiple/add/",
        ],
    )

    page.get_workflow().start(page, world.editor_a)
    task_state = WorkflowState.objects.for_instance(page).get().current_task_state
    leaks += leaks_on_each(client, [f"/admin/pages/{page.pk}/edit/", "/admin/"])

    task_state.reject(user=world.communicator, comment="Merci d'ajouter une étape.")
    leaks += leaks_on_each(client, ["/admin/", f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/history/"])
    assert leaks == [], "\n".join(leaks)


def test_communicator_path_reads_as_french(client, world):
    page = MethodPageFactory(parent=world.method_index, title="Méthode du public", live=False)
    page.save_revision()
    proposal = MethodProposal.objects.create(page=page, contact_email="agent@example.org", consented_at=timezone.now())
    page.get_workflow().start(page, None)
    task_state = WorkflowState.objects.for_instance(page).get().current_task_state
    client.force_login(world.communicator)
    leaks = leaks_on_each(
        client,
        [
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
        ],
    )
    assert leaks == [], "\n".join(leaks)
