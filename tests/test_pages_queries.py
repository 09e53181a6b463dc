"""Each page type renders in at most 14 SQL queries (16 under /en/), however many children, tags,
team members, actions or signatories it shows: rendered with a few, then with many, the count is the
same. Every test runs on the French pages and on their English translations (under /en/). The
counts are those of a page rendered whole: the page fragments are off in the tests
(PAGE_FRAGMENT_SECONDS=0; tests/test_page_fragments.py shows what they spare)."""

import pytest
import wagtail_factories
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests import factories as f
from tests.translations import translate

# 12 until the architecture step of stop 11: Wagtail's own routing (two queries per level of the
# tree: the page, then its specific type) and view-restriction check (two) replaced rewrites of
# ``Page.route()`` and ``get_view_restrictions()``; the lab, project and method pages moved from 12
# to 13 or 14. The anonymous page cache is the lever that serves them with none (README, Performance).
MAX_QUERIES = 14
# Under /en/ the routing starts from the English home page (portal/i18n.py), read by its id, and
# the page's links in the reader's language: two queries more at most, the same for every page.
ENGLISH_ROUTING_QUERIES = 2


def render_count(client, url):
    """The number of queries of a page view, measured on a second view (the first one fills the
    navigation cache and generates image renditions, as the first visitor after a change does)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def max_queries(url):
    return MAX_QUERIES + (ENGLISH_ROUTING_QUERIES if url.startswith("/en/") else 0)


def assert_bounded(client, url, grow):
    few = render_count(client, url)
    grow()
    many = render_count(client, url)
    assert few == many, f"{url}: {few} queries with few items, {many} with many"
    assert many <= max_queries(url), f"{url}: {many} queries"


def assert_bounded_from_3_to_30(client, url, add):
    """``add(count, start)`` gives the page ``count`` more of each thing it shows, numbered from ``start``."""
    add(3, 0)
    assert_bounded(client, url, lambda: add(27, 3))


@pytest.fixture(params=["fr", "en"])
def tree(request, home_page):
    """The indexes under the home page, one page of each type, and three themes; in English, the
    pages' translations (pages the tests add under them are English pages too). ``prefix``: the
    language's URL prefix."""
    labs = f.LabIndexPageFactory(parent=home_page)
    methods = f.MethodIndexPageFactory(parent=home_page)
    pages = {
        "home": home_page,
        "labs": labs,
        "lab": f.LabPageFactory(parent=labs, logo=wagtail_factories.ImageFactory()),
        "methods": methods,
        "method": f.MethodPageFactory(parent=methods),
        "curricula": f.CurriculumIndexPageFactory(parent=home_page),
        "manifestos": f.ManifestoIndexPageFactory(parent=home_page),
        "reports": f.SessionReportIndexPageFactory(parent=home_page),
        "themes": [f.ThemeFactory() for _ in range(3)],
        "about": f.StandardPageFactory(parent=home_page, slug="a-propos", title="À propos"),
    }
    if request.param == "en":
        pages = {key: translate(value) if key != "themes" else value for key, value in pages.items()}
    return {**pages, "prefix": "" if request.param == "fr" else "/en"}


def add_taxonomy(page, count, start=0):
    themes = [f.ThemeFactory(slug=f"t-{start + n}", name=f"Thème compté {start + n}") for n in range(count)]
    page.themes.add(*themes)
    page.tags.add(*[f"mot-{start + n}" for n in range(count)])
    page.save()


def test_home_page(client, tree):
    def add(count, start):
        for n in range(count):
            method = f.MethodPageFactory(parent=tree["methods"], listing_image=wagtail_factories.ImageFactory())
            if start + n < 6:
                f.HomePageFeaturedMethodFactory(page=tree["home"], method=method)
            f.LabPageFactory(parent=tree["labs"])
            f.SessionReportPageFactory(parent=tree["reports"])
            f.ThemeFactory()

    assert_bounded_from_3_to_30(client, tree["home"].url, add)


