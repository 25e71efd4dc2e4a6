"""The blank request form's fields, drawn once per language and content version.

Drawing the fields is most of the form page's cost, and a blank form looks the same to
everyone but for its fill-time token. So each worker keeps the drawn fields of a blank
form with a placeholder token, and a GET gets a copy with its own fresh token in place
of the placeholder. The locations and topics the form offers are site content, so the
copies are keyed by ``clinic.pagecache``'s content version and dropped when it moves.
"""

from crispy_forms.utils import render_crispy_form
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from clinic.pagecache import worker

from .forms import TIMING_FIELD, AppointmentRequestForm

PLACEHOLDER = "started-placeholder"
SLOT = f'name="{TIMING_FIELD}" value="{PLACEHOLDER}"'

_fragments: dict[tuple, str] = {}


def blank_form_fields(form: AppointmentRequestForm, **form_kwargs) -> SafeString:
    """The drawn fields of ``form``, a blank form with its default initial values.

    ``form_kwargs`` makes another blank form like it (for a copy not yet kept).
    """
    version = worker.current_version()
    key = (get_language(), version)
    fragment = _fragments.get(key)
    if fragment is None:
        model = AppointmentRequestForm(
            **{**form_kwargs, "initial": {TIMING_FIELD: PLACEHOLDER}}
        )
        fragment = render_crispy_form(model)
        if fragment.count(SLOT) != 1:
            raise RuntimeError("The blank form's token placeholder is not once in it.")
        if any(kept[1] != version for kept in _fragments):
            _fragments.clear()
        _fragments[key] = fragment
    slot = format_html('name="{}" value="{}"', TIMING_FIELD, form[TIMING_FIELD].value())
    # The fragment is crispy's escaped output and the token is escaped just above.
    return mark_safe(fragment.replace(SLOT, slot))  # noqa: S308


def forget() -> None:
    _fragments.clear()
