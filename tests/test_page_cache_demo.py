"""The page cache on the demo content: a page of every public type is served again with no query."""

from wagtail.models import Page

from tests.test_page_cache import page_cache, visit  # noqa: F401 (the fixture turns the cache on)


def test_every_public_page_of_the_demo_is_stored_and_served_with_no_query(
    client, demo_content, django_assert_num_queries
):
    pages = {}
    for page in Page.objects.live().public().specific().exclude(depth=1):
        pages.setdefault(type(page), page)
    assert len(pages) >= 15
    for page in pages.values():
        assert visit(client, page).get("X-Page-Cache") == "miss", page.url
        with django_assert_num_queries(0):
            response = visit(client, page)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit", page.url
