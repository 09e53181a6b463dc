from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.throttling import ThrottledPasswordResetView
from opendata.urls import feed_urlpatterns
from portal import i18n
from portal.sitemaps import PagesInEveryLanguage
from portal.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # A few admin views narrowed to the editor's permissions, in front of Wagtail's own.
    path("admin/", include("editorial.admin_urls")),
    # Before the admin's own: its password reset, throttled like the login.
    path("admin/password_reset/", ThrottledPasswordResetView.as_view()),
    path("admin/2fa/", include("accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PagesInEveryLanguage}}),
    # Crawlers skip the admin; the search page stays crawlable, its facet links are rel="nofollow".
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The public pages in each language: French without a prefix (its URLs of always), English under
# /en/. Wagtail serves every other URL from the page tree: keep it last.
urlpatterns += i18n_patterns(
    path("", include("home.urls")),
    path("", include("methods.urls")),
    path("", include("ecosystem.urls")),
    path("", include("search.urls")),
    path("", include(feed_urlpatterns)),
    # Wagtail's own page URLs (a password-restricted page's form, its login) but its serve view,
    # which portal.i18n wraps to serve an untranslated page under /en/.
    path("", include([url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, i18n.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
