import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

CREDENTIALS_FILE = settings.BASE_DIR / ".local-admin"


class Command(BaseCommand):
    help = "Create a local superuser 'admin' if no superuser exists, and print how to log in."

    def handle(self, *args, **options):
        User = get_user_model()
        url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@localhost", password)
            CREDENTIALS_FILE.write_text(f"admin {password}\n")
            CREDENTIALS_FILE.chmod(0o600)
        if CREDENTIALS_FILE.exists():
            username, password = CREDENTIALS_FILE.read_text().split()
            self.stdout.write(f"Admin: {url}  user: {username}  password: {password}")
        else:
            self.stdout.write(f"Admin: {url}  (log in with your existing superuser account)")
