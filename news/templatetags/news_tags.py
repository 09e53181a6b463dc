"""News on other pages: the latest items on the home page, a lab's latest on its page."""

from django import template

from home.index_urls import index_url, until_pages_change
from news.models import NewsIndexPage, public_news, with_labs

register = template.Library()


@register.inclusion_tag("news/latest_news.html")
def latest_news(count=3):
    """The network's latest live public news items, for the home page (cached until a page changes)."""
    news_items = until_pages_change(f"news:latest:{count}", lambda: with_labs(public_news()[:count]))
    return {"news_items": news_items, "index_url": index_url(NewsIndexPage)}


@register.inclusion_tag("news/lab_news.html")
def lab_news(lab):
    """The link to a lab's news listing, for its page (no query: the index's URL is cached, and the
    lab page's 12 queries are already spent on its projects, methods, team and territory)."""
    index = index_url(NewsIndexPage)
    if lab.pk is None or not index:
        return {}
    return {"lab": lab, "url": index + NewsIndexPage().reverse_subpage("lab", args=[lab.slug])}
