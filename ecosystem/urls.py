from django.urls import path

from ecosystem import views

app_name = "ecosystem"

urlpatterns = [
    path("proposer-un-acteur/", views.suggest_actor, name="suggest_actor"),
    path("proposer-un-acteur/merci/", views.suggest_actor_done, name="suggest_actor_done"),
]
