from django.db import migrations


def create_locales(apps, schema_editor):
    """French (the default, which Wagtail created and every existing page keeps) and English."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for language_code in ("fr", "en"):
        Locale.objects.get_or_create(language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_site_settings_footer_links"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
