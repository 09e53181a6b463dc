"""PostgreSQL only: pg_trgm and a trigram index on the vocabulary, for spelling corrections.

SQLite compares trigrams in Python over the cached vocabulary (``search/spelling.py``)."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS search_indexedword_trigrams ON search_indexedword USING gin (word gin_trgm_ops);
"""
DROP = "DROP INDEX IF EXISTS search_indexedword_trigrams;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonyms_and_vocabulary")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
