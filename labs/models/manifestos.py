from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.fields import optional_link
from home.listings import card_listing
from home.models import ContentPage, SectionIndexPage, visible_page_ids


class ManifestoIndexPage(SectionIndexPage):
    """The manifestos of the network."""

    subpage_types = ["labs.ManifestoPage"]
    listing_name = "manifestos"

    class Meta:
        verbose_name = _("manifesto index")
        verbose_name_plural = _("manifesto indexes")

    def manifestos(self):
        """The live manifestos, newest first."""
        return card_listing(ManifestoPage.objects.child_of(self)).order_by("-published_on", "title")


class ManifestoPage(ContentPage):
    """A manifesto: its text, version and the labs that signed it."""

    published_on = models.DateField(_("date"), null=True, blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("text"))
    pdf = optional_link("wagtaildocs.Document", _("PDF version"))

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("version")]),
        FieldPanel("body"),
        FieldPanel("pdf"),
        InlinePanel("signatories", label=_("Signatory labs")),
        *ContentPage.taxonomy_panels,
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("body")]

    parent_page_types = ["labs.ManifestoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("manifesto")
        verbose_name_plural = _("manifestos")

    def card_details(self):
        """The line under a manifesto's summary in listings: the day it was published."""
        return date_format(self.published_on, "DATE_FORMAT") if self.published_on else ""

    def signatory_labs(self):
        """The signatures of live labs, in the editor's order."""
        signatures = list(self.signatories.select_related("lab"))
        visible = visible_page_ids(signature.lab for signature in signatures)
        return [signature for signature in signatures if signature.lab_id in visible]


class ManifestoSignatory(Orderable):
    manifesto = ParentalKey(ManifestoPage, on_delete=models.CASCADE, related_name="signatories")
    lab = models.ForeignKey("labs.LabPage", verbose_name=_("lab"), on_delete=models.CASCADE, related_name="signatures")
    signed_on = models.DateField(_("signing date"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("lab"), FieldPanel("signed_on")])]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory lab")
        verbose_name_plural = _("signatory labs")
