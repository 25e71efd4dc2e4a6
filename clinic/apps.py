from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ClinicConfig(AppConfig):
    name = "clinic"
    verbose_name = _("Clinic")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy checks)
        from .models import ClinicSettings, Location
        from .signals import forget_site_context

        for model in (ClinicSettings, Location):
            post_save.connect(forget_site_context, sender=model)
            post_delete.connect(forget_site_context, sender=model)
