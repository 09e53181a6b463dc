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
