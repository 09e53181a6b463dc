"""The editor's path in a real browser, in the French Wagtail admin.

A partner lab editor writes a method card (steps, a worksheet) and submits it to the "Relecture"
workflow; a communicator requests changes with a comment; the editor reads the comment, edits and
resubmits; the communicator approves; an anonymous visitor finds the method through search.
A screenshot of every step is kept, and written to test-artifacts/editor-path/ when the test fails.
"""

import importlib
import re
import time

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, DESKTOP, ensure_site_root
from tests.factories import LabIndexPageFactory, LabPageFactory, MethodIndexPageFactory

pytestmark = pytest.mark.browser
expect.set_options(timeout=20_000)  # the machine may be busy: 2 cores for the whole suite

PASSWORD = "un mot de passe pour les tests"
TITLE = "Cartographie des irritants"
COMMENT = "Merci d'ajouter le public visé dans le résumé."


@pytest.fixture(scope="module")
def editorial_site(live_site):
    """The roles and workflows of a fresh `migrate`, a partner lab with its editor, a communicator."""
    from wagtail_factories import DocumentFactory

    from demo.pdf import worksheet_pdf
    from editorial.partners import COMMUNICATORS, ensure_editor_account, ensure_partner_group

    home = ensure_site_root()
    # The database was flushed by earlier transactional tests: replay the roles data migration.
    roles = importlib.import_module("editorial.migrations.0001_editorial_roles_and_workflow")
    roles.create_roles_and_workflows(apps, None)

    lab_index = LabIndexPageFactory(parent=home)
    lab = LabPageFactory(parent=lab_index, title="Lab Alpha", slug="lab-alpha")
    method_index = MethodIndexPageFactory(parent=home)
    for page in (lab_index, lab, method_index):
        page.save_revision().publish()
    partner = ensure_partner_group(lab)
    editor, _ = ensure_editor_account(partner.group, "alice@lab-alpha.example.org")
    editor.first_name, editor.last_name = "Alice", "Martin"
    editor.set_password(PASSWORD)
    editor.save()
    communicator = get_user_model().objects.create_user(
        "camille", "camille@example.org", PASSWORD, first_name="Camille", last_name="Durand"
    )
    communicator.groups.add(Group.objects.get(name=COMMUNICATORS))
    TOTPDevice.objects.create(user=communicator, name="Téléphone", confirmed=True)
    worksheet = DocumentFactory(
        title="Grille des irritants",
        collection=partner.collection,
        file__filename="grille-des-irritants.pdf",
        file__data=worksheet_pdf("Grille des irritants", "Lab Alpha", [("Irritants", ["Attente"])], "CC BY-SA"),
    )
    # Communicators must sign in with a second factor, as in production (partner editors need not).
    two_factor = override_settings(REQUIRE_2FA_FOR_STAFF=True)
    two_factor.enable()
    yield {
        "base_url": live_site.url,
        "method_index": method_index,
        "editor": editor,
        "communicator": communicator,
        "worksheet": worksheet,
    }
    two_factor.disable()


def next_totp_code(device):
    """The code the app shows now, or the next one when this one already served (a second
    sign-in within 30 seconds); django-otp accepts one step ahead."""
    device.refresh_from_db()
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    return f"{hotp(device.bin_key, max(now, device.last_t + 1), digits=device.digits):06d}"


class Steps:
    """Screenshots of each step, written out only when the test fails."""

    def __init__(self):
        self.shots = []

    def shoot(self, tab, name):
        self.shots.append((name, tab.screenshot(full_page=True)))

    def save(self, folder):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.png"):
            old.unlink()
        for number, (name, png) in enumerate(self.shots, start=1):
            (folder / f"{number:02d}-{name}.png").write_bytes(png)


@pytest.fixture
def steps(request):
    recorder = Steps()
    yield recorder
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        recorder.save(ARTIFACTS / "editor-path")


def track_requests(tab):
    tab.in_flight = set()
    tab.on("request", lambda request: tab.in_flight.add(request))
    tab.on("requestfinished", lambda request: tab.in_flight.discard(request))
    tab.on("requestfailed", lambda request: tab.in_flight.discard(request))
    return tab


