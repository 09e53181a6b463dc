from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.throttling import ThrottledPasswordResetView
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
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    # Crawlers skip the admin; the search page stays crawlable, its facet links are rel="nofollow".
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("", include("home.urls")),
    path("", include("methods.urls")),
    path("", include("ecosystem.urls")),
    path("", include("search.urls")),
    path("", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other URL from the page tree: keep it last.
urlpatterns += [path("", include(wagtail_urls))]