@pytest.mark.parametrize("index", ["labs", "methods", "curricula", "manifestos", "reports"])
def test_index_pages(client, tree, index):
    child_factory = {
        "labs": f.LabPageFactory,
        "methods": f.MethodPageFactory,
        "curricula": f.CurriculumPageFactory,
        "manifestos": f.ManifestoPageFactory,
        "reports": f.SessionReportPageFactory,
    }[index]

    def add(count):
        for n in range(count):
            extra = {"author_lab": tree["lab"]} if index == "methods" else {}
            image = wagtail_factories.ImageFactory() if n % 2 == 0 else None
            child_factory(parent=tree[index], listing_image=image, **extra)

    add(3)
    assert_bounded(client, tree[index].url, lambda: add(30))


def test_method_index_with_filters(client, tree):
    theme = tree["themes"][0]

    def add(count):
        for _ in range(count):
            method = f.MethodPageFactory(parent=tree["methods"], author_lab=tree["lab"], phase="test")
            method.themes.add(theme)
            method.save()

    add(3)
    url = f"{tree['methods'].url}?theme={theme.slug}&phase=test&lab={tree['lab'].slug}&duration=half_day&page=2"
    assert_bounded(client, url, lambda: add(30))


def test_lab_page(client, tree):
    lab = tree["lab"]

    def add(count, start):
        for _ in range(count):
            f.LabTeamMemberFactory(lab=lab)
            f.ProjectPageFactory(parent=lab, listing_image=wagtail_factories.ImageFactory())
            f.MethodPageFactory(parent=tree["methods"], author_lab=lab)
        add_taxonomy(lab, count, start)

    assert_bounded_from_3_to_30(client, lab.url, add)


def test_project_page(client, tree):
    project = f.ProjectPageFactory(parent=tree["lab"])

    def add(count, start):
        for _ in range(count):
            f.ProjectIndicatorFactory(project=project)
            f.ProjectMethodFactory(project=project, method=f.MethodPageFactory(parent=tree["methods"]))
        add_taxonomy(project, count, start)

    assert_bounded_from_3_to_30(client, project.url, add)


def test_method_page(client, tree):
    method = f.MethodPageFactory(parent=tree["methods"], author_lab=tree["lab"])

    def add(count, start):
        for _ in range(count):
            f.MethodWorksheetFactory(page=method)
            f.RelatedMethodFactory(page=method, related_method=f.MethodPageFactory(parent=tree["methods"]))
            lab = f.LabPageFactory(parent=tree["labs"])
            f.ProjectMethodFactory(project=f.ProjectPageFactory(parent=lab), method=method)
        add_taxonomy(method, count, start)

    assert_bounded_from_3_to_30(client, method.url, add)


def test_curriculum_page(client, tree):
    curriculum = f.CurriculumPageFactory(parent=tree["curricula"])

    def add(count, start):
        methods = [f.MethodPageFactory(parent=tree["methods"]) for _ in range(count)]
        modules = list(curriculum.modules.raw_data) + [
            f.curriculum_module(f"Module {start + n}", 2, methods=methods) for n in range(count)
        ]
        curriculum.modules = modules
        curriculum.save()
        add_taxonomy(curriculum, count, start)

    assert_bounded_from_3_to_30(client, curriculum.url, add)


def test_manifesto_page(client, tree):
    manifesto = f.ManifestoPageFactory(parent=tree["manifestos"], pdf=wagtail_factories.DocumentFactory())

    def add(count, start):
        for _ in range(count):
            f.ManifestoSignatoryFactory(manifesto=manifesto, lab=f.LabPageFactory(parent=tree["labs"]))
        add_taxonomy(manifesto, count, start)

    assert_bounded_from_3_to_30(client, manifesto.url, add)


