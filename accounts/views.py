"""The second factor's pages in the admin, in French: enrolment, the code at sign-in, management."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from accounts.two_factor import (
    RECOVERY_CODES,
    device_accepting,
    is_enrolled,
    is_required_for,
    new_recovery_codes,
    pending_totp_device,
    qr_code_svg,
    readable_secret,
    remove_second_factor,
)

admin_login_required = login_required(login_url="wagtailadmin_login")


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        error_messages={"required": "Saisissez le code à 6 chiffres de votre application, ou un code de secours."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@admin_login_required
def verify(request):
    """The second step of signing in: a TOTP code or one recovery code."""
    if not is_enrolled(request.user):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = device_accepting(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", "Ce code n'est pas valide ou a déjà servi. Saisissez le code affiché maintenant.")
    return render(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@admin_login_required
def setup(request):
    """Enrolment: scan the QR code, type a first code, receive the recovery codes once."""
    if is_enrolled(request.user) and not request.user.is_verified():
        return redirect(reverse("two_factor_verify") + "?next=" + reverse("two_factor_setup"))
    device = pending_totp_device(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            codes = new_recovery_codes(request.user)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
        form.add_error(
            "code",
            "Ce code ne correspond pas. Vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant.",
        )
    context = {
        "form": form,
        "qr_code": qr_code_svg(device),
        "secret": readable_secret(device),
        "required": is_required_for(request.user),
        "next": _next_url(request),
    }
    return render(request, "accounts/setup.html", context)


@never_cache
@admin_login_required
def manage(request):
    """From the account page: the second factor's state, new recovery codes, removal when optional."""
    context = {
        "enrolled": is_enrolled(request.user),
        "required": is_required_for(request.user),
        "recovery_count": RECOVERY_CODES,
    }
    return render(request, "accounts/manage.html", context)


@require_POST
@admin_login_required
def regenerate_codes(request):
    if not request.user.is_verified():
        return redirect("two_factor_manage")
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": new_recovery_codes(request.user), "next": reverse("two_factor_manage")},
    )


@require_POST
@admin_login_required
def remove(request):
    if request.user.is_verified() and not is_required_for(request.user):
        remove_second_factor(request.user)
    return redirect("two_factor_manage")
