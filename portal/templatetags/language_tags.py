"""The page in each language: the footer's switcher, the head's hreflang alternates and the
language of the content (a page not translated yet is served in French under /en/)."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from home.index_urls import until_pages_change
from home.models.mixins import visible_page_ids
from home.templatetags.portal_tags import root_url

register = template.Library()


def page_versions(page, request):
    """{language code: (page id, relative URL, absolute URL)} of the live public versions of
    ``page`` in each language, itself included; cached until a page or a view restriction changes."""

    def build():
        versions = list(
            Page.objects.filter(translation_key=page.translation_key)
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "live", "locale__language_code")
        )
        visible = visible_page_ids(versions)
        return {
            version.locale.language_code: (version.pk, version.get_url(request), version.get_full_url(request))
            for version in versions
            if version.pk in visible
        }

    return until_pages_change(f"translations:{page.translation_key}", build)


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The languages of what is shown. ``links``: each language with the URL of this page in it,
    ``translated`` when the page exists in that language (otherwise the link leads to this page under
    that language's interface); ``alternates``: the absolute URLs of its real translations (hreflang);
    ``content_language``: the language its content is written in; ``untranslated``: the content is
    not in the interface's language."""
    request = context.get("request")
    page = context.get("page")
    active = translation.get_language()
    if request is None:
        return {"links": [], "alternates": [], "content_language": active, "untranslated": False}
    if isinstance(page, Page) and page.pk:
        versions = page_versions(page, request)
        content_language = next((code for code, (pk, *_urls) in versions.items() if pk == page.pk), None)
        if content_language is None:  # a page the public may not see (a password-protected one)
            content_language = page.locale.language_code
            versions = {content_language: (page.pk, request.path, request.build_absolute_uri(request.path))}
        own_url = versions[content_language][1]
        links = [
            {"code": code, "url": versions[code][1], "translated": True}
            if code in versions
            else {"code": code, "url": translate_url(own_url, code), "translated": False}
            for code, _name in settings.LANGUAGES
        ]
        alternates = []
        if len(versions) > 1:
            alternates = [{"code": code, "url": full_url} for code, (_pk, _url, full_url) in versions.items()]
            if settings.LANGUAGE_CODE in versions:
                alternates.append({"code": "x-default", "url": versions[settings.LANGUAGE_CODE][2]})
    else:
        # A view that is not a page (search, themes): the same view in each language's interface.
        content_language = active
        links = [
            {"code": code, "url": translate_url(request.get_full_path(), code), "translated": True}
            for code, _name in settings.LANGUAGES
        ]
        base = root_url(request)
        alternates = [{"code": code, "url": base + translate_url(request.path, code)} for code, _ in settings.LANGUAGES]
    for link in links:
        link["name"] = translation.get_language_info(link["code"])["name_local"]
        link["current"] = link["code"] == active
    return {
        "links": links,
        "alternates": alternates,
        "content_language": content_language,
        "untranslated": content_language != active,
    }
