"""What a visitor may see: every list of linked pages goes through ``public_live()`` (or its
in-memory twin ``visible_page_ids``), so a page under a view restriction is named nowhere public."""

import datetime

import pytest
from wagtail.models import Page, PageViewRestriction

from home.models import PortalPageQuerySet, public_pages
from tests import factories as f

SECRET_METHOD = "Méthode confidentielle Zorglub"
SECRET_LAB = "Lab confidentiel Kryptos"


@pytest.fixture
def tree(home_page):
    labs = f.LabIndexPageFactory(parent=home_page)
    methods = f.MethodIndexPageFactory(parent=home_page)
    return {
        "home": home_page,
        "labs": labs,
        "lab": f.LabPageFactory(parent=labs, title="Lab public"),
        "methods": methods,
        "curricula": f.CurriculumIndexPageFactory(parent=home_page),
        "manifestos": f.ManifestoIndexPageFactory(parent=home_page),
        "reports": f.SessionReportIndexPageFactory(parent=home_page),
    }


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_public_live_is_wagtails_public(tree):
    """``public_live()`` reads the restricted sections from the cache; it must select exactly
    what Wagtail's ``live().public()`` selects (this fails if Wagtail's rule changes)."""
    restricted_lab = f.LabPageFactory(parent=tree["labs"])
    f.ProjectPageFactory(parent=restricted_lab)
    restrict(restricted_lab)
    restrict(f.MethodPageFactory(parent=tree["methods"]))
    f.MethodPageFactory(parent=tree["methods"], live=False)
    f.ProjectPageFactory(parent=tree["lab"])

    def ids(queryset):
        return set(queryset.values_list("pk", flat=True))

    assert ids(public_pages()) == ids(Page.objects.live().public())
    assert ids(PortalPageQuerySet(Page).public_live()) == ids(Page.objects.live().public())
    restrict(tree["lab"])  # a new restriction is seen at once (the cached sections are cleared)
    assert ids(public_pages()) == ids(Page.objects.live().public())
    PageViewRestriction.objects.all().delete()
    assert ids(public_pages()) == ids(Page.objects.live())


def test_a_restricted_page_is_named_on_no_public_page_search_or_sitemap(client, tree):
    secret_method = f.MethodPageFactory(parent=tree["methods"], title=SECRET_METHOD, slug="zorglub")
    secret_lab = f.LabPageFactory(parent=tree["labs"], title=SECRET_LAB, slug="kryptos")
    restrict(secret_method)
    restrict(secret_lab)

    method = f.MethodPageFactory(parent=tree["methods"], title="Méthode publique", author_lab=secret_lab)
    f.RelatedMethodFactory(page=method, related_method=secret_method)
    project = f.ProjectPageFactory(parent=tree["lab"], title="Projet public")
    f.ProjectMethodFactory(project=project, method=secret_method)
    f.HomePageFeaturedMethodFactory(page=tree["home"], method=secret_method)
    curriculum = f.CurriculumPageFactory(
        parent=tree["curricula"], modules=[f.curriculum_module("Module", 2, methods=[secret_method, method])]
    )
    manifesto = f.ManifestoPageFactory(parent=tree["manifestos"])
    f.ManifestoSignatoryFactory(manifesto=manifesto, lab=secret_lab)
    report = f.SessionReportPageFactory(
        parent=tree["reports"],
        number=1,
        date=datetime.date(2015, 4, 13),
        roadmap=[f.roadmap_action("Action publique", owner_labs=[secret_lab, tree["lab"]])],
    )
    f.SessionParticipantFactory(report=report, name="Participante", organisation="", lab=secret_lab)

    public = [tree["home"], tree["labs"], tree["lab"], tree["methods"], method, project, curriculum, manifesto, report]
    for page in public:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert SECRET_METHOD not in html and SECRET_LAB not in html, page.url
        assert "/zorglub/" not in html and "/kryptos/" not in html, page.url
    # The public lists still show what is public, so the checks above are not vacuous.
    assert "Méthode publique" in client.get(curriculum.url).content.decode()
    assert "Lab public" in client.get(report.url).content.decode()

    for url in ("/recherche/?q=Zorglub", "/recherche/?q=Kryptos", "/recherche/autocomplete/?q=Zorg"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert SECRET_METHOD not in html and SECRET_LAB not in html and "/zorglub/" not in html, url
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "zorglub" not in sitemap and "kryptos" not in sitemap and "/methodes/" in sitemap
