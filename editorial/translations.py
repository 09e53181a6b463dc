"""Translations that lag behind their French page: an English version published before the last
publication of its French source is out of date. Editors see it on the page's edit view (a message
naming the French page) and in the explorer (a button on the row); visitors on the page itself.

And the "Translate" form of simple_translation, which refuses a language the parent page lacks."""

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.widgets import ListingButton
from wagtail.contrib.simple_translation import views as simple_translation_views
from wagtail.contrib.simple_translation.forms import SubmitTranslationForm
from wagtail.models import Locale, Page

from home.translation_links import link_the_translations, links_with_a_version_now


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


def links_to_choose_again(page):
    """The edit view's warnings for links to pages of another language that have a version in the
    page's now (translated after this page was): one per linked page."""
    return [
        _("This page links to “%(linked)s”, which now has a version in its language: “%(version)s”. Choose it.")
        % {"linked": linked.title, "version": version.title}
        for linked, version in links_with_a_version_now(page.get_latest_revision_as_object())
    ]


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


class TranslationForm(SubmitTranslationForm):
    """simple_translation's form, refusing a language whose parent page has no version in it: the
    form only greys that checkbox out, and a hand-made POST reached Wagtail's copy, which raises
    ``ParentNotTranslatedError`` (a 500). The page is shown again with the choice and a message."""

    def __init__(self, instance, *args, **kwargs):
        self.page = instance
        super().__init__(instance, *args, **kwargs)

    def clean_locales(self):
        locales = self.cleaned_data["locales"]
        greyed_out = set(self.fields["locales"].widget.disabled_values)
        refused = [locale for locale in locales if locale.pk in greyed_out]
        if refused:
            raise ValidationError(
                _("%(languages)s: translate the parent page “%(parent)s” into this language first.")
                % {
                    "languages": ", ".join(str(locale.get_display_name()) for locale in refused),
                    "parent": self.page.get_parent().get_admin_display_title(),
                },
                code="parent_not_translated",
            )
        return locales


class SubmitPageTranslationView(simple_translation_views.SubmitPageTranslationView):
    """simple_translation's "Translate" view with ``TranslationForm`` (served at its URL by
    editorial/admin_urls.py); a subtree translated links its pages to each other's translations."""

    def get_form(self):
        if self.request.method == "POST":
            return TranslationForm(self.object, self.request.POST)
        return TranslationForm(self.object)

    def post(self, request, **kwargs):
        subtree = bool(request.POST.get("include_subtree")) and self.object.get_descendants().exists()
        before = set(self._subtree_translations().values_list("pk", flat=True)) if subtree else set()
        response = super().post(request, **kwargs)
        if subtree and response.status_code == 302:
            # Each page was copied before the pages after it in the tree: its links to them are
            # pointed to their translations now that they all exist (they are fresh drafts).
            for page in self._subtree_translations().exclude(pk__in=before).specific():
                link_the_translations(page)
        return response

    def _subtree_translations(self):
        keys = self.object.get_descendants().values("translation_key")
        return Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).exclude(
            locale_id=self.object.locale_id
        )
