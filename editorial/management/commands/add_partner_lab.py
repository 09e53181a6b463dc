from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from editorial.partners import ensure_editor_account, ensure_partner_group, get_or_create_lab_page, password_reset_url
from editorial.welcome import send_welcome_email
from labs.models.labs import OrganisationKind


class Command(BaseCommand):
    help = (
        "Create a partner lab: its page (a draft unless --publish), its editor group with page and "
        "collection permissions, and an editor account with a password-reset link, sent by a welcome "
        "e-mail with the links to start. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The lab's name, e.g. 'La Fabrique des politiques publiques'")
        parser.add_argument("--email", action="append", default=[], help="An editor's email (repeatable)")
        parser.add_argument("--host-organisation", default="", help="Defaults to the lab's name")
        parser.add_argument("--kind", default=OrganisationKind.OTHER, choices=OrganisationKind.values)
        parser.add_argument("--publish", action="store_true", help="Publish the lab page when it is created")

    def handle(self, *args, name, email, host_organisation, kind, publish, **options):
        name = name.strip()
        if not name:
            raise CommandError("The lab's name cannot be empty.")
        for address in email:
            try:
                validate_email(address)
            except ValidationError as error:
                raise CommandError(f"Invalid email: {address}") from error

        with transaction.atomic():
            try:
                lab, lab_created = get_or_create_lab_page(name, host_organisation, kind, publish=publish)
            except LookupError as error:
                raise CommandError(str(error)) from error
            setup = ensure_partner_group(lab)
            accounts = [(address, *ensure_editor_account(setup.group, address)) for address in email]

        state = "created" if lab_created else "already exists"
        self.stdout.write(f"Lab page: {lab.title} ({state}, {'live' if lab.live else 'draft'}) /admin/pages/{lab.pk}/")
        self.stdout.write(f"Group: {setup.group.name} ({'created' if setup.created else 'already exists'})")
        self.stdout.write(f"Collection: {setup.collection.name}")
        for address, user, created in accounts:
            if created or not user.has_usable_password():
                link = password_reset_url(user, settings.WAGTAILADMIN_BASE_URL)
                send_welcome_email(user, lab)
                self.stdout.write(
                    f"Editor {address}: {'created' if created else 'exists'}; welcome e-mail sent; "
                    f"set a password at {link}"
                )
            else:
                self.stdout.write(f"Editor {address}: already active")