@pytest.fixture
def log_in(chromium, editorial_site, steps):
    """Open a browser of its own for a user and sign them in to the admin."""
    contexts = []

    def sign_in(user):
        context = chromium.new_context(viewport=DESKTOP, locale="fr-FR")
        contexts.append(context)
        tab = track_requests(context.new_page())
        tab.goto(f"{editorial_site['base_url']}/admin/login/")
        tab.locator("#id_username").fill(user.username)
        tab.locator("#id_password").fill(PASSWORD)
        steps.shoot(tab, f"login-{user.first_name.lower()}")
        tab.locator("form button[type=submit]").click()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            # The communicator's role requires a second factor: the code of their TOTP app.
            expect(tab).to_have_url(re.compile(r"/admin/2fa/verify/"))
            tab.locator("#id_code").fill(next_totp_code(device))
            steps.shoot(tab, f"code-{user.first_name.lower()}")
            tab.locator("form button[type=submit]").click()
        expect(tab).to_have_url(f"{editorial_site['base_url']}/admin/")
        return tab

    def anonymous():
        context = chromium.new_context(viewport=DESKTOP, locale="fr-FR")
        contexts.append(context)
        return context.new_page()

    sign_in.anonymous = anonymous
    yield sign_in
    for context in contexts:
        context.close()


def settle(tab):
    """Wait until the admin's background requests (autosave, editing-session pings) are done.

    Wagtail 8 autosaves the edit and create forms 500 ms after a change: a click on "Submit" while an
    autosave is on its way would race it.
    """
    tab.wait_for_timeout(1000)
    for _ in range(300):
        if not tab.in_flight:
            return
        tab.wait_for_timeout(100)
    raise AssertionError(f"requests still running: {[request.url for request in tab.in_flight]}")


def open_review_action(tab, title, action):
    """On the communicator's dashboard, open a review action ("Approuver"...) of the page awaiting review."""
    row = tab.locator("tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name=action, exact=True).click()


def test_editor_writes_a_method_that_a_communicator_reviews_and_publishes(editorial_site, log_in, steps, settings):
    # Wagtail 8's background autosave can race the "Submit" click on the create form (the page is
    # then created twice over); the path under test is the review workflow, so keep it deterministic.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    from methods.models import MethodPage

    base_url = editorial_site["base_url"]

    # The partner editor writes the method card, with a step and a worksheet, and submits it.
    editor = log_in(editorial_site["editor"])
    editor.goto(f"{base_url}/admin/pages/add/methods/methodpage/{editorial_site['method_index'].pk}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_summary").fill("Repérer ce qui gêne les usagers dans une démarche.")
    editor.locator("#id_phase").select_option("discover")
    editor.locator("#id_duration").select_option("half_day")
    steps_panel = editor.locator("[id$=-steps-section]")
    steps_panel.get_by_title("Ajouter une étape").click()
    editor.locator("#steps-0-value-title").fill("Lister les démarches")
    steps_panel.locator("[contenteditable=true]").first.fill("Noter chaque étape du parcours de l'usager.")
    editor.locator("#id_worksheets-ADD").click()
    editor.locator("#id_worksheets-0-document-chooser").get_by_role("button").first.click()
    editor.locator(".modal-dialog").get_by_role("link", name="Grille des irritants").click()
    expect(editor.locator("#id_worksheets-0-document-title")).to_have_text("Grille des irritants")
    expect(editor.locator(".modal")).to_have_count(0)
    settle(editor)
    steps.shoot(editor, "editor-writes-the-method")
    editor.get_by_role("button", name="Envoyer en relecture").click()
    expect(editor.locator(".messages")).to_contain_text("soumise pour modération")
    steps.shoot(editor, "editor-submitted")
    method = MethodPage.objects.get(title=TITLE)
    assert not method.live
    assert method.steps[0].value["title"] == "Lister les démarches"
    assert [w.document.title for w in method.worksheets.all()] == ["Grille des irritants"]

    # The communicator finds it on their dashboard and requests changes with a comment.
    communicator = log_in(editorial_site["communicator"])
    expect(communicator.get_by_role("row", name=re.compile(TITLE))).to_be_visible()
    open_review_action(communicator, TITLE, "Demander des modifications")
    dialog = communicator.locator(".modal-dialog")
    dialog.locator("#id_comment").fill(COMMENT)
    steps.shoot(communicator, "communicator-requests-changes")
    dialog.locator("button[type=submit]").click()
    expect(communicator.get_by_role("row", name=re.compile(TITLE))).to_have_count(0)

    # The editor reads the comment at the top of the edit page, edits and resubmits.
    editor.goto(f"{base_url}/admin/pages/{method.pk}/edit/")
    expect(editor.locator(".messages")).to_contain_text("a demandé des modifications le")
    expect(editor.locator(".messages")).to_contain_text(COMMENT)
    steps.shoot(editor, "editor-reads-the-comment")
    editor.locator("#id_summary").fill("Repérer ce qui gêne les usagers (agents d'accueil, publics éloignés).")
    settle(editor)
    editor.get_by_role("button", name="Renvoyer en relecture").click()
    expect(editor.locator(".messages")).to_contain_text(TITLE)
    steps.shoot(editor, "editor-resubmitted")

    # The communicator approves: the method is published.
    communicator.goto(f"{base_url}/admin/")
    open_review_action(communicator, TITLE, "Approuver")
    expect(communicator.get_by_role("row", name=re.compile(TITLE))).to_have_count(0)
    steps.shoot(communicator, "communicator-approved")
    method.refresh_from_db()
    assert method.live and "publics éloignés" in method.summary

    # An anonymous visitor finds it through the search box.
    visitor = log_in.anonymous()
    visitor.goto(f"{base_url}/")
    visitor.locator("header form[action='/recherche/'] input[name=q]").fill("irritants")
    visitor.locator("header form[action='/recherche/'] input[name=q]").press("Enter")
    expect(visitor).to_have_url(re.compile(r"/recherche/\?q=irritants"))
    steps.shoot(visitor, "visitor-searches")
    visitor.get_by_role("link", name=TITLE).first.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text("Lister les démarches")).to_be_visible()
    expect(visitor.get_by_role("link", name=re.compile("Grille des irritants"))).to_be_visible()
    steps.shoot(visitor, "visitor-reads-the-method")


