"""allauth's addresses (`allauth.urls`) with its two-factor pages loaded lazily.

allauth's MFA URL modules import their views, and with them `cryptography` and `fido2`
(some 13 MB a process), into every process that imports the URLconf, that is every
worker. Here the same addresses and names (`allauth.mfa.urls`, for the enabled types)
name their views by dotted path, imported on the first request to one of them
(`core.lazyviews`); tests/core/test_account_urls.py holds them equal to allauth's."""

from allauth.mfa import app_settings
from django.urls import URLPattern, URLResolver, include, path

from .lazyviews import LazyViews

_views = LazyViews()
mfa = "allauth.mfa"


def _lazy(route: str, view: str, name: str) -> URLPattern:
    return path(route, _views.view(f"{mfa}.{view}"), name=name)


def _mfa_patterns() -> list[URLPattern | URLResolver]:
    types = app_settings.SUPPORTED_TYPES
    patterns: list[URLPattern | URLResolver] = [
        _lazy("", "base.views.index", "mfa_index"),
        _lazy("authenticate/", "base.views.authenticate", "mfa_authenticate"),
        _lazy("reauthenticate/", "base.views.reauthenticate", "mfa_reauthenticate"),
    ]
    if app_settings._TRUST_STAGE_ENABLED:
        patterns.append(_lazy("trust/", "base.views.trust", "mfa_trust"))
    if "totp" in types:
        patterns += [
            _lazy("totp/activate/", "totp.views.activate_totp", "mfa_activate_totp"),
            _lazy("totp/deactivate/", "totp.views.deactivate_totp", "mfa_deactivate_totp"),
        ]
    if "recovery_codes" in types:
        codes = "recovery_codes.views"
        patterns += [
            _lazy("recovery-codes/", f"{codes}.view_recovery_codes", "mfa_view_recovery_codes"),
            _lazy(
                "recovery-codes/generate/",
                f"{codes}.generate_recovery_codes",
                "mfa_generate_recovery_codes",
            ),
            _lazy(
                "recovery-codes/download/",
                f"{codes}.download_recovery_codes",
                "mfa_download_recovery_codes",
            ),
        ]
    if "webauthn" in types:
        keys = "webauthn.views"
        patterns += [
            _lazy("webauthn/", f"{keys}.list_webauthn", "mfa_list_webauthn"),
            _lazy("webauthn/add/", f"{keys}.add_webauthn", "mfa_add_webauthn"),
            _lazy(
                "webauthn/reauthenticate/",
                f"{keys}.reauthenticate_webauthn",
                "mfa_reauthenticate_webauthn",
            ),
            _lazy(
                "webauthn/keys/<int:pk>/remove/", f"{keys}.remove_webauthn", "mfa_remove_webauthn"
            ),
            _lazy("webauthn/keys/<int:pk>/edit/", f"{keys}.edit_webauthn", "mfa_edit_webauthn"),
        ]
        if app_settings.PASSKEY_LOGIN_ENABLED:
            patterns.append(
                _lazy("webauthn/login/", f"{keys}.login_webauthn", "mfa_login_webauthn")
            )
        if app_settings.PASSKEY_SIGNUP_ENABLED:
            patterns.append(
                _lazy("webauthn/signup/", f"{keys}.signup_webauthn", "mfa_signup_webauthn")
            )
    return patterns


urlpatterns = [
    path("", include("allauth.account.urls")),
    path("2fa/", include(_mfa_patterns())),
]
