"""The "propose a method" form under load: the shared rate limit (issue 21); simultaneous proposals are
tests/test_security_proposals_race.py's."""

from methods.models import MethodPage
from tests import test_propose_method
from tests.test_propose_method import URL, VALID

method_index = test_propose_method.method_index  # the fixture: the published index the form files under


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