class Counted:
    """A tab whose clicks (a click, a choice in a list, a file picked) and page loads are counted."""

    def __init__(self, tab):
        self.tab, self.clicks, self.loads = tab, 0, 0
        tab.on("load", self._loaded)

    def _loaded(self, _):
        self.loads += 1

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def choose(self, locator, value):
        self.clicks += 1
        locator.select_option(value)

    def pick_file(self, locator, file):
        self.clicks += 1  # the button that opens the file dialog, and the file chosen in it
        locator.set_input_files(file)


PATH_CARD = {
    "title": "Entretiens croisés",
    "summary": "Faire parler deux services d'un même parcours d'usager, l'un après l'autre.",
    "steps": [
        ("Choisir le parcours", "Retenir un parcours d'usager qui traverse deux services."),
        ("Inviter les services", "Réunir un agent de chaque service pendant une heure."),
        ("Croiser les récits", "Chacun raconte le parcours de son côté ; l'autre note les écarts."),
        ("Lister les irritants", "Classer les écarts par gêne pour l'usager et choisir les trois premiers."),
    ],
    "tags": ["entretiens", "parcours usager", "accueil"],
}
MAX_CLICKS = 12  # the target is 15; 12 since the worksheet is uploaded in its row


def test_editor_path_from_login_to_submitted_is_counted(
    editorial_site, log_in, steps, settings, chromium, report_figure
):
    """A partner editor's path for a short method card (4 steps, a PDF worksheet, a theme, 3 tags),
    from the login page to "submitted", in clicks besides typing and page loads; printed for the README."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # see the test above: the count does not depend on it
    from demo.pdf import worksheet_pdf
    from home.models import Theme
    from methods.models import MethodPage

    theme, _ = Theme.objects.get_or_create(slug="relation-usagers", defaults={"name": "Relation aux usagers"})
    base_url = editorial_site["base_url"]
    context = chromium.new_context(viewport=DESKTOP, locale="fr-FR")
    tab = track_requests(context.new_page())
    path = Counted(tab)
    started = time.perf_counter()
    try:
        tab.goto(f"{base_url}/admin/login/")
        tab.locator("#id_username").fill(editorial_site["editor"].username)
        tab.locator("#id_password").fill(PASSWORD)
        path.click(tab.get_by_role("button", name="Se connecter"))
        path.click(tab.get_by_role("link", name="Rédiger une fiche méthode"))
        expect(tab).to_have_url(re.compile(r"/admin/pages/add/methods/methodpage/"))
        tab.locator("#id_title").fill(PATH_CARD["title"])
        tab.locator("#id_summary").fill(PATH_CARD["summary"])
        path.choose(tab.locator("#id_phase"), "discover")
        path.choose(tab.locator("#id_duration"), "hours")
        steps_panel = tab.locator("[id$=-steps-section]")
        for number, (title, text) in enumerate(PATH_CARD["steps"]):
            path.click(steps_panel.get_by_title("Ajouter une étape").last)
            tab.locator(f"#steps-{number}-value-title").fill(title)
            steps_panel.locator("[contenteditable=true]").nth(number).fill(text)
        path.click(tab.locator("#id_worksheets-ADD"))
        # The PDF is picked in the row itself: no chooser pop-up (home.panels.DocumentRowsInlinePanel).
        pdf = worksheet_pdf("Grille des entretiens croisés", "Lab Alpha", [("Écarts", ["Délai"])], "CC BY-SA")
        path.pick_file(
            tab.locator("#id_worksheets-0-upload"),
            {"name": "grille-entretiens-croises.pdf", "mimeType": "application/pdf", "buffer": pdf},
        )
        path.click(tab.get_by_label(theme.name))
        tab.locator("ul.tagit input[type=text]").press_sequentially(", ".join(PATH_CARD["tags"]) + ",")
        settle(tab)
        steps.shoot(tab, "counted-path-written")
        expect(tab.locator(".modal")).to_have_count(0)
        path.click(tab.get_by_role("button", name="Envoyer en relecture"))
        expect(tab.locator(".messages")).to_contain_text("soumise pour modération")
        seconds = time.perf_counter() - started
        steps.shoot(tab, "counted-path-submitted")
    finally:
        context.close()

    report_figure(
        f"Editor's path, login to submitted: {path.clicks} clicks besides typing, "
        f"{path.loads} page loads, {seconds:.0f} s scripted"
    )
    method = MethodPage.objects.get(title=PATH_CARD["title"])
    assert not method.live
    assert method.current_workflow_state is not None
    draft = method.get_latest_revision_as_object()
    assert [step.value["title"] for step in draft.steps] == [title for title, _ in PATH_CARD["steps"]]
    assert [w.document.title for w in draft.worksheets.all()] == ["grille-entretiens-croises"]
    assert [t.pk for t in draft.themes.all()] == [theme.pk]
    assert sorted(t.name for t in draft.tags.all()) == sorted(PATH_CARD["tags"])
    assert path.clicks <= MAX_CLICKS


def test_same_page_in_two_tabs_loses_nothing_and_names_the_other_window(editorial_site, log_in, steps, settings):
    """The editor opens their card in two tabs and writes in both: the second tab says the other
    window saved a newer version and that continuing replaces it; what was typed stays in each."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 1000
    from tests.factories import MethodPageFactory

    editor_user = editorial_site["editor"]
    method = MethodPageFactory(
        parent=editorial_site["method_index"], title="Carte des attentes", live=False, owner=editor_user
    )
    method.save_revision(user=editor_user)
    edit_url = f"{editorial_site['base_url']}/admin/pages/{method.pk}/edit/"
    first = log_in(editor_user)
    second = track_requests(first.context.new_page())
    first.goto(edit_url)
    second.goto(edit_url)

    # Saved by hand, not left to the autosave: Wagtail reads the form's initial state 2 s after
    # the page loads, and text typed sooner (a quiet machine types that soon) is never autosaved.
    first.locator("#id_summary").fill("Écrit dans le premier onglet.")
    first.get_by_role("button", name="Plus d'actions").click()
    first.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(first.locator(".messages")).to_be_visible()
    method.refresh_from_db()
    assert method.get_latest_revision_as_object().summary == "Écrit dans le premier onglet."

    second.locator("#id_materials").fill("Écrit dans le second onglet.")
    warning = "Vous avez enregistré une nouvelle version dans une autre fenêtre"
    expect(second.get_by_label(warning).first).to_be_attached()
    steps.shoot(second, "second-tab-warned")
    second.get_by_role("button", name="Plus d'actions").click()
    second.get_by_role("button", name="Enregistrer le brouillon").click()
    dialog = second.locator("#w-save-confirmation-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(warning)
    expect(dialog).to_contain_text(
        "Continuer remplacera les modifications que vous avez enregistrées dans l’autre fenêtre."
    )
    steps.shoot(second, "second-tab-asked")
    # Nothing typed is lost: each tab still holds its text, the first tab's in the page's history.
    expect(second.locator("#id_materials")).to_have_value("Écrit dans le second onglet.")
    expect(first.locator("#id_summary")).to_have_value("Écrit dans le premier onglet.")
    assert method.revisions.filter(content__summary="Écrit dans le premier onglet.").exists()
