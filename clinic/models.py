"""The clinic itself as data: name, phone lines and locations, edited in the admin."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel


def tel_href(number: str) -> str:
    """A ``tel:`` link for a phone number as people write it: 555-0100 → tel:5550100."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


class ClinicSettings(SingletonModel):
    name = models.CharField(
        _("clinic name"), max_length=120, default="Harborview Spine Center"
    )
    main_phone = models.CharField(
        _("main phone"),
        max_length=30,
        default="555-0100",
        help_text=_("Shown in the header of every page and on error pages."),
    )
    after_hours_phone = models.CharField(
        _("after-hours line"),
        max_length=30,
        blank=True,
        help_text=_(
            "For existing patients outside opening hours. Leave empty to hide."
        ),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("A line under the clinic's name on the home page."),
    )

    class Meta:
        verbose_name = _("clinic settings")

    def __str__(self) -> str:
        return str(_("Clinic settings"))

    @property
    def main_phone_href(self) -> str:
        return tel_href(self.main_phone)


class LocationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Location(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name in links"), unique=True)
    address = models.TextField(
        _("address"), help_text=_("One line per line of the address.")
    )
    phone = models.CharField(_("phone"), max_length=30)
    opening_hours = models.TextField(
        _("opening hours"),
        help_text=_("One line per day or range, e.g. Mon–Fri 8am–5pm."),
    )
    notification_email = models.EmailField(
        _("notification email"),
        help_text=_("New appointment requests for this location are announced here."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive locations are hidden everywhere."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    response_target_days = models.PositiveSmallIntegerField(
        _("response target (business days)"),
        default=1,
        help_text=_(
            "New requests not contacted within this many business days are marked "
            "overdue in the queue."
        ),
    )

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("clinic:locations") + f"#{self.slug}"

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)

    @property
    def address_lines(self) -> list[str]:
        return [line for line in self.address.splitlines() if line.strip()]

    @property
    def hours_lines(self) -> list[str]:
        return [line for line in self.opening_hours.splitlines() if line.strip()]
