"""Settings shared by every environment; values that differ come from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal",
    "accounts",
    "home",
    "labs",
    "methods",
    "editorial",
    "events",
    "news",
    "ecosystem",
    "roadmap",
    "search",
    "pagecache",
    "demo",
    "opendata",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Its French catalogue: the admin's "il y a 2 secondes" (Wagtail uses its naturaltime).
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: a cached page for an anonymous visitor is served before any other middleware runs
    # (pagecache/); it keeps the headers the others set when the page was rendered.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.csp.PortalCSPMiddleware",
    "portal.csp.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session, before CommonMiddleware (Django's rule).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.middleware.AdminNulByteMiddleware",
    "portal.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "demo.context_processors.demo_content_mark",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# DATABASE_URL: sqlite:///path or postgres://user:pass@host:port/name
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True


def bound_database_waits(database):
    """A database that does not answer costs a request seconds, not a worker: PostgreSQL gets a
    connection timeout and a statement timeout (DATABASE_STATEMENT_TIMEOUT=0 lifts it for a long
    maintenance command)."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
        statement_ms = env.int("DATABASE_STATEMENT_TIMEOUT", default=10) * 1000
        options["options"] = f"{options.get('options', '')} -c statement_timeout={statement_ms}".strip()
    return database


bound_database_waits(DATABASES["default"])
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for the writer (WAL), a commit does not wait for the disk (NORMAL is
    # still crash-safe in WAL mode), and a writer queues for the lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL: redis://host:6379/0 shares the cache between app servers; unset, each
# process keeps its own local-memory cache.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "KEY_PREFIX": "entrelabs",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache for anonymous visitors (pagecache/, README Performance): how long a rendered page is
# kept at most (it is dropped sooner when something it shows changes; 0 turns the cache off), and
# the max-age browsers and proxies get (they cannot be told of a change: after it they revalidate
# with the ETag, a 304 from the cache).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
# How long a rendered fragment of a page (its head, header, main block and footer) is kept at most
# (pagecache/fragments.py; dropped sooner when something a page shows changes; 0 turns them off):
# what no signal reports, the agenda's split between upcoming and past events, is as fresh as in
# a page of the page cache.
PAGE_FRAGMENT_SECONDS = env.int("PAGE_FRAGMENT_SECONDS", default=300)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.SiteNameValidator"},
    {"NAME": "accounts.passwords.DistinctCharactersValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes, counted in the database so every app server shares it): 5 failed
# logins for one account or from one address lock both out for 15 minutes, the right password
# included; accounts/throttling.py applies the same limit to the admin's password reset.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Content-Security-Policy (django-csp). Public pages: nothing from another origin, no inline
# script or style without the request's nonce, never framed. The environment's CSP_REPORT_URI
# collects violations (read into another name: django-csp refuses its own 3.x setting names).
_csp_report_uri = env.str("CSP_REPORT_URI", default="")
_csp_report = {"report-uri": [_csp_report_uri]} if _csp_report_uri else {}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
        **_csp_report,
    },
}
# The admin (portal/csp.py): Wagtail's inline scripts (InlinePanel, date pickers) and style
# attributes, data: and blob: images (focal point, upload previews), and its own preview frame.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        **_csp_report,
    },
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

# Two-factor authentication (django-otp, accounts/): administrators and these groups must set up
# a TOTP app before reaching the admin; partner editors may. Off: only those who enrolled are asked.
REQUIRE_2FA_FOR_STAFF = env.bool("REQUIRE_2FA_FOR_STAFF", default=True)
TWO_FACTOR_REQUIRED_GROUPS = ["Communicants", "Traducteurs"]
OTP_TOTP_ISSUER = "Entrelabs"

LANGUAGE_CODE = "fr"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Pages are translated (Wagtail's Locale, one tree per language): French, the default, keeps its
# URLs without a prefix; English is under /en/ (portal/urls.py).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Entrelabs <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Entrelabs"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.login.EmailLoginForm"
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# A page in review is locked for everyone but its reviewers (GroupApprovalTask); an edit
# made by a reviewer during review asks for a fresh approval.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea"},
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Each upload is decoded once to refuse damaged files (portal/images.py): 40 megapixels bound its memory.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.images.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.documents.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
TAGGIT_CASE_INSENSITIVE = True
# ASCII tag slugs ("Région" -> "region"): clean URLs that the tag page route accepts.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Background tasks (django-tasks). Wagtail's own (search and reference index updates) run at once;
# documents' text extraction goes to the "documents" backend, which production puts in the
# database for `manage.py db_worker --backend documents` (DOCUMENT_TASKS=immediate runs it at once).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "documents": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env.str("DOCUMENT_TASKS", default="immediate")]
    },
}

# Demo content (the demo app): illustrative demo pages say "Contenu d'exemple". A deployment that has
# replaced the demo sets DEMO_CONTENT_MARK=false.
DEMO_CONTENT_MARK = env.bool("DEMO_CONTENT_MARK", default=True)

# Search: Wagtail's database backend by default (FTS5 on SQLite, French full-text
# on PostgreSQL). SEARCH_URL switches to Elasticsearch/OpenSearch.
if env.str("SEARCH_URL", default=""):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends." + env.str("SEARCH_BACKEND", default="elasticsearch8"),
            "URLS": [env.str("SEARCH_URL")],
            "INDEX": env.str("SEARCH_INDEX", default="entrelabs"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # French-aware on both databases (search/backends.py); the configuration
            # french_unaccent (PostgreSQL only) comes from migration search/0002.
            "BACKEND": "search.backends",
            "SEARCH_CONFIG": "french_unaccent",
        }
    }

# Rate limits count per client address. Behind a reverse proxy every request comes from the
# proxy: set RATELIMIT_IP_META_KEY to the header it fills (e.g. HTTP_X_REAL_IP).
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")

# Open data (opendata/): the licence of the exported data, and requests per IP address to the
# API, the exports and the catalogue.
OPEN_DATA_LICENCE = env.str("OPEN_DATA_LICENCE", default="https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
OPEN_DATA_RATE = env.str("OPEN_DATA_RATE", default="120/m")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Configured here so that Django's own console handler goes: with it, each django.* line
        # was printed twice in development (DEBUG), once by it and once by the root handler.
        "django": {"level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        # One line per background task (search indexing, reference index) is noise.
        "django_tasks": {"level": "WARNING"},
    },
}

SITE_DESCRIPTION = _("The network of public innovation labs: methods, projects, training and workshops.")
