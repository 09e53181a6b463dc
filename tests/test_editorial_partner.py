"""A partner lab is ready on day one: a welcome e-mail with the login and the three links; the
lab page that waits for a communicator is said so on both dashboards."""

import io
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from labs.models import LabPage
from tests.editorial import form_data, text_of


def test_new_partner_editor_gets_a_welcome_email_then_a_dashboard_that_says_what_waits(client, world):
    mail.outbox.clear()
    call_command("add_partner_lab", "La 27e Région", "--email", "Editrice@27eregion.example.org", stdout=io.StringIO())
    lab = LabPage.objects.get(title="La 27e Région")

    (welcome,) = mail.outbox
    assert welcome.to == ["editrice@27eregion.example.org"]
    assert welcome.subject == "Bienvenue sur Entrelabs : votre accès pour La 27e Région"
    assert "Votre identifiant est votre adresse e-mail : editrice@27eregion.example.org" in welcome.body
    assert re.search(r"http://testserver/admin/password_reset/confirm/\S+/\S+/", welcome.body)
    add_method = f"/admin/pages/add/methods/methodpage/{world.method_index.pk}/"
    assert f"Rédiger une fiche méthode : http://testserver{add_method}" in welcome.body
    assert f"Ajouter un projet : http://testserver/admin/pages/add/labs/projectpage/{lab.pk}/" in welcome.body
    assert f"Compléter la page de votre lab : http://testserver/admin/pages/{lab.pk}/edit/" in welcome.body
    assert "La page de votre lab n’est pas encore publiée" in welcome.body

    # A second run sends nothing more once the editor has a password.
    editor = get_user_model().objects.get(email="editrice@27eregion.example.org")
    editor.set_password("Un-mot-de-passe-solide-42")
    editor.save()
    call_command("add_partner_lab", "La 27e Région", "--email", "editrice@27eregion.example.org", stdout=io.StringIO())
    assert len(mail.outbox) == 1

    client.force_login(editor)
    assert "La page de La 27e Région n’est pas encore publiée : un communicant la publiera" in text_of(
        client.get("/admin/")
    )
    client.force_login(world.communicator)
    communicator_dashboard = text_of(client.get("/admin/"))
    assert "Labs partenaires dont la page n’est pas encore publiée La 27e Région" in communicator_dashboard


def test_a_partner_edits_the_english_version_of_their_lab_and_not_another_labs(client, world):
    """The translation of a lab page gives its partner group the rights it has on the French page:
    when the translation is made, and through the migration for those made before."""
    import importlib

    from django.apps import apps
    from wagtail.models import GroupPagePermission, Page

    from tests.translations import translate

    english_a, english_b = translate(world.lab_a, title="Alpha Lab"), translate(world.lab_b, title="Beta Lab")
    client.force_login(world.editor_a)

    def edit(page):
        url = f"/admin/pages/{page.pk}/edit/"
        response = client.get(url)
        data = form_data(response.content, "page-edit-form") if response.status_code == 200 else {}
        data["title"] = f"{page.title} (edited)"
        return response, client.post(url, data)

    shown, saved = edit(english_a)
    assert shown.status_code == 200 and saved.status_code == 302
    assert Page.objects.get(pk=english_a.pk).get_latest_revision_as_object().title == "Alpha Lab (edited)"
    assert Page.objects.get(pk=english_a.pk).title == "Alpha Lab"  # a draft, for review: never published
    shown, saved = edit(english_b)
    assert (shown.status_code, shown["Location"]) == (302, "/admin/")
    assert Page.objects.get(pk=english_b.pk).get_latest_revision_as_object().title == "Beta Lab"

    # A translation made before the partner rights followed translations: the migration grants them.
    def rights(page):
        return set(GroupPagePermission.objects.filter(page=page).values_list("group__name", "permission__codename"))

    french_rights = rights(world.lab_a)
    assert rights(english_a) == french_rights
    GroupPagePermission.objects.filter(page=english_a).delete()
    migration = importlib.import_module("editorial.migrations.0006_partner_groups_on_lab_translations")
    migration.grant_on_lab_translations(apps, None)
    assert rights(english_a) == french_rights and len(french_rights) == 2
