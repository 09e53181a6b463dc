"""English translations of test pages, made as an editor makes them: Wagtail's
``copy_for_translation`` (what ``wagtail.contrib.simple_translation`` calls), then published."""

from wagtail.models import Locale


def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, language="en", **changes):
    """The page's published translation (its parents translated first when they are not), with
    ``changes`` (an English title, summary...) applied before publishing."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    parent = page.get_parent().specific
    if not parent.is_root() and not parent.has_translation(locale):
        translate(parent, language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.specific.copy_for_translation(locale)
    # Read again, as the edit view does: the copy's links were pointed to the translations after it.
    translation = type(copy.specific).objects.get(pk=copy.pk)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
