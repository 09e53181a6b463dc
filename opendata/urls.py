from django.urls import path, re_path

from opendata import exports, views
from opendata.api import api

urlpatterns = [
    path("api/", api.urls),
    path("api/docs/", views.api_docs, name="api_docs"),
    re_path(r"^donnees/(?P<name>[-a-z]+)\.(?P<extension>csv|json)$", exports.export, name="export"),
]
