from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What communicators set once for the whole site: contact address, footer text and links.
    (The header's sections are the home page's children marked "show in menus", in tree order.)"""

    contact_email = models.EmailField(_("contact email"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)
    footer_links = StreamField(
        [("page", PageChooserBlock(label=_("Page")))],
        verbose_name=_("footer links"),
        blank=True,
        help_text=_("The pages linked at the foot of every page (legal notice, accessibility…), in this order."),
    )

    panels = [FieldPanel("contact_email"), FieldPanel("footer_text"), FieldPanel("footer_links")]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
