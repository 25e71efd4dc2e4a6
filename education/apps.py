from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "education"
    verbose_name = _("Patient education")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from clinic.pagecache import content_changed

        from . import models

        # Proxies send signals under their own name: connect each of them.
        for model in (
            models.Page,
            models.Procedure,
            models.Condition,
            models.PagePart,
            models.Section,
            models.Step,
            models.Faq,
            models.TimelineEntry,
        ):
            post_save.connect(content_changed, sender=model)
            post_delete.connect(content_changed, sender=model)
        m2m_changed.connect(content_changed, sender=models.Page.related.through)
