"""The page in each language: the footer's switcher, the head's hreflang alternates and the
language of the content (a page not translated yet is served in French under /en/)."""

from datetime import datetime
from typing import NamedTuple

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from home.index_urls import until_pages_change
from home.models.mixins import visible_page_ids
from home.templatetags.portal_tags import root_url

register = template.Library()
VERSION_FIELDS = ["id", "path", "depth", "url_path", "live", "alias_of_id", "last_published_at"]


class Version(NamedTuple):
    """A page in one language, as the switcher and the alternates need it."""

    pk: int
    url: str
    full_url: str
    content_language: str  # an alias holds the content of its source, in another language
    published_at: datetime | None


def page_versions(page, request):
    """{language code: Version} of the live public versions of ``page`` in each language, itself
    included; an alias (the copy Wagtail makes of an untranslated parent) holds the content of its
    source. Cached until a page or a view restriction changes."""

    def build():
        versions = list(
            Page.objects.filter(translation_key=page.translation_key)
            .select_related("locale")
            .only(*VERSION_FIELDS, "locale__language_code")
        )
        languages = {version.pk: version.locale.language_code for version in versions}
        visible = visible_page_ids(versions)
        return {
            version.locale.language_code: Version(
                version.pk,
                version.get_url(request),
                version.get_full_url(request),
                languages.get(version.alias_of_id, version.locale.language_code),
                version.last_published_at,
            )
            for version in versions
            if version.pk in visible
        }

    return until_pages_change(f"translations:{page.translation_key}", build)


def _in_language(url, language, other_language):
    """``url`` (a URL of ``language``) under ``other_language``'s prefix: it resolves only in its own."""
    with translation.override(language):
        return translate_url(url, other_language)


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The languages of what is shown. ``links``: each language with the URL of this page in it,
    ``translated`` when the page exists in that language (otherwise the link leads to this page under
    that language's interface); ``alternates``: the absolute URLs of its real translations (hreflang);
    ``content_language``: the language its content is written in; ``untranslated``: the content is
    not in the interface's language; ``behind_since``: when the French page was published again after
    this translation (None when it was not)."""
    request = context.get("request")
    page = context.get("page")
    active = translation.get_language()
    if request is None:
        return {"links": [], "alternates": [], "content_language": active, "untranslated": False, "behind_since": None}
    if isinstance(page, Page) and page.pk:
        versions = page_versions(page, request)
        own = next((version for version in versions.values() if version.pk == page.pk), None)
        if own is None:  # a page the public may not see (a password-protected one)
            language = page.locale.language_code
            url = request.path
            own = Version(page.pk, url, request.build_absolute_uri(url), language, page.last_published_at)
            versions = {language: own}
        content_language = own.content_language
        links = [
            {"code": code, "url": versions[code].url, "translated": versions[code].content_language == code}
            if code in versions
            else {"code": code, "url": _in_language(own.url, content_language, code), "translated": False}
            for code, _name in settings.LANGUAGES
        ]
        # hreflang: the real translations only (not an alias, which holds another language).
        translated = {code: version.full_url for code, version in versions.items() if version.content_language == code}
        # A translation published before its French page's last publication may lag behind it.
        source = versions.get(settings.LANGUAGE_CODE)
        behind_since = None
        if source and content_language != source.content_language and _later(source.published_at, own.published_at):
            behind_since = source.published_at
        alternates = []
        if len(translated) > 1:
            alternates = [{"code": code, "url": full_url} for code, full_url in translated.items()]
            if settings.LANGUAGE_CODE in translated:
                alternates.append({"code": "x-default", "url": translated[settings.LANGUAGE_CODE]})
    else:
        # A view that is not a page (search, themes): the same view in each language's interface.
        content_language = active
        behind_since = None
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
        "behind_since": behind_since,
    }


def _later(date, other):
    return date is not None and (other is None or date > other)
