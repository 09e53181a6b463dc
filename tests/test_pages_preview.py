"""Editors preview pages before they exist: every page type renders in preview."""

import pytest
from wagtail.models import Page

from labs.models import LabPage, ManifestoPage, ProjectPage, SessionReportPage
from methods.models import CurriculumPage, MethodPage
from tests import factories as f


def unsaved_child(parent, model, **fields):
    """A page as Wagtail's "preview on create" builds it: in the tree's shape, not in the database."""
    page = model(title="Aperçu", slug="apercu", **fields)
    page.depth = parent.depth + 1
    page.path = Page._get_children_path_interval(parent.path)[1]
    return page


@pytest.mark.parametrize(
    ("parent_key", "model", "fields"),
    [
        ("labs", LabPage, {"host_organisation": "Ville", "organisation_kind": "city"}),
        ("lab", ProjectPage, {}),
        ("methods", MethodPage, {"phase": "test", "duration": "hours"}),
        ("curricula", CurriculumPage, {}),
        ("manifestos", ManifestoPage, {}),
        ("reports", SessionReportPage, {"number": 2, "date": "2015-10-01"}),
    ],
)
def test_preview_of_a_new_page(home_page, parent_key, model, fields):
    labs = f.LabIndexPageFactory(parent=home_page)
    parents = {
        "labs": labs,
        "lab": f.LabPageFactory(parent=labs),
        "methods": f.MethodIndexPageFactory(parent=home_page),
        "curricula": f.CurriculumIndexPageFactory(parent=home_page),
        "manifestos": f.ManifestoIndexPageFactory(parent=home_page),
        "reports": f.SessionReportIndexPageFactory(parent=home_page),
    }
    page = unsaved_child(parents[parent_key], model, **fields)
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "<h1>Aperçu</h1>" in response.content.decode()
