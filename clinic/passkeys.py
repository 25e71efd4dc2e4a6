"""The JSON endpoints the passkey scripts of django-otp-webauthn talk to.

The library's views, with the clinic's rules: a passkey is added only by a staff
member who has already passed the second factor (when it is required), it is used
only after the password (passwordless sign-in is off in settings), and passing it
gives the session a new key, as a code does (``two_factor.second_factor_verify``).
The screens are on the admin site (``clinic.sites``).
"""

from django.urls import path, reverse
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as webauthn

from . import two_factor


class SecondFactorFirst(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "second_factor_first"
    default_detail = (
        "Sign in with your code first; then you can add a passkey for this account."
    )


class StaffOnlyMixin:
    def check_can_register(self):
        user = self.get_user()
        if not user.is_staff or two_factor.needs_second_factor(self.request):
            raise SecondFactorFirst()


class BeginRegistrationView(StaffOnlyMixin, webauthn.BeginCredentialRegistrationView):
    pass


class CompleteRegistrationView(
    StaffOnlyMixin, webauthn.CompleteCredentialRegistrationView
):
    pass


class CompleteAuthenticationView(webauthn.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        self.request.session.cycle_key()
        super().complete_auth(device)

    def get_success_url(self):
        return self.get_redirect_url() or reverse("admin:index")


# The library's templates look its URLs up under this namespace.
app_name = "otp_webauthn"
urlpatterns = [
    path(
        "registration/begin/",
        BeginRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompleteRegistrationView.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        webauthn.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompleteAuthenticationView.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
