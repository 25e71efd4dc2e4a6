"""The Spanish site in a browser: a Spanish-speaking caregiver asks for an appointment
for a parent; axe on every Spanish public page."""

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import Page, expect

from appointments.models import AppointmentRequest
from tests.e2e.a11y import axe_violations, describe_violations
from tests.e2e.helpers import sign_in
from tests.e2e.pages import PUBLIC_PAGES
from tests.e2e.test_request_form_layout import show_errors

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FORM = "/es/appointments/request/"
SOMEONE_ELSE = "Otra persona, por ejemplo mi padre, mi madre o mi pareja"
INTERPRETER = "Necesitamos un intérprete para las llamadas y las consultas"


def spanish_path(public_page) -> str:
    with translation.override("es"):
        return public_page.path


def fill_for_a_parent(page: Page) -> None:
    """A daughter fills in the Spanish form for her father, as a person would."""
    page.get_by_label(SOMEONE_ELSE).check()
    page.get_by_label("Su nombre").fill("Lucía Gómez")
    page.get_by_label("¿Qué relación tiene con el paciente?").fill("hija")
    page.locator("#id_first_name").fill("Ernesto")  # "Nombre", beside "Su nombre"
    page.get_by_label("Apellidos").fill("Gómez Ruiz")
    page.get_by_label("Fecha de nacimiento").fill("5/2/1941")
    page.get_by_label("Su número de teléfono").fill("(202) 555-0187")
    page.get_by_label("Su correo electrónico (opcional)").fill("lucia@example.com")
    for group in ("location", "patient_type", "pain_started"):
        page.locator(f'input[name="{group}"]').first.check()
    page.locator('input[name="consent"]').check()


def test_a_caregiver_asks_in_spanish_for_a_parent_with_an_interpreter(page, demo):
    mail.outbox.clear()
    page.goto("/es/")
    page.get_by_role("link", name="Pedir una cita").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pedir una cita")
    expect(page.get_by_label("Español", exact=True)).to_be_checked()

    fill_for_a_parent(page)
    page.get_by_label(INTERPRETER).check()
    page.get_by_role("button", name="Enviar mi solicitud").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gracias. Su solicitud se envió."
    )
    expect(page.locator("html")).to_have_attribute("lang", "es")
    saved = AppointmentRequest.objects.get(last_name="Gómez Ruiz")
    assert (saved.preferred_language, saved.interpreter_needed) == ("es", True)
    assert saved.requester_relationship == "hija"
    expect(page.locator(".reference-code")).to_have_text(saved.reference)

    to_caregiver = [m for m in mail.outbox if m.to == ["lucia@example.com"]]
    assert len(to_caregiver) == 1
    assert to_caregiver[0].subject.startswith("Recibimos su solicitud de cita")
    assert "llame al 911" in to_caregiver[0].body

    page.context.clear_cookies()
    sign_in(page, "frontdesk", demo["frontdesk"])
    page.get_by_role("link", name="Appointment requests").last.click()
    row = page.locator("#result_list tbody tr", has_text=saved.reference)
    patient = row.locator("td.field-patient")
    expect(patient.locator(".marker", has_text="Spanish + interpreter")).to_be_visible()
    expect(patient).to_contain_text("Call Lucía Gómez (hija)")


def test_the_header_link_takes_a_reader_to_the_same_page_in_the_other_language(
    page, demo
):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/procedures/kyphoplasty/")
    page.get_by_role("link", name="Español").click()
    expect(page).to_have_url(page.url.split("/es/")[0] + "/es/procedures/kyphoplasty/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/procedures/kyphoplasty/")
    assert "/es/" not in page.url


# The Spanish form at four widths in each state is checked with the English one in
# test_request_form_layout.py; every Spanish public page's layout and phone header
# with the English ones in test_page_layout.py.


# --- axe --------------------------------------------------------------------------


def test_spanish_public_pages_have_no_axe_violations(page, demo):
    found = {}
    for public_page in PUBLIC_PAGES:
        response = page.goto(spanish_path(public_page))
        assert response.status == 200, public_page.name
        if violations := axe_violations(page):
            found[public_page.name] = describe_violations(violations)
    show_errors(page, "es")
    if violations := axe_violations(page):
        found["form with errors"] = describe_violations(violations)
    assert found == {}, "\n".join(found.values())


def test_the_spanish_confirmation_has_no_axe_violations(page, demo):
    page.goto(FORM)
    fill_for_a_parent(page)
    page.get_by_label("Fiebre con dolor de espalda").check()
    page.get_by_role("button", name="Enviar mi solicitud").click()
    expect(page.get_by_role("alert")).to_contain_text("Llame al 911")
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
