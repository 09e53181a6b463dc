from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class DocumentText(index.Indexed, models.Model):
    """The text extracted from a document's file, so that search finds what a PDF says."""

    document = models.OneToOneField(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="extracted_text"
    )
    text = models.TextField(_("extracted text"), blank=True)
    file_hash = models.CharField(_("hash of the extracted file"), max_length=40, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("text"),
    ]

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.document.title

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().select_related("document")


class QueryDay(models.Model):
    """How often a query was searched on one day, and how often it found nothing."""

    query_string = models.CharField(_("query"), max_length=255)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)
    no_result_hits = models.PositiveIntegerField(_("searches without result"), default=0)

    class Meta:
        verbose_name = _("daily query count")
        verbose_name_plural = _("daily query counts")
        constraints = [models.UniqueConstraint(fields=["query_string", "date"], name="search_queryday_unique")]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.query_string} ({self.date})"
