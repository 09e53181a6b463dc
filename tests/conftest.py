import pytest
from wagtail.models import Site

from home.models import HomePage


@pytest.fixture
def home_page(db):
    """The site root created by the home app's migration."""
    return HomePage.objects.get()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (the navigation is cached), as a fresh server would."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: Django's LocaleMiddleware activates a request's
    language in the thread and leaves it there (a test after one that requested /en/ ran in English)."""
    from django.utils import translation

    translation.deactivate()
    yield


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the module in a transaction rolled back at the end."""
    import io

    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def world_ids(django_db_setup, django_db_blocker):
    """The editorial world (tests/editorial.py) built once per module, inside a transaction rolled back
    at the end; each test runs in a savepoint of it, so its changes are undone too. A module that needs
    more in it defines its own."""
    from django.db import transaction

    from tests.editorial import build_world, world_as_ids

    with django_db_blocker.unblock(), transaction.atomic():
        yield world_as_ids(build_world())
        transaction.set_rollback(True)


@pytest.fixture
def world(db, world_ids):
    from tests.editorial import world_from_ids

    return world_from_ids(world_ids)
