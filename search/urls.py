from django.urls import path
from django.views.generic import RedirectView

from . import views

urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("recherche/autocomplete/", views.search_autocomplete, name="search_autocomplete"),
    path("search/", RedirectView.as_view(pattern_name="search", query_string=True, permanent=True)),
]
