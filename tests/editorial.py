"""A small editorial world for the workflow and permission tests: two partner labs, the
indexes, a communicator, a reviewer, and lab B's unpublished content marked SECRET-B."""

from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page
from wagtail_factories import DocumentFactory

from editorial.partners import COMMUNICATORS, REVIEWERS, ensure_editor_account, setup_editorial_structure
from home.models import HomePage
from tests.factories import (
    CurriculumIndexPageFactory,
    LabIndexPageFactory,
    LabPageFactory,
    ManifestoIndexPageFactory,
    MethodIndexPageFactory,
    MethodPageFactory,
    ProjectPageFactory,
    SessionReportIndexPageFactory,
)

SECRET = "SECRET-B"


@dataclass
class World:
    home: Page
    lab_index: Page
    lab_a: Page
    lab_b: Page
    project_a: Page
    project_b: Page
    draft_project_b: Page
    method_index: Page
    curriculum_index: Page
    method: Page
    draft_method_b: Page
    manifesto_index: Page
    report_index: Page
    communicator: object
    reviewer: object
    editor_a: object
    editor_b: object
    collection_a: Collection
    collection_b: Collection
    document_a: object
    document_b: object


def publish(page):
    page.save_revision().publish()
    return page


def make_user(username, group_name=None):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "password")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def build_world():
    home = HomePage.objects.first()
    lab_index = publish(LabIndexPageFactory(parent=home))
    lab_a = publish(LabPageFactory(parent=lab_index, title="Lab Alpha", slug="lab-alpha"))
    lab_b = publish(LabPageFactory(parent=lab_index, title="Lab Beta", slug="lab-beta"))
    project_a = publish(ProjectPageFactory(parent=lab_a, title="Projet Alpha"))
    project_b = publish(ProjectPageFactory(parent=lab_b, title="Projet Beta"))
    method_index = publish(MethodIndexPageFactory(parent=home))
    curriculum_index = publish(CurriculumIndexPageFactory(parent=home))
    method = publish(MethodPageFactory(parent=method_index, title="Carte d'empathie"))
    manifesto_index = publish(ManifestoIndexPageFactory(parent=home))
    report_index = publish(SessionReportIndexPageFactory(parent=home))

    partners = {setup.lab.pk: setup for setup in setup_editorial_structure()}
    editor_a, _ = ensure_editor_account(partners[lab_a.pk].group, "alice@lab-alpha.example.org")
    editor_b, _ = ensure_editor_account(partners[lab_b.pk].group, "bruno@lab-beta.example.org")
    for editor in (editor_a, editor_b):
        editor.set_password("password")
        editor.save()

    # Lab B's unpublished work: a draft project, a draft method, and pending drafts on live pages.
    draft_project_b = ProjectPageFactory(parent=lab_b, title=f"Projet {SECRET} brouillon", live=False, owner=editor_b)
    draft_project_b.save_revision(user=editor_b)
    draft_method_b = MethodPageFactory(parent=method_index, title=f"Méthode {SECRET}", live=False, owner=editor_b)
    draft_method_b.save_revision(user=editor_b)
    for page in (lab_b, project_b):
        page.summary = f"Résumé {SECRET} en cours"
        page.save_revision(user=editor_b)

    document_a = DocumentFactory(title="Fiche Alpha", collection=partners[lab_a.pk].collection)
    document_b = DocumentFactory(title=f"Fiche {SECRET}", collection=partners[lab_b.pk].collection)

    return World(
        home=home,
        lab_index=lab_index,
        lab_a=lab_a,
        lab_b=lab_b,
        project_a=project_a,
        project_b=project_b,
        draft_project_b=draft_project_b,
        method_index=method_index,
        curriculum_index=curriculum_index,
        method=method,
        draft_method_b=draft_method_b,
        manifesto_index=manifesto_index,
        report_index=report_index,
        communicator=make_user("camille", COMMUNICATORS),
        reviewer=make_user("remi", REVIEWERS),
        editor_a=editor_a,
        editor_b=editor_b,
        collection_a=partners[lab_a.pk].collection,
        collection_b=partners[lab_b.pk].collection,
        document_a=document_a,
        document_b=document_b,
    )


def form_data(html, form_id):
    """The data a browser would post from the form, with its current values (StreamFields left empty)."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    data = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or "__prefix__" in name or name == "csrfmiddlewaretoken":
            continue
        if element.name == "textarea":
            data[name] = element.string or ""
        elif element.name == "select":
            selected = element.find("option", selected=True)
            if selected is None or (not selected.get("value") and element.has_attr("required")):
                selected = element.find("option", value=lambda v: bool(v))
            data[name] = selected.get("value", "") if selected else ""
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data[name] = element.get("value", "on")
        elif element.get("type") not in ("submit", "button", "file"):
            data[name] = element.get("value", "")
    for block in form.find_all(attrs={"data-controller": "w-block"}):
        data[f"{block['id']}-count"] = "0"
    return data


def world_as_ids(world):
    return {name: (type(value), value.pk) for name, value in vars(world).items()}


def world_from_ids(ids):
    """Fresh instances from the database, so that no test sees another test's objects."""
    values = {}
    for name, (model, pk) in ids.items():
        values[name] = model._default_manager.get(pk=pk)
    return World(**values)


def text_of(response):
    """The visible text of a 200 answer, spaces folded."""
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
