from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicSubmission(models.Model):
    """Who sent something through a public form (home/suggestions.py): kept apart from the public object,
    which the subclass names in ``submitted_object_field``."""

    submitted_object_field = ""

    contact_email = models.EmailField(_("contact email"))
    consented_at = models.DateTimeField(_("consent given at"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-submitted_at"]
