"""A page's size does not grow with the site: the home page shows a bounded number of labs, the
agenda pages its upcoming events as it pages its past ones, and pagination links a bounded number
of pages (issue 19, cost as the site grows)."""

import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from django.core.paginator import Paginator

from home.models.pages import HOME_LAB_COUNT
from home.pagination import DEFAULT_PER_PAGE, page_numbers
from tests import factories as f
from tests import network_factories as nf


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_home_page_shows_the_labs_that_joined_last_and_links_to_every_lab(client, home_page):
    labs = f.LabIndexPageFactory(parent=home_page)
    for n in range(3):
        f.LabPageFactory(parent=labs, title=f"Lab ancien {n}")
    few = len(client.get("/").content)
    for n in range(30):
        f.LabPageFactory(parent=labs, title=f"Lab récent {n:02}")
    page = soup(client, "/")
    shown = [tile.h3.get_text(strip=True) for tile in page.select(".lab-tiles > li")]
    assert len(shown) == HOME_LAB_COUNT
    assert shown == sorted(shown)
    assert all(title.startswith("Lab récent") for title in shown)
    assert page.find("a", string="Tous les labs du réseau")["href"] == labs.url
    # 30 labs more weigh what the labs above the first three do, not 30 cards.
    assert len(client.get("/").content) - few < (HOME_LAB_COUNT - 3 + 1) * 600


def test_the_agenda_pages_its_upcoming_events_as_it_pages_the_past_ones(client, home_page):
    agenda = nf.AgendaPageFactory(parent=home_page)
    paris = ZoneInfo("Europe/Paris")
    soon = datetime.datetime.now(tz=paris) + datetime.timedelta(days=1)
    for n in range(DEFAULT_PER_PAGE + 3):
        nf.EventPageFactory(parent=agenda, title=f"À venir {n:02}", start=soon + datetime.timedelta(days=n))
    for n in range(DEFAULT_PER_PAGE + 2):
        nf.EventPageFactory(parent=agenda, title=f"Passé {n:02}", start=soon - datetime.timedelta(days=n + 30))

    def titles(page, section):
        cards = page.select(f"section[aria-labelledby={section}] .card-list > li")
        return [card.h3.get_text(strip=True) for card in cards]

    first = soup(client, agenda.url)
    assert titles(first, "upcoming-events") == [f"À venir {n:02}" for n in range(DEFAULT_PER_PAGE)]
    assert len(titles(first, "past-events")) == DEFAULT_PER_PAGE
    next_upcoming = first.select_one("section[aria-labelledby=upcoming-events] a[rel=next]")["href"]
    assert next_upcoming == "?upcoming=2"
    second = soup(client, agenda.url + next_upcoming)
    later = range(DEFAULT_PER_PAGE, DEFAULT_PER_PAGE + 3)
    assert titles(second, "upcoming-events") == [f"À venir {n:02}" for n in later]
    assert titles(second, "past-events") == titles(first, "past-events")  # each list its own page
    next_past = second.select_one("section[aria-labelledby=past-events] a[rel=next]")["href"]
    assert next_past == "?upcoming=2&page=2"
    assert titles(soup(client, agenda.url + next_past), "past-events") == ["Passé 12", "Passé 13"]


def test_pagination_links_the_same_number_of_pages_however_long_the_list():
    for count in (10, 100, 10_000):
        paginator = Paginator(range(count * DEFAULT_PER_PAGE), DEFAULT_PER_PAGE)
        for number in (1, count // 2, count):
            numbers = page_numbers(paginator.page(number))
            assert len(numbers) <= 9, (count, number, numbers)
            assert numbers[0] == 1 and numbers[-1] == count and number in numbers
    assert page_numbers(Paginator(range(100 * DEFAULT_PER_PAGE), DEFAULT_PER_PAGE).page(50)) == [
        1, None, 48, 49, 50, 51, 52, None, 100,
    ]  # fmt: skip
