"""Simultaneous proposals of one title (issue 21); a transactional test, in a file of its own
(tests/conftest.py, postgresql_only)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from methods.models import MethodPage
from tests.browser.conftest import ensure_site_root
from tests.conftest import postgresql_only
from tests.factories import MethodIndexPageFactory
from tests.test_propose_method import URL, VALID


@postgresql_only("SQLite queues its writers (IMMEDIATE transactions): the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_five_simultaneous_proposals_with_the_same_title_all_succeed():
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
