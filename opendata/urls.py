from django.urls import path

from opendata import views
from opendata.api import api

urlpatterns = [
    path("api/", api.urls),
    path("api/docs/", views.api_docs, name="api_docs"),
]
