"""The GIN index over case pages' search vectors, on PostgreSQL only (SQLite searches through
Wagtail's database backend and has no such index type)."""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS cases_casepage_search_vector_gin "
            "ON cases_casepage USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS cases_casepage_search_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_case_library_pages_submissions_digest")]

    operations = [migrations.RunPython(create_index, drop_index)]
