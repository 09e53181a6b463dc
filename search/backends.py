"""Wagtail's database search backend made French-aware on both databases.

PostgreSQL: the ``french_unaccent`` text search configuration (migration
``search/0002``) stems French and ignores accents; queries match stem prefixes so that
"prototyper" (stem ``prototyp``) finds "prototypage" (stem ``prototypag``).
SQLite: FTS5 has no French stemmer, so the index stores a French-stemmed, accent-folded
copy of the title and body, and queries are stemmed the same way (``search/sqlite.py``).
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from .text import DEFAULT_LANGUAGE, known_language


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up)
    """The French-aware variant of the database backend for the current database."""
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import FrenchSQLiteSearchBackend

        # SQLite has one writer: an atomic rebuild would lock the site for its whole length,
        # so update_index updates entries in place and the site keeps serving.
        return FrenchSQLiteSearchBackend({"ATOMIC_REBUILD": False, **params})
    if connection.vendor == "postgresql":
        from .postgres import FrenchPostgresSearchBackend

        return FrenchPostgresSearchBackend(params)
    return backend


def locale_languages(objs):
    """{locale id: language code} for objects about to be indexed (one query, none for objects
    without a locale such as documents' text)."""
    from wagtail.models import Locale

    if not any(getattr(obj, "locale_id", None) for obj in objs):
        return {}
    return dict(Locale.objects.values_list("pk", "language_code"))


def object_language(obj, languages):
    """The language an object is written in, for its stems: its locale's (a page), else French."""
    return known_language(languages.get(getattr(obj, "locale_id", None), DEFAULT_LANGUAGE))