def test_session_report_page(client, tree):
    report = f.SessionReportPageFactory(parent=tree["reports"], decisions="<p>Décisions</p>")

    def add(count, start):
        labs = [f.LabPageFactory(parent=tree["labs"]) for _ in range(count)]
        for lab in labs:
            f.SessionParticipantFactory(report=report, lab=lab)
        report.roadmap = list(report.roadmap.raw_data) + [
            f.roadmap_action(f"Action {start + n}", horizon="months", scope="beyond", owner_labs=labs)
            for n in range(count)
        ]
        report.discussed_themes = list(report.discussed_themes.raw_data) + [
            f.discussed_theme(f"Thème {start + n}", "Question ?", directions=["Piste"]) for n in range(count)
        ]
        report.save()
        add_taxonomy(report, count, start)

    assert_bounded_from_3_to_30(client, report.url, add)


def test_standard_page(client, tree):
    assert render_count(client, tree["about"].url) <= max_queries(tree["about"].url)


def content_pages_of_every_type(tree, count):
    """count pages of each of the six content types."""
    pages = []
    for _ in range(count):
        lab = f.LabPageFactory(parent=tree["labs"])
        pages += [
            lab,
            f.ProjectPageFactory(parent=lab),
            f.MethodPageFactory(parent=tree["methods"], listing_image=wagtail_factories.ImageFactory()),
            f.CurriculumPageFactory(parent=tree["curricula"]),
            f.ManifestoPageFactory(parent=tree["manifestos"]),
            f.SessionReportPageFactory(parent=tree["reports"]),
        ]
    return pages


def test_theme_and_tag_pages(client, tree):
    theme = tree["themes"][0]

    def add(count):
        for page in content_pages_of_every_type(tree, count):
            page.themes.add(theme)
            page.tags.add("entrelabs")
            page.save()

    # Two pages of each type: every type is on the first page of results, as with many.
    add(2)
    prefix = tree["prefix"]
    few = render_count(client, f"{prefix}/themes/{theme.slug}/"), render_count(client, f"{prefix}/tags/entrelabs/")
    add(6)
    many = render_count(client, f"{prefix}/themes/{theme.slug}/"), render_count(client, f"{prefix}/tags/entrelabs/")
    assert few == many
    assert max(many) <= max_queries(f"{prefix}/themes/")


def test_links_in_rich_text_cost_the_same_however_many_pages_of_a_type_they_link(client, tree):
    """Wagtail's page link handler loads the linked pages in one query per page type."""

    def link(page):
        return f'<a linktype="page" id="{page.pk}">{page.title}</a>'

    home = tree["home"]
    home.introduction = f"<p>{link(tree['method'])}</p>"
    home.save()
    one_link = render_count(client, home.url)
    methods = [f.MethodPageFactory(parent=tree["methods"]) for _ in range(8)]
    home.introduction = "<p>" + " ".join(link(page) for page in methods) + "</p>"
    home.save()
    assert render_count(client, home.url) == one_link
    assert f'href="{methods[-1].url}"' in client.get(home.url).content.decode()


def test_a_view_restriction_covers_the_ancestors_pages_and_the_aliases(client, tree):
    """Wagtail's view restrictions: a restriction on a section covers its pages, and a page's alias
    elsewhere (even an alias of an alias) asks for the same password as the page."""
    method = f.MethodPageFactory(parent=tree["methods"], slug="reservee")
    alias = method.create_alias(parent=tree["about"], update_slug="reservee-alias")
    alias_of_alias = alias.create_alias(parent=tree["about"], update_slug="reservee-alias-2")
    public = f.MethodPageFactory(parent=tree["methods"], slug="publique")
    for page in (method, alias, alias_of_alias, public):
        assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(page=method, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for page in (method, alias, alias_of_alias):
        response = Client().get(page.url)
        assert response.status_code == 200
        assert 'name="password"' in response.content.decode(), page.url
        assert "Une méthode réutilisable." not in response.content.decode()
    PageViewRestriction.objects.create(page=tree["methods"], restriction_type=PageViewRestriction.LOGIN)
    assert Client().get(public.url).status_code == 302
