"""Two-factor authentication for the admin (django-otp): a TOTP app, and recovery codes."""

import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
TOTP_NAME = "Application d'authentification"
RECOVERY_NAME = "Codes de secours"


def is_required_for(user):
    """Administrators and the groups in TWO_FACTOR_REQUIRED_GROUPS must use a second factor when
    REQUIRE_2FA_FOR_STAFF is on; others (partner editors) may."""
    if not settings.REQUIRE_2FA_FOR_STAFF or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def device_accepting(user, code):
    """The user's device that accepts the code: six digits go to the TOTP app, anything else to
    the recovery codes (trying both would count a failure against each device's throttling)."""
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in model.objects.filter(user=user, confirmed=True):
        if device.verify_token(code):
            return device
    return None


def pending_totp_device(user):
    """The TOTP device being set up (unconfirmed), created on first call."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def qr_code_svg(device):
    """The otpauth:// URL of the device as an inline SVG: the phone scans it, no outside call."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode().split("?>", 1)[-1].strip()


def readable_secret(device):
    """The secret in base32, in groups of four, for an app that cannot scan."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def new_recovery_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODES fresh single-use ones; return them."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_second_factor(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
