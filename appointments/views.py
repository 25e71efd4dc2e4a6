"""The patient's side: the request form, the confirmation and the neutral refusal."""

import logging
import re

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView

from clinic.context_processors import site_context
from clinic.net import client_ip
from education.models import Page

from . import formcache, services
from .audit import without_client_address
from .forms import TIMING_FIELD, AppointmentRequestForm
from .ratelimit import allow_submission

logger = logging.getLogger(__name__)
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")
TOPIC_QUERY = re.compile(rf"topic={SLUG.pattern}")

# The confirmation page reads the reference from the session, so its address is the
# same for everyone and shows nothing to a stranger who gets hold of it. It is shown
# once and then taken out of the session: on a shared computer the next person must
# not find it.
RECEIPT_SESSION_KEY = "appointments:receipt"


@method_decorator(never_cache, name="dispatch")
class AppointmentRequestCreateView(FormView):
    template_name = "appointments/appointmentrequest_form.html"
    form_class = AppointmentRequestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "locations": site_context()["locations"]}

    def get_initial(self):
        initial = super().get_initial()
        slug = self.request.GET.get("topic", "")
        if SLUG.fullmatch(slug):
            page = Page.objects.published().filter(slug=slug).only("pk").first()
            if page is not None:
                initial["topic"] = str(page.pk)
        return initial

    def get(self, request, *args, **kwargs):
        # A blank form, or one with the topic an education page links with: the page
        # is kept but for its two tokens (see formcache). Any other query string is
        # drawn anew, so the kept copies are no more than the topics.
        query = request.META.get("QUERY_STRING", "")
        if query and not (
            TOPIC_QUERY.fullmatch(query) and "topic" in self.get_initial()
        ):
            return super().get(request, *args, **kwargs)
        return formcache.blank_form_page(request, self.render_blank_form)

    def render_blank_form(self, *, csrf_token, started):
        form = self.get_form()
        form.initial[TIMING_FIELD] = started
        context = self.get_context_data(form=form, csrf_token=csrf_token)
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.looks_automated():
            logger.info("Appointment request refused: looked automated.")
            return self.refused()
        if not form.is_valid():
            return self.form_invalid(form)
        if not allow_submission(client_ip(request)):
            logger.warning("Appointment request refused: rate limit reached.")
            return self.refused()
        return self.form_valid(form)

    def form_valid(self, form):
        try:
            with without_client_address():
                appointment = services.appointment_request_create(
                    data=form.cleaned_data
                )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        self.request.session[RECEIPT_SESSION_KEY] = {
            "reference": appointment.reference,
            "urgent": appointment.is_urgent,
            "emailed": bool(appointment.email),
            "location": appointment.location_id,
        }
        return redirect("appointments:request-thanks")

    def refused(self):
        # The same calm page for every refusal: it tells a bot nothing, and tells a
        # person who was wrongly caught how to reach us.
        return render(self.request, "appointments/appointmentrequest_refused.html")


SESSION_EXPIRED = _(
    "Your request has not been sent yet: the page was open too long or your browser "
    "blocked a security check. Your answers are below. Please check them and press "
    "“Send my request” again."
)


@never_cache
def request_form_csrf_failure(request):
    """The form back, with what the patient typed and a line to send it again.

    Called by the site's CSRF failure view for a refused POST to the form; nothing is
    saved. The page sets a fresh CSRF cookie, so sending again works.
    """
    form = AppointmentRequestForm(
        data=request.POST, locations=site_context()["locations"]
    )
    form.is_valid()
    form.add_error(None, SESSION_EXPIRED)
    return render(
        request,
        AppointmentRequestCreateView.template_name,
        {"form": form},
        status=403,
    )


@never_cache
def request_thanks(request):
    receipt = request.session.pop(RECEIPT_SESSION_KEY, None)
    if not receipt:
        # Shown already (a reload, the back button) or never: a calm page that says
        # where the reference is, and nothing about any request.
        return render(request, "appointments/appointmentrequest_sent.html")
    location = next(
        (
            place
            for place in site_context()["locations"]
            if place.pk == receipt.get("location")
        ),
        None,
    )
    return render(
        request,
        "appointments/appointmentrequest_thanks.html",
        {"receipt": receipt, "location": location},
    )
