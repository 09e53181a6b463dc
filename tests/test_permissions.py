"""The permission matrix of issue 5, through the real admin URLs.

Roles: a communicator, an editor of lab A ("Lab Alpha"), a reviewer. Places: lab A, lab B,
the method index, the home page. Each case asserts what happened (state in the database),
the answer (a redirect to the admin home or a 403 when denied), and that lab B's
unpublished content (marked SECRET-B) appears nowhere in what a non-communicator receives.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Page

from tests.editorial import SECRET, form_data
from tests.factories import MethodPageFactory

ROLES = ("communicator", "editor_a", "reviewer")
PLACES = ("own_lab", "other_lab", "method_index", "home")
ACTIONS = ("view", "edit", "add_child", "publish", "unpublish", "delete", "move")

# place -> (page whose admin listing is viewed and under which a child is added,
#           page edited/published/unpublished/deleted/moved, type of the child added)
PLACE_PAGES = {
    "own_lab": ("lab_a", "project_a", "labs/projectpage"),
    "other_lab": ("lab_b", "project_b", "labs/projectpage"),
    "method_index": ("method_index", "method", "methods/methodpage"),
    "home": ("home", "home", "home/standardpage"),
}

ALLOWED = {
    # Communicators edit and publish anything; deleting a page with children needs bulk delete.
    "communicator": {(action, place) for action in ACTIONS for place in PLACES} - {("delete", "home")},
    # Partner editors: their lab and what they author in the indexes; never publish.
    "editor_a": {
        ("view", "own_lab"),
        ("edit", "own_lab"),
        ("add_child", "own_lab"),
        ("view", "method_index"),
        ("add_child", "method_index"),
        ("view", "home"),
    },
    # Reviewers only act through the workflow tasks.
    "reviewer": set(),
}


def denied(response):
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def latest_title(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object().title


def post_edit(client, page, publish=False):
    url = f"/admin/pages/{page.pk}/edit/"
    response = client.get(url)
    data = form_data(response.content, "page-edit-form") if response.status_code == 200 else {}
    data["title"] = f"{page.title} (modifié)"
    if publish:
        data["action-publish"] = "action-publish"
    return [response, client.post(url, data)]


def do_view(client, w, parent, target, child_type):
    response = client.get(f"/admin/pages/{parent.pk}/")
    return [response], response.status_code == 200


def do_edit(client, w, parent, target, child_type):
    responses = post_edit(client, target)
    return responses, latest_title(target) == f"{target.title} (modifié)"


def do_publish(client, w, parent, target, child_type):
    responses = post_edit(client, target, publish=True)
    return responses, Page.objects.get(pk=target.pk).title == f"{target.title} (modifié)"


def do_add_child(client, w, parent, target, child_type):
    url = f"/admin/pages/add/{child_type}/{parent.pk}/"
    response = client.get(url)
    data = form_data(response.content, "page-edit-form") if response.status_code == 200 else {}
    data.update(title="Nouvelle page", slug="nouvelle-page")
    responses = [response, client.post(url, data)]
    return responses, Page.objects.child_of(parent).filter(title="Nouvelle page").exists()


def do_unpublish(client, w, parent, target, child_type):
    response = client.post(f"/admin/pages/{target.pk}/unpublish/")
    return [response], not Page.objects.get(pk=target.pk).live


def do_delete(client, w, parent, target, child_type):
    response = client.post(f"/admin/pages/{target.pk}/delete/")
    return [response], not Page.objects.filter(pk=target.pk).exists()


def do_move(client, w, parent, target, child_type):
    # The "choose a destination" step answers only to whoever may move the page.
    response = client.get(f"/admin/pages/{target.pk}/move/")
    return [response], response.status_code == 200


ACTION_VIEWS = {
    "view": do_view,
    "edit": do_edit,
    "add_child": do_add_child,
    "publish": do_publish,
    "unpublish": do_unpublish,
    "delete": do_delete,
    "move": do_move,
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_page_permission_matrix(client, world, role, action, place):
    user = getattr(world, role)
    parent_name, target_name, child_type = PLACE_PAGES[place]
    parent, target = getattr(world, parent_name), getattr(world, target_name)
    client.force_login(user)

    responses, took_effect = ACTION_VIEWS[action](client, world, parent, target, child_type)

    expected = (action, place) in ALLOWED[role]
    assert took_effect == expected, f"{role} {action} {place}: expected {'allowed' if expected else 'denied'}"
    assert all(response.status_code < 500 for response in responses)
    if role == "editor_a" and (action, place) == ("publish", "own_lab"):
        # "Publish" from a partner editor saves a draft (kept for review), never publishes.
        assert latest_title(target) == f"{target.title} (modifié)"
    elif not expected:
        # A forbidden action is answered by a redirect to the admin home or a 403.
        assert denied(responses[-1]), (responses[-1].status_code, responses[-1].get("Location"))
    if role != "communicator":
        for response in responses:
            assert SECRET not in response.content.decode()


def test_editor_cannot_move_own_draft_into_another_lab(client, world):
    draft = world.lab_a.add_child(
        instance=type(world.project_a)(title="Brouillon Alpha", owner=world.editor_a, live=False)
    )
    client.force_login(world.editor_a)
    response = client.post(f"/admin/pages/{draft.pk}/move/{world.lab_b.pk}/confirm/")
    assert denied(response)
    assert Page.objects.get(pk=draft.pk).get_parent().pk == world.lab_a.pk


def test_editor_can_delete_own_draft_but_not_a_live_page(client, world):
    draft = world.lab_a.add_child(
        instance=type(world.project_a)(title="Brouillon Alpha", owner=world.editor_a, live=False)
    )
    client.force_login(world.editor_a)
    client.post(f"/admin/pages/{draft.pk}/delete/")
    assert not Page.objects.filter(pk=draft.pk).exists()
    assert denied(client.post(f"/admin/pages/{world.lab_a.pk}/delete/"))
    assert Page.objects.filter(pk=world.lab_a.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/{draft_project_b}/edit/",
        "/admin/pages/{draft_project_b}/history/",
        "/admin/pages/{draft_project_b}/revisions/",
        "/admin/pages/{draft_project_b}/view_draft/",
        "/admin/pages/{draft_project_b}/edit/preview/",
        "/admin/pages/{draft_project_b}/workflow_history/",
        "/admin/pages/{draft_project_b}/usage/",
        "/admin/pages/{draft_project_b}/copy/",
        "/admin/pages/{project_b}/",
        "/admin/pages/{project_b}/view_draft/",
        "/admin/pages/{project_b}/revisions/",
        "/admin/pages/{project_b}/revisions/compare/live...latest/",
        "/admin/pages/{lab_b}/edit/",
        "/admin/pages/{lab_b}/add_subpage/",
        "/admin/pages/add/labs/projectpage/{lab_b}/",
        "/admin/pages/{draft_method_b}/edit/",
        "/admin/pages/{draft_method_b}/view_draft/",
        "/admin/choose-page/{draft_project_b}/",
        "/admin/choose-page/chosen-multiple/?id={draft_method_b}",
        "/admin/bulk/wagtailcore/page/delete/?id={draft_method_b}",
        "/admin/bulk/wagtailcore/page/publish/?id={project_b}",
        "/admin/bulk/wagtailcore/page/unpublish/?id=all&childOf={lab_b}",
        "/admin/bulk/wagtailcore/page/move/?id=all&childOf={project_b}",
    ],
)
def test_editor_a_never_reaches_lab_b_drafts(client, world, url):
    client.force_login(world.editor_a)
    ids = {name: getattr(world, name).pk for name in ("draft_project_b", "project_b", "lab_b", "draft_method_b")}
    response = client.get(url.format(**ids))
    assert denied(response), (response.status_code, response.get("Location"))
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/{method_index}/",
        "/admin/pages/search/?q=brouillon",
        "/admin/pages/search/?q=M%C3%A9thode",
        "/admin/choose-page/",
        "/admin/choose-page/{method_index}/",
        "/admin/choose-page/{lab_b}/",
        "/admin/choose-page/search/?q=M%C3%A9thode",
        "/admin/choose-page/search/?q=Projet",
        "/admin/api/main/pages/?child_of={method_index}&for_explorer=1",
        "/admin/api/main/pages/?child_of={lab_b}",
        "/admin/api/main/pages/?search=Projet",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/pages/usage/methods/methodpage/",
        "/admin/pages/usage/labs/projectpage/",
        "/admin/",
    ],
)
def test_listings_hide_lab_b_drafts_from_editor_a(client, world, url):
    client.force_login(world.editor_a)
    response = client.get(url.format(method_index=world.method_index.pk, lab_b=world.lab_b.pk))
    assert response.status_code in (200, 302, 400, 403, 404)
    assert SECRET not in response.content.decode()


def test_admin_api_detail_of_a_lab_b_draft_is_not_found(client, world):
    client.force_login(world.editor_a)
    response = client.get(f"/admin/api/main/pages/{world.draft_method_b.pk}/")
    assert response.status_code == 404
    assert SECRET not in response.content.decode()


def test_chooser_shows_live_pages_and_own_drafts_only(client, world):
    own_draft = MethodPageFactory(
        parent=world.method_index, title="Méthode Alpha en cours", live=False, owner=world.editor_a
    )
    url = f"/admin/choose-page/{world.method_index.pk}/"

    client.force_login(world.editor_a)
    html = json.loads(client.get(url).content)["html"]
    assert "Carte d&#x27;empathie" in html or "Carte d'empathie" in html
    assert "Méthode Alpha en cours" in html
    assert SECRET not in html

    # The restriction is what hides it: a communicator sees every draft.
    client.force_login(world.communicator)
    html = json.loads(client.get(url).content)["html"]
    assert f"Méthode {SECRET}" in html
    assert own_draft.title in html


def test_chooser_hides_a_live_page_whose_draft_renames_it(client, world):
    world.project_b.title = f"Projet {SECRET} renommé"
    world.project_b.save_revision(user=world.editor_b)
    client.force_login(world.editor_a)
    html = json.loads(client.get(f"/admin/choose-page/{world.lab_b.pk}/").content)["html"]
    assert SECRET not in html
    client.force_login(world.editor_b)
    html = json.loads(client.get(f"/admin/choose-page/{world.lab_b.pk}/").content)["html"]
    assert f"Projet {SECRET} renommé" in html


def test_editor_sees_own_lab_drafts_in_explorer(client, world):
    client.force_login(world.editor_b)
    response = client.get(f"/admin/pages/{world.lab_b.pk}/")
    assert response.status_code == 200
    assert f"Projet {SECRET} brouillon" in response.content.decode()


# Documents: upload into a collection, choose another lab's document --------------------------

COLLECTIONS = ("own", "other", "root")
UPLOAD_ALLOWED = {
    "communicator": {"own", "other", "root"},
    "editor_a": {"own"},
    "reviewer": set(),
}


@pytest.mark.parametrize("collection", COLLECTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_document_upload_matrix(client, world, role, collection):
    from wagtail.models import Collection

    target = {"own": world.collection_a, "other": world.collection_b, "root": Collection.get_first_root_node()}[
        collection
    ]
    client.force_login(getattr(world, role))
    before = Document.objects.filter(collection=target).count()
    response = client.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("compte-rendu.txt", b"Compte rendu de l'atelier", content_type="text/plain"),
            "collection": target.pk,
        },
    )
    assert response.status_code < 500
    created = Document.objects.filter(collection=target).count() - before
    assert created == (1 if collection in UPLOAD_ALLOWED[role] else 0)


@pytest.mark.parametrize("role", ROLES)
def test_choosing_another_labs_document(client, world, role):
    client.force_login(getattr(world, role))
    listing = client.get("/admin/documents/chooser/")
    chosen = client.get(f"/admin/documents/chooser/chosen/{world.document_b.pk}/")
    if role == "communicator":
        assert f"Fiche {SECRET}" in listing.content.decode()
        assert chosen.status_code == 200
    else:
        assert SECRET not in listing.content.decode()
        assert chosen.status_code in (302, 403, 404)
        assert SECRET not in chosen.content.decode()
    if role == "editor_a":
        assert "Fiche Alpha" in listing.content.decode()


# Search promotions and the search queries report (issue 21) --------------------------------


def test_communicator_pins_a_promoted_result_and_reads_the_query_report(client, world):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    client.force_login(world.communicator)
    assert "/admin/searchpicks/" in client.get("/admin/").content.decode()
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200
    response = client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "empathie",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": world.method.pk,
            "editors_picks-0-description": "La méthode de référence",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )
    assert response.status_code == 302
    assert SearchPromotion.objects.get(query__query_string="empathie").page_id == world.method.pk
    assert client.get("/admin/reports/search-queries/").status_code == 200


@pytest.mark.parametrize("role", ["editor_a", "reviewer"])
def test_only_communicators_manage_promoted_results(client, world, role):
    client.force_login(getattr(world, role))
    assert denied(client.get("/admin/searchpicks/"))
    assert denied(client.get("/admin/reports/search-queries/"))
