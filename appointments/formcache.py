"""The blank request form's page, rendered once per address, language and content
version.

A blank form's page looks the same to every visitor of one address but for two
tokens: the CSRF token and the fill-time token. So each worker keeps the page drawn
with a slot in place of each, and a GET gets a copy with its own fresh tokens in the
slots, without building the form. The locations and topics the page offers are site
content, so the copies sit among ``clinic.pagecache``'s pages, which it drops when
the content version moves. The address keys them with its query string: a topic in
it (``?topic=kyphoplasty``) is chosen in the form, and the language link keeps it
(the view asks for a kept page only without one, or with a published topic's).
"""

from collections.abc import Callable

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from clinic.pagecache import worker

from .forms import timing_token

# Neither is changed by HTML escaping, and neither is anything else on the page.
CSRF_SLOT = "csrf-token-slot-5c2e1f"
STARTED_SLOT = "started-token-slot-5c2e1f"


def blank_form_page(request, render: Callable[..., HttpResponse]) -> HttpResponse:
    """The page of a blank form for ``request``, a GET.

    ``render(csrf_token=..., started=...)`` draws the page normally with those two
    tokens; it is called with the slots when this worker has no copy yet.
    """
    version = worker.current_version()
    key = (
        "request-form",
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        get_language(),
    )
    if (kept := worker.pages.get(key)) is None:
        response = render(csrf_token=CSRF_SLOT, started=STARTED_SLOT)
        response.render()
        for slot in (CSRF_SLOT, STARTED_SLOT):
            if response.content.count(slot.encode()) != 1:
                raise RuntimeError(f"The form page's {slot} is not once in it.")
        worker.keep(version, key, response)
        content, headers = response.content, dict(response.items())
    else:
        content, headers = kept.content, kept.headers
    content = content.replace(CSRF_SLOT.encode(), get_token(request).encode())
    content = content.replace(STARTED_SLOT.encode(), timing_token().encode())
    return HttpResponse(content, headers=headers)
