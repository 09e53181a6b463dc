"""The "propose a method" form under load: simultaneous proposals, the shared rate limit (issue 21)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from home.models import HomePage
from methods.models import MethodPage
from tests.browser.conftest import ensure_site_root
from tests.factories import MethodIndexPageFactory
from tests.test_propose_method import URL, VALID


@pytest.fixture
def method_index(db):
    index = MethodIndexPageFactory(parent=HomePage.objects.first())
    index.save_revision().publish()
    return index


@pytest.mark.django_db(transaction=True)
def test_five_simultaneous_proposals_with_the_same_title_all_succeed():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite queues its writers (IMMEDIATE transactions): the race needs PostgreSQL")
    # Earlier transactional tests may have flushed the site root that migrations created.
    MethodIndexPageFactory(parent=ensure_site_root()).save_revision().publish()
    start = threading.Barrier(5)
    answers = []

    def propose(number):
        start.wait()
        response = Client(REMOTE_ADDR=f"10.0.0.{number}").post(URL, VALID)
        answers.append((response.status_code, response.content.decode()))
        connection.close()

    threads = [threading.Thread(target=propose, args=(number,)) for number in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert [status for status, _ in answers] == [302] * 5
    slugs = sorted(MethodPage.objects.values_list("slug", flat=True))
    assert slugs == [
        "le-theatre-forum-des-usagers",
        *(f"le-theatre-forum-des-usagers-{number}" for number in range(2, 6)),
    ]


def test_invalid_posts_do_not_count_against_the_limit(client, method_index):
    for _ in range(15):
        assert client.post(URL, {**VALID, "summary": "Trop court"}).status_code == 200
    for number in range(10):
        assert client.post(URL, {**VALID, "title": f"Méthode numéro {number}"}).status_code == 302
    assert MethodPage.objects.count() == 10


def test_the_429_says_when_to_come_back(client, method_index):
    for number in range(10):
        client.post(URL, {**VALID, "title": f"Méthode numéro {number}"})
    response = client.post(URL, {**VALID, "title": "Une de trop"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert "Une de trop" in response.content.decode()
