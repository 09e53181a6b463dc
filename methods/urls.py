from django.urls import path

from methods import views

app_name = "methods"

urlpatterns = [
    path("proposer-une-methode/", views.propose_method, name="propose_method"),
    path("proposer-une-methode/merci/", views.propose_method_done, name="propose_method_done"),
]
