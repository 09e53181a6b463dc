from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
# The local admin of `make run` signs in with its password alone, unless asked for.
REQUIRE_2FA_FOR_STAFF = env.bool("REQUIRE_2FA_FOR_STAFF", default=False)
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

# Serve static files from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
