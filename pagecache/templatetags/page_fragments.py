"""``{% cache_until_pages_change "name" %}...{% endcache_until_pages_change %}``: the enclosed part
of a page template, kept between renders of the page (pagecache/fragments.py)."""

from django import template
from django.utils.safestring import mark_safe

from pagecache.fragments import cached_fragment

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        html = cached_fragment(context.get("request"), self.name, lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 (rendered by the template engine, escaped there)


@register.tag
def cache_until_pages_change(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f'usage: {{% {bits[0]} "name" %}}...{{% end{bits[0]} %}}')
    nodelist = parser.parse(("endcache_until_pages_change",))
    parser.delete_first_token()
    return CachedFragmentNode(bits[1][1:-1], nodelist)
