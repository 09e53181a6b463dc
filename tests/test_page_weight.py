"""Every public page type weighs less than 100 KB compressed: its HTML, stylesheets and scripts
(the portal serves no web font), measured on the demo content as production compresses them."""

import gzip

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

BUDGET = 100 * 1024

# One live page of each type of the demo content, found by its model; and the pages that are views.
PAGE_MODELS = [
    "home.HomePage",
    "labs.LabIndexPage",
    "labs.LabPage",
    "labs.ProjectPage",
    "methods.MethodIndexPage",
    "methods.MethodPage",
    "methods.CurriculumIndexPage",
    "methods.CurriculumPage",
    "labs.ManifestoIndexPage",
    "labs.ManifestoPage",
    "labs.SessionReportIndexPage",
    "labs.SessionReportPage",
    "home.StandardPage",
    "events.AgendaPage",
    "events.EventPage",
    "news.NewsIndexPage",
    "news.NewsPage",
    "ecosystem.EcosystemMapPage",
    "roadmap.RoadmapPage",
]
VIEWS = [
    "/methodes/?phase=discover",
    "/themes/",
    "/recherche/?q=immersion",
    "/recherche/?q=immersion&phase=discover",
    "/proposer-une-methode/",
    "/actualites/lab/reacteur-public/",
    "/carte/?region=52",
    "/proposer-un-acteur/",
]


def compressed(data):
    return len(gzip.compress(data, compresslevel=9))


def static_file(url):
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is not a static file of the portal"
    with open(path, "rb") as file:
        return file.read()


def page_url(name):
    if name.startswith("/"):
        return name
    from django.apps import apps

    page = apps.get_model(name).objects.live().order_by("-numchild", "path").first()
    assert page, f"the demo content has no {name}"
    return page.url


@pytest.mark.parametrize("name", PAGE_MODELS + VIEWS + ["a theme"])
def test_the_page_and_what_it_loads_weigh_under_100_kb_compressed(demo_content, db, client, name):
    if name == "a theme":
        from home.models import Theme

        url = Theme.objects.order_by("slug").first().get_absolute_url()
    else:
        url = page_url(name)
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assets += [script["src"] for script in soup.find_all("script", src=True)]
    assert not [tag for tag in soup.find_all("link", rel="preload") if tag.get("as") == "font"]
    weights = {url: compressed(response.content)} | {asset: compressed(static_file(asset)) for asset in assets}
    assert sum(weights.values()) < BUDGET, weights
