import atexit
import hashlib
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import BASE_DIR, bound_database_waits, env

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One media folder per process, removed when the process ends; unless MEDIA_ROOT names one (the
# restore drill's restored instance, kept).
if env.str("MEDIA_ROOT", default=""):
    MEDIA_ROOT = env.str("MEDIA_ROOT")
else:
    MEDIA_ROOT = tempfile.mkdtemp(prefix="entrelabs-test-media-")
    atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so that a test sees each change at once; tests/test_page_cache.py turns it on (and
# PAGE_CACHE_SECONDS=300 runs the whole suite with it).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
# The same for the page fragments (tests/test_page_fragments.py turns them on; the query counts of
# tests/test_pages_queries.py are those of a page rendered whole).
PAGE_FRAGMENT_SECONDS = env.int("PAGE_FRAGMENT_SECONDS", default=0)
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests run on SQLite unless DATABASE_URL names another database (the PostgreSQL run).
DATABASES = {"default": bound_database_waits(env.db("DATABASE_URL", default="sqlite://:memory:"))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Each checkout gets its own test database (created and dropped by the run), so that two
    # checkouts testing on one server do not drop each other's.
    checkout = hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{checkout}"}

# The browser tests' Chromium (tests/browser/, scripts/preflight.py).
CHROMIUM_PATH = env.str("CHROMIUM_PATH", default="/usr/bin/chromium")

# Serve static files from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# client.login() authenticates without a request, which django-axes refuses: the throttling
# tests turn it on (tests/test_security_logins.py).
AXES_ENABLED = False
# The two-factor tests turn it on (tests/test_security_two_factor.py); the browser editor's path
# signs in with a TOTP code all the same.
REQUIRE_2FA_FOR_STAFF = False
