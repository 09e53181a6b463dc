from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoProvenance(models.Model):
    """Where a demo page, or one of its fields, comes from: the seed report states it, or the project
    invented it to illustrate the portal. Kept outside the content models so that a real deployment
    that replaces the demo carries no trace of it."""

    class Source(models.TextChoices):
        SEED = "seed", _("Stated by the seed report")
        ILLUSTRATIVE = "illustrative", _("Invented for illustration")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="demo_provenance"
    )
    field = models.CharField(_("field"), max_length=64, blank=True, help_text=_("Blank: the page as a whole."))
    provenance = models.CharField(_("provenance"), max_length=12, choices=Source.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("demo provenance")
        verbose_name_plural = _("demo provenances")
        constraints = [models.UniqueConstraint(fields=["page", "field"], name="demo_provenance_unique_field")]

    def __str__(self):
        return f"{self.page_id} {self.field or '*'}: {self.provenance}"
