"""Model fields shared by the page types."""

from django.db import models
from wagtail.fields import RichTextField

from home.blocks import RICH_TEXT_FEATURES


def optional_rich_text(verbose_name, help_text=""):
    """A rich-text field that may stay empty, with the portal's editor features."""
    return RichTextField(verbose_name, features=RICH_TEXT_FEATURES, blank=True, help_text=help_text)


def optional_link(to, verbose_name, related_name="+", help_text=""):
    """A link to another object (a model reference, "app.Model") that may stay empty and is
    emptied when that object is deleted."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )


def optional_image(verbose_name, help_text=""):
    return optional_link("wagtailimages.Image", verbose_name, help_text=help_text)
