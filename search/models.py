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
        # Elasticsearch filters on it (search/external.py); the database backends ignore it.
        index.FilterField("id"),
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


class Synonym(models.Model):
    """Words or expressions that mean the same for search: a query with one finds the others."""

    terms = models.CharField(
        _("equivalent terms"),
        max_length=255,
        unique=True,
        help_text=_("Separated by commas, for example: brainstorming, idéation, remue-méninges."),
    )
    is_demo = models.BooleanField(
        _("demo entry"), default=False, help_text=_("Created with the portal as an example; edit or delete it freely.")
    )

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return self.terms

    def phrases(self):
        """The equivalent terms, each as its tuple of words."""
        from .text import query_terms

        return [tuple(query_terms(term)) for term in self.terms.split(",") if query_terms(term)]

    def clean(self):
        from django.core.exceptions import ValidationError

        if len(self.phrases()) < 2:
            raise ValidationError({"terms": _("Give at least two terms, separated by commas.")})


class IndexedWord(models.Model):
    """A word of the indexed text, without accents, lower case: the vocabulary that spelling
    corrections are drawn from."""

    word = models.CharField(_("word"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self):
        return self.word
