"""Admin views that Wagtail offers no hook to narrow, replaced at their own URLs by the same
views reading through the permission policies (editorial/admin_views.py), and simple_translation's
"Translate" view with a form that refuses what it only greys out (editorial/translations.py).
Included before Wagtail's admin URLs in portal/urls.py."""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.images.views.chooser import viewset as image_chooser
from wagtail.utils.urlpatterns import decorate_urlpatterns

from editorial import admin_views
from editorial.translations import SubmitPageTranslationView

choose_image = image_chooser.choose_view.view_initkwargs

urlpatterns = [
    path("tag-autocomplete/", admin_views.tag_autocomplete),
    path("tag-autocomplete/<slug:app_name>/<slug:model_name>/", admin_views.tag_autocomplete),
    path("reports/page-types-usage/", admin_views.VisiblePageTypesUsageReportView.as_view()),
    path("reports/page-types-usage/results/", admin_views.VisiblePageTypesUsageReportView.as_view(results_only=True)),
    path("documents/", admin_views.DocumentIndexView.as_view()),
    path("documents/results/", admin_views.DocumentIndexView.as_view(results_only=True)),
    path("images/", admin_views.ImageIndexView.as_view()),
    path("images/results/", admin_views.ImageIndexView.as_view(results_only=True)),
    path("images/chooser/", admin_views.ImageChooseView.as_view(**choose_image)),
    path("choose-page/<int:parent_page_id>/", admin_views.VisiblePageBrowseView.as_view()),
    path("choose-page/chosen-multiple/", admin_views.VisiblePagesChosenView.as_view()),
    path("pages/<int:page_id>/revisions/", admin_views.revisions_index),
    # simple_translation's URL (its buttons reverse "simple_translation:submit_page_translation").
    path("translation/submit/page/<int:page_id>/", SubmitPageTranslationView.as_view()),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
