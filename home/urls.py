from django.urls import path

from home import views

urlpatterns = [
    path("themes/", views.theme_list, name="theme_list"),
    path("themes/<slug:slug>/", views.theme_pages, name="theme_pages"),
    path("tags/<slug:slug>/", views.tag_pages, name="tag_pages"),
]
