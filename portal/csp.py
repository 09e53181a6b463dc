"""Content-Security-Policy: a strict policy on the public site, a working one on the admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with CONTENT_SECURITY_POLICY_ADMIN for the admin's URLs (its
    inline scripts and style attributes need allowances the public site does not grant)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            admin_directives = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            # The admin's inline scripts carry no nonce, and a nonce would switch 'unsafe-inline' off.
            return PolicyParts(default_config(admin_directives), parts.update, parts.replace, None)
        return parts


class PermissionsPolicyMiddleware:
    """Permissions-Policy: the portal uses no camera, microphone, location, payment or USB."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
