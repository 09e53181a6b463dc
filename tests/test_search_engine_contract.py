"""What the portal's search reads of modelsearch beyond its public API (listed in the README,
Search › Private APIs): a modelsearch upgrade that changes it fails here, not on the site."""

import ast
import hashlib
import importlib.util
import pathlib

import pytest
from django.db import connection
from modelsearch.conf import get_app_config

# search/sqlite.py's FrenchSQLiteIndex.add_items is this method with French-stemmed text and the
# vocabulary added: when upstream changes it, compare and port the change, then update the hash.
UPSTREAM_ADD_ITEMS_SHA256 = "6e4d599997a4aa05027c06df1d5ebc812d47f3956cb85c3613788c7cde4510ea"


def upstream_method_source(module, class_name, method_name):
    """A method's source as written in the installed module (read, not imported: the SQLite
    module cannot be imported on PostgreSQL)."""
    path = pathlib.Path(importlib.util.find_spec(module).origin)
    text = path.read_text()
    cls = next(n for n in ast.parse(text).body if isinstance(n, ast.ClassDef) and n.name == class_name)
    method = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == method_name)
    return "".join(text.splitlines(keepends=True)[method.lineno - 1 : method.end_lineno])


def test_the_copied_sqlite_add_items_matches_upstream():
    source = upstream_method_source("modelsearch.backends.database.sqlite.sqlite", "SQLiteIndex", "add_items")
    assert hashlib.sha256(source.encode()).hexdigest() == UPSTREAM_ADD_ITEMS_SHA256, source


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backend's hooks")
def test_the_hooks_the_sqlite_backend_overrides_still_exist():
    from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer, SQLiteIndex, SQLiteSearchQueryCompiler

    assert callable(SQLiteIndex._refresh_title_norms)
    assert callable(SQLiteSearchQueryCompiler.build_search_query_content)
    for name in ("title", "body", "autocomplete", "id"):
        assert hasattr(ObjectIndexer, name), name


def test_the_hooks_the_postgresql_backend_overrides_still_exist():
    from modelsearch.backends.database.postgres.postgres import (
        ObjectIndexer,
        PostgresIndex,
        PostgresSearchQueryCompiler,
    )

    assert callable(PostgresSearchQueryCompiler.build_tsquery_content) and callable(PostgresIndex.add_items)
    assert hasattr(ObjectIndexer, "title_text") and hasattr(ObjectIndexer, "body_text")


@pytest.mark.django_db
def test_the_index_tables_and_columns_the_statement_reads():
    entries = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        columns = {c.name for c in connection.introspection.get_table_description(cursor, entries)}
        expected = {"id", "content_type_id", "object_id", "title", "autocomplete", "body", "title_norm"}
        if connection.vendor == "postgresql":
            # The plain text search/postgres.py reads for the vocabulary.
            expected |= {"title_text", "body_text"}
        assert expected <= columns, columns
        if connection.vendor == "sqlite":
            fts = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
            # bm25() weights the FTS5 columns by position (search/engine.py, TextMatch.ranked_entries).
            cursor.execute(f"PRAGMA table_info({fts})")
            assert [row[1] for row in cursor.fetchall()] == ["autocomplete", "body", "title"]
