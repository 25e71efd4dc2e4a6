from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = _("Clinic")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy checks)
        from .models import ClinicSettings, Location
        from .pagecache import content_changed

        # Every public page and the site context (context_processors) show them.
        for model in (ClinicSettings, Location):
            post_save.connect(content_changed, sender=model)
            post_delete.connect(content_changed, sender=model)


class ClinicAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the clinic's site, which asks for a second factor."""

    default = False  # clinic's own config stays ClinicConfig
    default_site = "clinic.sites.ClinicAdminSite"
