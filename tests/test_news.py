"""Each lab's news: written under the lab, listed per lab and for the network, reviewed like every page."""

import datetime

import pytest
import wagtail_factories
from django.test import Client
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests import factories as f
from tests import network_factories as nf
from tests.editorial import form_data
from tests.test_pages_queries import assert_bounded
from tests.translations import translate


class TestNewsAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()
        self.lab = f.LabPageFactory(parent=f.LabIndexPageFactory(parent=self.home), title="Futurs Publics")
        self.theme = f.ThemeFactory(name="Positionnement du lab", slug="positionnement")

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(NewsPage, {f.LabPageFactory._meta.model})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, set())
        self.assertFalse(NewsPage.can_create_at(self.home))

    def test_create_news_index_and_news_item(self):
        self.assertCanCreate(
            self.home,
            NewsIndexPage,
            nested_form_data(
                {"title": "Actualités", "slug": "actualites", "introduction": rich_text("<p>Les labs.</p>")}
            ),
        )
        image = wagtail_factories.ImageFactory(title="Atelier au SGMAP", description="Des agents autour d'une table")
        data = nested_form_data(
            {
                "title": "Un blog pour chaque lab",
                "slug": "un-blog-pour-chaque-lab",
                "date": "2015-05-20",
                "summary": "Les labs ouvrent leurs carnets.",
                "image": image.pk,
                "body": streamfield([("paragraph", rich_text("<p>Vidéos, tribunes et conférences.</p>"))]),
                "tags": "visibilité",
            }
        )
        data["themes"] = [self.theme.pk]
        self.assertCanCreate(self.lab, NewsPage, data)
        page = NewsPage.objects.get(slug="un-blog-pour-chaque-lab")
        assert page.date == datetime.date(2015, 5, 20)
        html = Client().get(page.url).content.decode()
        assert "Vidéos, tribunes et conférences." in html and "20 mai 2015" in html
        assert 'alt="Des agents autour d&#x27;une table"' in html
        assert 'href="/labs/futurs-publics/">Futurs Publics</a>' in html
        assert 'href="/themes/positionnement/"' in html
        assert "Un blog pour chaque lab" in Client().get("/actualites/").content.decode()


@pytest.fixture
def news(home_page):
    labs = f.LabIndexPageFactory(parent=home_page)
    lab_a = f.LabPageFactory(parent=labs, title="Lab Alpha", slug="lab-alpha")
    lab_b = f.LabPageFactory(parent=labs, title="Lab Beta", slug="lab-beta")
    return {"index": nf.NewsIndexPageFactory(parent=home_page), "lab_a": lab_a, "lab_b": lab_b}


def test_network_and_lab_listings(client, news):
    nf.NewsPageFactory(parent=news["lab_a"], title="Alpha ancienne", date=datetime.date(2015, 1, 1))
    nf.NewsPageFactory(parent=news["lab_a"], title="Alpha récente", date=datetime.date(2015, 6, 1))
    nf.NewsPageFactory(parent=news["lab_b"], title="Beta du milieu", date=datetime.date(2015, 3, 1))
    nf.NewsPageFactory(parent=news["lab_b"], title="Beta brouillon").unpublish()
    private = nf.NewsPageFactory(parent=news["lab_b"], title="Beta réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/actualites/").content.decode()
    positions = [html.index(title) for title in ("Alpha récente", "Beta du milieu", "Alpha ancienne")]
    assert positions == sorted(positions)
    assert "1 juin 2015 · Lab Alpha" in html
    assert "brouillon" not in html and "réservée" not in html

    response = client.get("/actualites/lab/lab-alpha/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Actualités de Lab Alpha</h1>" in html
    assert "Alpha récente" in html and "Alpha ancienne" in html and "Beta" not in html.split("<main")[1]
    assert client.get("/actualites/lab/n-existe-pas/").status_code == 404
    # In English: the English lab's news are its English items only.
    english = translate(news["lab_a"].get_children().get(title="Alpha récente").specific, title="Alpha news")
    english_index = translate(news["index"], title="News")
    html = client.get(f"{english_index.url}lab/lab-alpha/").content.decode()
    assert f'href="{english.url}"' in html and "Alpha ancienne" not in html


def test_lab_page_links_to_its_news_and_home_page_shows_the_latest(client, news):
    for day in range(1, 6):
        nf.NewsPageFactory(parent=news["lab_a"], title=f"Nouvelle {day}", date=datetime.date(2015, 5, day))
    lab_html = client.get(news["lab_a"].url).content.decode()
    assert 'href="/actualites/lab/lab-alpha/">Toutes les actualités de Lab Alpha</a>' in lab_html
    home_html = client.get("/").content.decode()
    assert "Dernières actualités des labs" in home_html
    assert "Nouvelle 5" in home_html and "Nouvelle 2" not in home_html


def test_news_in_sitemap_and_search(client, news):
    page = nf.NewsPageFactory(parent=news["lab_a"], title="Cartographie collaborative lancée")
    assert "http://localhost" + page.url in client.get("/sitemap.xml").content.decode()
    assert NewsPage.objects.live().search("cartographie").count() == 1


def test_query_counts(client, news):
    def add(count):
        for n in range(count):
            lab = news["lab_a"] if n % 2 else news["lab_b"]
            image = wagtail_factories.ImageFactory() if n % 3 == 0 else None
            page = nf.NewsPageFactory(parent=lab, listing_image=image)
            page.tags.add(f"mot-{page.pk}")
            page.save()

    add(3)
    assert_bounded(client, "/actualites/", lambda: add(30))
    assert_bounded(client, "/actualites/lab/lab-alpha/", lambda: add(3))
    assert_bounded(client, news["lab_a"].url, lambda: add(3))
    assert_bounded(client, "/", lambda: add(3))
    item = NewsPage.objects.live().first()

    def add_tags(count):
        item.tags.add(*[f"étiquette-{item.pk}-{n}-{count}" for n in range(count)])
        item.save()

    add_tags(3)
    assert_bounded(client, item.url, lambda: add_tags(27))


def test_lab_news_link_follows_the_index(client, news):
    assert 'href="/actualites/lab/lab-alpha/"' in client.get(news["lab_a"].url).content.decode()
    news["index"].unpublish()
    assert "/actualites/" not in client.get(news["lab_a"].url).content.decode()


def test_partner_editor_writes_news_in_own_lab_only_and_it_goes_to_review(client, world):
    client.force_login(world.editor_a)
    add_url = f"/admin/pages/add/news/newspage/{world.lab_a.pk}/"
    data = form_data(client.get(add_url).content, "page-edit-form")
    data.update(title="Notre nouveau blog", slug="notre-nouveau-blog", date="2015-05-20", summary="Nous écrivons.")
    data["action-submit"] = "action-submit"
    response = client.post(add_url, data)
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="notre-nouveau-blog")
    assert not page.live
    assert page.current_workflow_task.name == "Validation par les communicants"
    assert "Notre nouveau blog" not in Client().get(world.lab_a.url).content.decode()

    response = client.get(f"/admin/pages/add/news/newspage/{world.lab_b.pk}/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
