"""Password rules beyond Django's: not the site's name, not a handful of repeated characters."""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _folded(text):
    """Lower case, accents removed, letters and digits only: "Entre-Labs" -> "entrelabs"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", text)


class SiteNameValidator:
    """Refuse a password built on the site's name (WAGTAIL_SITE_NAME), the first word an
    attacker tries: "entrelabs", "Entrelabs2026", "ENTRE-LABS!"."""

    def validate(self, password, user=None):
        name = _folded(settings.WAGTAIL_SITE_NAME)
        if name and name in _folded(password):
            raise ValidationError(
                _("This password contains the site's name (%(name)s)."),
                code="password_contains_site_name",
                params={"name": settings.WAGTAIL_SITE_NAME},
            )

    def get_help_text(self):
        return _("Your password cannot contain the site's name (%(name)s).") % {"name": settings.WAGTAIL_SITE_NAME}


class DistinctCharactersValidator:
    """Refuse a password made of few different characters ("aaaaaaaaaaaa", "abababababab")."""

    def __init__(self, min_distinct=6):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        if len(set(password)) < self.min_distinct:
            raise ValidationError(
                _("This password repeats the same few characters: use at least %(min)d different characters."),
                code="password_too_repetitive",
                params={"min": self.min_distinct},
            )

    def get_help_text(self):
        return _("Your password must contain at least %(min)d different characters.") % {"min": self.min_distinct}
