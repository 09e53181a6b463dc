from django.urls import path

from accounts import views

urlpatterns = [
    path("", views.manage, name="two_factor_manage"),
    path("setup/", views.setup, name="two_factor_setup"),
    path("verify/", views.verify, name="two_factor_verify"),
    path("recovery-codes/", views.regenerate_codes, name="two_factor_recovery_codes"),
    path("remove/", views.remove, name="two_factor_remove"),
]
