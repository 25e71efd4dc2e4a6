from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.admin import WebAuthnCredentialAdmin
from django_otp_webauthn.models import WebAuthnCredential
from modeltranslation.admin import TranslationAdmin
from solo.admin import SingletonModelAdmin

from . import two_factor
from .models import ClinicSettings, Location

admin.site.site_header = _("Clinic administration")
admin.site.site_title = _("Clinic admin")
admin.site.index_title = _("What would you like to do?")


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(TranslationAdmin, SingletonModelAdmin):
    fields = ("name", "tagline", "main_phone", "after_hours_phone")


@admin.register(Location)
class LocationAdmin(TranslationAdmin):
    list_display = ("name", "phone", "notification_email", "active", "order")
    list_editable = ("order",)
    list_filter = ("active",)
    search_fields = ("name", "address")
    prepopulated_fields = {"slug": ("name",)}


# The library leaves registering its admin to the project: here an administrator
# removes one lost passkey without resetting the rest of a person's second factor.
admin.site.register(WebAuthnCredential, WebAuthnCredentialAdmin)

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Django's user admin, plus whether each person has set up their second factor
    and an action to reset it when a phone is lost."""

    list_display = (*UserAdmin.list_display, "second_factor")
    actions = ("reset_second_factor",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                has_app=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                )
            )
        )

    @admin.display(boolean=True, description=_("Second factor set up"))
    def second_factor(self, obj) -> bool:
        return obj.has_app

    @admin.action(
        description=_("Reset the second factor (they set it up again at next sign-in)"),
        permissions=("change",),
    )
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            two_factor.second_factor_reset(user=user)
            self.log_change(request, user, "Reset the second factor.")
        self.message_user(
            request,
            ngettext(
                "Reset the second factor of %(count)d person. They set up their "
                "app again the next time they sign in.",
                "Reset the second factor of %(count)d people. They set up their "
                "app again the next time they sign in.",
                len(queryset),
            )
            % {"count": len(queryset)},
            messages.SUCCESS,
        )
