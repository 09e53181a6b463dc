"""Every public page type weighs less than 100 KB compressed: its HTML, stylesheets and scripts
(the portal serves no web font), measured on the demo content as production compresses them."""

import gzip
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import transaction

BUDGET = 100 * 1024

PAGES = [
    "/",
    "/labs/",
    "/labs/la-27e-region/",
    "/labs/pays-de-la-loire/bureau-du-futur/",
    "/methodes/",
    "/methodes/?phase=discover",
    "/methodes/immersion/",
    "/formations/referentiel-de-formation-des-agents-a-l-innovation/",
    "/manifestes/manifeste-des-collectivites-ingenieuses/",
    "/ateliers/entrelabs-1/",
    "/themes/outils-du-lab/",
    "/recherche/?q=immersion",
    "/proposer-une-methode/",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def compressed(data):
    return len(gzip.compress(data, compresslevel=9))


def static_file(url):
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is not a static file of the portal"
    with open(path, "rb") as file:
        return file.read()


@pytest.mark.parametrize("url", PAGES)
def test_the_page_and_what_it_loads_weigh_under_100_kb_compressed(demo, db, client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assets += [script["src"] for script in soup.find_all("script", src=True)]
    assert not [tag for tag in soup.find_all("link", rel="preload") if tag.get("as") == "font"]
    weights = {url: compressed(response.content)} | {asset: compressed(static_file(asset)) for asset in assets}
    assert sum(weights.values()) < BUDGET, weights
