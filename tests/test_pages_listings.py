"""Listings: index pagination, the method index filters, the theme and tag pages."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests import factories as f


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [a.get_text() for a in soup.find("main").select(".card__title a")]


@pytest.fixture
def methods(home_page):
    index = f.MethodIndexPageFactory(parent=home_page)
    labs = f.LabIndexPageFactory(parent=home_page)
    lab = f.LabPageFactory(parent=labs, title="Ville de Paris", slug="paris")
    theme = f.ThemeFactory(name="Outils du lab", slug="outils")
    pages = [
        f.MethodPageFactory(parent=index, title=f"Méthode {n:02d}", phase="test" if n % 2 else "ideate",
                            duration="hours" if n < 5 else "days", author_lab=lab if n % 3 == 0 else None)
        for n in range(30)
    ]  # fmt: skip
    for page in pages[:4]:
        page.themes.add(theme)
        page.save()
    return {"index": index, "lab": lab, "theme": theme, "pages": pages}


@pytest.mark.parametrize(
    ("query", "expected_page", "expected_first"),
    [
        ("", 1, "Méthode 00"),
        ("?page=2", 2, "Méthode 12"),
        ("?page=abc", 1, "Méthode 00"),
        ("?page=999", 3, "Méthode 24"),
        ("?page=-1", 3, "Méthode 24"),
        ("?page=1.5", 1, "Méthode 00"),
    ],
)
def test_index_pagination_never_fails(client, methods, query, expected_page, expected_first):
    soup = get(client, methods["index"].url + query)
    assert titles(soup)[0] == expected_first
    assert len(titles(soup)) == (6 if expected_page == 3 else 12)
    current = soup.find("nav", class_="pagination").find("a", attrs={"aria-current": "page"})
    assert current.get_text(" ", strip=True).endswith(str(expected_page))


def test_method_index_filters(client, methods):
    url = methods["index"].url
    soup = get(client, f"{url}?phase=test&duration=hours")
    assert titles(soup) == ["Méthode 01", "Méthode 03"]
    assert soup.find(class_="results-count").get_text(strip=True) == "2 méthodes"
    assert titles(get(client, f"{url}?theme=outils")) == ["Méthode 00", "Méthode 01", "Méthode 02", "Méthode 03"]
    lab_titles = titles(get(client, f"{url}?lab=paris"))
    assert lab_titles == [f"Méthode {n:02d}" for n in range(0, 30, 3)]
    assert titles(get(client, f"{url}?theme=outils&lab=paris")) == ["Méthode 00", "Méthode 03"]


def test_method_index_filter_form_works_without_javascript(client, methods):
    form = get(client, methods["index"].url).find("form", class_="filters")
    assert form["method"] == "get" and form["action"] == methods["index"].url
    for name in ["theme", "lab"]:
        field = form.find("select", attrs={"name": name})
        assert form.find("label", attrs={"for": field["id"]}), name
    for name in ["phase", "duration"]:  # big choices: radio buttons in a fieldset named by its legend
        radios = form.find_all("input", type="radio", attrs={"name": name})
        assert radios and all(radio.find_parent("label") for radio in radios), name
        assert radios[0].find_parent("fieldset").legend.get_text() in {"Phase", "Durée"}
    assert form.find("button", type="submit").get_text() == "Afficher les méthodes"
    lab_choices = [option["value"] for option in form.find("select", attrs={"name": "lab"}).find_all("option")]
    assert lab_choices == ["", "paris"]


def choices(soup, name):
    """{label: (count, checked)} of a big-choice filter, "Peu importe" included (no count)."""
    found = {}
    for radio in soup.find("form", class_="filters").find_all("input", type="radio", attrs={"name": name}):
        label = radio.find_parent("label")
        count = label.find(class_="choice__count")
        count = int(count.contents[0]) if count else None
        found[label.find(class_="choice__label").get_text()] = (count, radio.has_attr("checked"))
    return found


def test_phases_and_durations_are_big_choices_with_counts_of_the_other_filters(client, methods):
    soup = get(client, methods["index"].url)
    phases = choices(soup, "phase")
    assert list(phases)[:3] == ["Peu importe", "Découvrir", "Définir"] and phases["Peu importe"] == (None, True)
    assert phases["Tester"] == (15, False) and phases["Imaginer"] == (15, False) and phases["Évaluer"] == (0, False)
    assert choices(soup, "duration")["Quelques heures"] == (5, False)
    phase_tile = soup.find("input", attrs={"name": "phase", "value": "test"}).find_parent("label")
    assert phase_tile.find("svg", class_="picto")  # the phase's pictogram
    # A chosen phase is checked; the durations count within it, the phases within the duration.
    soup = get(client, methods["index"].url + "?phase=test&duration=hours")
    assert choices(soup, "phase")["Tester"] == (2, True) and choices(soup, "phase")["Imaginer"] == (3, False)
    assert choices(soup, "duration")["Quelques heures"] == (2, True)
    assert choices(soup, "duration")["Plusieurs jours"] == (13, False)
    assert "(2 filtres)" in soup.find("summary", class_="filters-panel__button").get_text()


def test_invalid_filters_are_reported_and_ignored(client, methods):
    soup = get(client, methods["index"].url + "?phase=nimporte&theme=inconnu&lab=%00&duration=test")
    alert = soup.find(role="alert")
    assert "ignorés" in alert.get_text()
    assert {li.get_text().split(":")[0].strip() for li in alert.find_all("li")} == {"Thème", "Phase", "Durée", "Lab"}
    assert soup.find(class_="results-count").get_text(strip=True) == "30 méthodes"


def test_pagination_keeps_the_filters(client, methods):
    soup = get(client, methods["index"].url + "?phase=ideate&page=1")
    links = [a["href"] for a in soup.find("nav", class_="pagination").find_all("a")]
    assert "?phase=ideate&page=2" in links
    assert all("phase=ideate" in link for link in links)


def test_no_result_says_so(client, methods):
    soup = get(client, methods["index"].url + "?phase=deploy")
    assert soup.find(class_="results-count").get_text(strip=True) == "0 méthode"
    assert "Aucune méthode ne correspond à ces filtres." in soup.find("main").get_text()


@pytest.fixture
def themed(home_page):
    """One page of each content type carrying the theme "positionnement" and the tag "entrelabs"."""
    theme = f.ThemeFactory(name="Positionnement", slug="positionnement", description="Où placer le lab.")
    labs = f.LabIndexPageFactory(parent=home_page)
    lab = f.LabPageFactory(parent=labs, title="Le lab", summary="Un lab de région.")
    pages = [
        lab,
        f.ProjectPageFactory(parent=lab, title="Le projet"),
        f.MethodPageFactory(parent=f.MethodIndexPageFactory(parent=home_page), title="La méthode"),
        f.CurriculumPageFactory(parent=f.CurriculumIndexPageFactory(parent=home_page), title="Le parcours"),
        f.ManifestoPageFactory(parent=f.ManifestoIndexPageFactory(parent=home_page), title="Le manifeste"),
        f.SessionReportPageFactory(parent=f.SessionReportIndexPageFactory(parent=home_page), title="L'atelier"),
    ]
    for age, page in enumerate(pages):
        page.first_published_at = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC) - datetime.timedelta(days=age)
        page.themes.add(theme)
        page.tags.add("entrelabs")
        page.save()
    untagged = f.MethodPageFactory(parent=pages[2].get_parent(), title="Sans thème")
    return {"theme": theme, "pages": pages, "untagged": untagged}


EXPECTED_LISTING = [
    ("Lab", "Le lab"),
    ("Projet", "Le projet"),
    ("Méthode", "La méthode"),
    ("Parcours de formation", "Le parcours"),
    ("Manifeste", "Le manifeste"),
    ("Compte rendu d’atelier", "L'atelier"),
]


@pytest.mark.parametrize("url", ["/themes/positionnement/", "/tags/entrelabs/"])
def test_theme_and_tag_pages_list_every_type_newest_first(client, themed, url):
    soup = get(client, url)
    cards = soup.find("main").find_all("article", class_="card")
    assert [(card.find(class_="card__type").get_text(), card.h2.get_text()) for card in cards] == EXPECTED_LISTING
    assert cards[0].find("a")["href"] == "/labs/le-lab/"
    assert "Un lab de région." in cards[0].get_text()
    assert soup.find(class_="results-count").get_text(strip=True) == "6 pages"
    assert "Sans thème" not in soup.get_text()


def test_theme_page_describes_the_theme_and_links_the_others(client, themed):
    f.ThemeFactory(name="Réalpolitique", slug="realpolitique")
    soup = get(client, "/themes/positionnement/")
    assert soup.h1.get_text() == "Thème : Positionnement"
    assert "Où placer le lab." in soup.find("main").get_text()
    others = soup.find(id="other-themes").find_parent("nav")
    assert others.find("a", href="/themes/realpolitique/")
    assert others.find("a", href="/themes/positionnement/")["aria-current"] == "page"
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Où placer le lab."
    assert soup.title.string == "Thème : Positionnement · Entrelabs"


def test_theme_list_links_every_theme(client, themed):
    soup = get(client, "/themes/")
    assert soup.find("main").find("a", href="/themes/positionnement/")


def test_theme_and_tag_pages_paginate(client, themed):
    index = themed["pages"][2].get_parent()
    for n in range(20):
        page = f.MethodPageFactory(parent=index, title=f"Méthode {n}")
        page.themes.add(themed["theme"])
        page.save()
    soup = get(client, "/themes/positionnement/?page=999")
    assert len(soup.find("main").find_all("article", class_="card")) == 26 - 24
    assert len(get(client, "/themes/positionnement/?page=abc").find("main").find_all("article")) == 12


def test_unknown_theme_or_tag_is_a_404(client, themed):
    get(client, "/themes/inconnu/", status=404)
    get(client, "/tags/inconnu/", status=404)


def test_unpublished_pages_are_not_listed(client, themed):
    themed["pages"][1].unpublish()
    soup = get(client, "/themes/positionnement/")
    assert "Le projet" not in soup.get_text()
    assert soup.find(class_="results-count").get_text(strip=True) == "5 pages"


def test_accented_tag_gets_an_ascii_page(client, themed):
    lab = themed["pages"][0]
    lab.tags.add("Région")
    lab.save_revision().publish()
    soup = get(client, lab.url)
    assert soup.find("a", href="/tags/region/")
    assert "Le lab" in get(client, "/tags/region/").find("main").get_text()
