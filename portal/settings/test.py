import tempfile

from .base import *  # noqa: F403
from .base import bound_database_waits, env

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A fresh folder per run, unless MEDIA_ROOT names one (the restore drill's restored instance).
MEDIA_ROOT = env.str("MEDIA_ROOT", default="") or tempfile.mkdtemp(prefix="entrelabs-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests run on SQLite unless DATABASE_URL names another database (the PostgreSQL run).
DATABASES = {"default": bound_database_waits(env.db("DATABASE_URL", default="sqlite://:memory:"))}

# Serve static files from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# client.login() authenticates without a request, which django-axes refuses: the throttling
# tests turn it on (tests/test_security_logins.py).
AXES_ENABLED = False
# The two-factor tests turn it on (tests/test_security_two_factor.py); the browser editor's path
# signs in with a TOTP code all the same.
REQUIRE_2FA_FOR_STAFF = False
