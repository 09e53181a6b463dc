"""Translations that lag behind their French page: an English version published before the last
publication of its French source is out of date. Editors see it on the page's edit view (a message
naming the French page) and in the explorer (a button on the row); visitors on the page itself."""

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page


def source_published_at(pages):
    """``pages`` annotated with ``source_published_at``: when their default-language version was
    last published (None for a page in the default language), in the same query."""
    default_locale = Locale.get_default()
    sources = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=default_locale).exclude(
        locale=OuterRef("locale")
    )
    return pages.annotate(source_published_at=Subquery(sources.values("last_published_at")[:1]))


def is_out_of_date(page, source_published=None):
    """Whether ``page`` (a translation) was last published before its source's last publication;
    ``source_published``: that date when already read (the explorer's annotation)."""
    if source_published is None:
        source = source_of(page)
        source_published = source.last_published_at if source is not None else None
    return bool(source_published and (page.last_published_at is None or page.last_published_at < source_published))


def source_of(page):
    """The default-language version of a translated page (None for a page in the default language)."""
    default_locale = Locale.get_default()
    if page.locale_id == default_locale.pk:
        return None
    return page.get_translation_or_none(default_locale)


def out_of_date_message(page):
    """The edit view's warning for an out-of-date translation, or None."""
    source = source_of(page)
    if source is None or not is_out_of_date(page, source.last_published_at):
        return None
    published = formats.date_format(timezone.localtime(source.last_published_at), "SHORT_DATETIME_FORMAT")
    return _(
        "This translation is out of date: its French page “%(title)s” was published again on %(date)s, after it."
    ) % {"title": source.title, "date": published}


def out_of_date_button(page):
    """The explorer row's button for an out-of-date translation (to the French page's history)."""
    if not hasattr(page, "source_published_at") or not is_out_of_date(page, page.source_published_at):
        return None
    source = source_of(page)
    return ListingButton(
        _("Translation out of date"),
        url=reverse("wagtailadmin_pages:history", args=[source.pk]),
        icon_name="warning",
        attrs={"title": _("The French page was published again after this translation")},
        priority=5,
    )
