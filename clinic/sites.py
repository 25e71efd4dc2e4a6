"""The admin site: Django's, plus a second step after the password.

A staff member who has given the right password but not yet a code from their
authenticator app (or a backup code) is signed in, but the admin treats them as not
allowed in: every admin address sends them to the second step, and a first sign-in
sets up the app. ``settings.TWO_FACTOR_REQUIRED`` turns the step on (always on in
production).
"""

from functools import wraps

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from appointments.validators import BIDI_CONTROLS

from . import two_factor
from .forms import SecondFactorForm, SetUpAppForm

WRONG_CODE = _(
    "That code did not work. Check that the time on your phone is right and type "
    "the newest code, or use one of your backup codes. After several wrong codes, "
    "wait a minute before the next try."
)

step_view = method_decorator(
    [never_cache, csrf_protect, sensitive_post_parameters("code")]
)


WRONG_FIRST_CODE = _(
    "That code did not work. Check that the time on your phone is right, then type "
    "the newest code the app shows for this clinic."
)


class ForgivingChangeListMixin:
    """A list address with a value a filter cannot read shows the list unfiltered
    with Django's "wrong parameters" note, instead of a 500.

    Django does this for its own field filters; simple filters (ours, django-auditlog's)
    and the date drill-down (a year too large for a date) raise instead. Applied by the
    site to every ModelAdmin registered, so no filter needs its own guard.
    """

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (ValueError, TypeError, OverflowError, ValidationError) as error:
            raise IncorrectLookupParameters(error) from error


# Shown in their place: "<U+202E>". See ``ClinicAdminSite.admin_view``.
VISIBLE_CONTROLS = {ord(char): f"&lt;U+{ord(char):04X}&gt;" for char in BIDI_CONTROLS}


def show_direction_controls(response):
    """Write invisible direction overrides in an admin page as visible text."""
    if not response.streaming and response.get("Content-Type", "").startswith(
        "text/html"
    ):
        text = response.content.decode(response.charset)
        if any(char in text for char in BIDI_CONTROLS):
            response.content = text.translate(VISIBLE_CONTROLS)
    return response


class ClinicAdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        """Django's wrapper, plus: no admin page shows a direction override raw.

        Patients' text is checked when it is sent, but a value stored before the
        check, or arriving another way, would still reorder what staff read (a
        phone number shown backwards). Every admin page goes through here.
        """
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = inner(request, *args, **kwargs)
            if getattr(response, "is_rendered", True) is False:
                response.add_post_render_callback(show_direction_controls)
                return response
            return show_direction_controls(response)

        return wrapper

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, ForgivingChangeListMixin):
            admin_class = type(
                admin_class.__name__,
                (ForgivingChangeListMixin, admin_class),
                {"__module__": admin_class.__module__},
            )
        return super().register(model_or_iterable, admin_class, **options)

    def has_permission(self, request):
        return super().has_permission(request) and not two_factor.needs_second_factor(
            request
        )

    def get_urls(self):
        return [
            path(
                "second-factor/",
                self.second_factor_view,
                name="second-factor",
            ),
            path(
                "second-factor/set-up/",
                self.second_factor_setup_view,
                name="second-factor-setup",
            ),
            path(
                "second-factor/sign-out/",
                self.second_factor_sign_out,
                name="second-factor-sign-out",
            ),
            path(
                "second-factor/passkeys/",
                self.admin_view(self.passkeys_view),
                name="passkeys",
            ),
            path(
                "second-factor/passkeys/<int:passkey_id>/remove/",
                self.admin_view(self.passkey_remove_view),
                name="passkey-remove",
            ),
            *super().get_urls(),
        ]

    # --- the steps ----------------------------------------------------------------

    def login(self, request, extra_context=None):
        if request.method == "GET" and two_factor.needs_second_factor(request):
            return self._to_second_factor(request)
        response = super().login(request, extra_context)
        if request.method == "POST" and two_factor.needs_second_factor(request):
            # The password was right; the code comes next.
            return self._to_second_factor(request)
        return response

    @step_view
    def second_factor_view(self, request):
        if not two_factor.needs_second_factor(request):
            return self._leave(request)
        if not two_factor.has_device(request.user):
            return self._to_second_factor(request)
        form = SecondFactorForm(request.POST or None)
        if form.is_valid():
            if two_factor.second_factor_verify(
                request=request, code=form.cleaned_data["code"]
            ):
                return self._leave(request)
            form.add_error("code", WRONG_CODE)
        return self._render(
            request,
            "admin/second_factor.html",
            form=form,
            has_passkey=two_factor.has_passkey(request.user),
            title=_("Enter your code"),
        )

    @step_view
    def second_factor_setup_view(self, request):
        if not two_factor.needs_second_factor(request):
            return self._leave(request)
        if two_factor.has_device(request.user):
            # Setting up a new app takes the old one: an administrator resets it.
            return self._to_second_factor(request)
        device = two_factor.pending_app_device(user=request.user)
        form = SetUpAppForm(request.POST or None)
        if form.is_valid():
            codes = two_factor.second_factor_verify_app(
                request=request, device=device, code=form.cleaned_data["code"]
            )
            if codes is not None:
                return self._render(
                    request,
                    "admin/second_factor_backup_codes.html",
                    codes=codes,
                    next_url=self._next_url(request),
                    title=_("Your backup codes"),
                )
            form.add_error("code", WRONG_FIRST_CODE)
        return self._render(
            request,
            "admin/second_factor_setup.html",
            form=form,
            qr_code=two_factor.qr_code_data_uri(device),
            secret=two_factor.app_secret(device),
            title=_("Set up your authenticator app"),
        )

    @method_decorator([never_cache, csrf_protect, require_POST])
    def second_factor_sign_out(self, request):
        """Leave between the password and the code (the admin's own sign-out is
        only for people who are fully in)."""
        logout(request)
        return HttpResponseRedirect(reverse("admin:login", current_app=self.name))

    # --- passkeys, for a person already in ------------------------------------------

    def passkeys_view(self, request):
        """The person's passkeys: add one (the library's script), see and remove."""
        request.current_app = self.name
        return TemplateResponse(
            request,
            "admin/passkeys.html",
            {
                **self.each_context(request),
                "passkeys": two_factor.passkeys(request.user),
                "title": _("Your passkeys"),
            },
        )

    @method_decorator(require_POST)
    def passkey_remove_view(self, request, passkey_id):
        if not two_factor.passkey_remove(user=request.user, passkey_id=passkey_id):
            raise Http404
        messages.success(request, _("The passkey was removed."))
        return HttpResponseRedirect(reverse("admin:passkeys", current_app=self.name))

    # --- helpers ------------------------------------------------------------------

    def _render(self, request, template, **context):
        request.current_app = self.name
        response = TemplateResponse(
            request,
            template,
            {
                **self.each_context(request),
                "next": self._next_url(request),
                "username": request.user.get_username(),
                **context,
            },
        )
        response["Cache-Control"] = "no-store"
        return response

    def _next_url(self, request) -> str:
        candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(
            REDIRECT_FIELD_NAME, ""
        )
        if candidate and url_has_allowed_host_and_scheme(
            candidate,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            return candidate
        return reverse("admin:index", current_app=self.name)

    def _to_second_factor(self, request):
        name = (
            "admin:second-factor"
            if two_factor.has_device(request.user)
            else "admin:second-factor-setup"
        )
        query = urlencode({REDIRECT_FIELD_NAME: self._next_url(request)})
        return HttpResponseRedirect(f"{reverse(name, current_app=self.name)}?{query}")

    def _leave(self, request):
        if not request.user.is_authenticated:
            return HttpResponseRedirect(reverse("admin:login", current_app=self.name))
        return HttpResponseRedirect(self._next_url(request))
