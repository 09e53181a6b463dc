from django import template
from wagtail.models import Page

from demo import marks

register = template.Library()


@register.simple_tag
def illustrative_mark(page):
    """What is illustrative on a demo page ({"whole", "notes"}); None when the page holds no illustration."""
    if not isinstance(page, Page):
        return None
    return marks.illustrative_pages().get(page.pk)
