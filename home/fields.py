"""Model fields shared by the page types."""

from wagtail.fields import RichTextField

from home.blocks import RICH_TEXT_FEATURES


def optional_rich_text(verbose_name, help_text=""):
    """A rich-text field that may stay empty, with the portal's editor features."""
    return RichTextField(verbose_name, features=RICH_TEXT_FEATURES, blank=True, help_text=help_text)
