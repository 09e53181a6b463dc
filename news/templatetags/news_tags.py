"""News on other pages: the latest items on the home page, a lab's latest on its page."""

from django import template

from home.index_urls import index_url
from home.listings import no_view_restriction
from news.models import NewsIndexPage, NewsPage, public_news, with_labs

register = template.Library()


@register.inclusion_tag("news/latest_news.html")
def latest_news(count=3):
    """The network's latest live public news items, for the home page."""
    return {"news_items": with_labs(public_news()[:count]), "index_url": index_url(NewsIndexPage)}


@register.inclusion_tag("news/lab_news.html")
def lab_news(lab, count=3):
    """A lab's latest live public news items, for its page."""
    if lab.pk is None:  # a preview of a new lab
        return {"news_items": []}
    news_items = NewsPage.objects.live().filter(no_view_restriction()).defer_streamfields().child_of(lab)
    index = index_url(NewsIndexPage)
    return {
        "news_items": list(news_items.order_by("-date", "-pk")[:count]),
        "lab": lab,
        "all_url": index + NewsIndexPage().reverse_subpage("lab", args=[lab.slug]) if index else None,
    }
