from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from solo.admin import SingletonModelAdmin

from .models import ClinicSettings, Location

admin.site.site_header = _("Clinic administration")
admin.site.site_title = _("Clinic admin")
admin.site.index_title = _("What would you like to do?")


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(SingletonModelAdmin):
    fields = ("name", "tagline", "main_phone", "after_hours_phone")


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ("name", "phone", "notification_email", "active", "order")
    list_editable = ("order",)
    list_filter = ("active",)
    search_fields = ("name", "address")
    prepopulated_fields = {"slug": ("name",)}
