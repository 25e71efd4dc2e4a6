"""The request form as a browser sends it, for the load benchmark and the stack tests.

``FormFields`` reads the first POST form of a page: every field with the value the
page gave it (the CSRF token, the timing token, preselected radio buttons and the
topic), plus what a patient types (``ANSWERS``).
"""

from html.parser import HTMLParser

# What a patient types; every other field keeps what the form preselects (radio
# buttons, the topic) or stays empty (optional fields, warning signs, the honeypot).
ANSWERS = {
    "first_name": "Bench",
    "last_name": "Patient",
    "date_of_birth": "3/27/1950",
    "phone": "(202) 555-0143",
    "email": "bench.patient@example.com",
    "message": "Sent by the load benchmark.",
    "consent": "on",
}


class FormFields(HTMLParser):
    """The fields of the first POST form, as a browser would send them untouched."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self.radio_groups: dict[str, str] = {}
        self.checkboxes: set[str] = set()
        self._in_form = False
        self._select: str | None = None
        self._select_value: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self._in_form = True
        if not self._in_form or (not attrs.get("name") and tag != "option"):
            return
        name = attrs.get("name", "")
        kind = attrs.get("type", "text").lower()
        if tag == "input" and kind == "radio":
            if "checked" in attrs or name not in self.radio_groups:
                self.radio_groups[name] = attrs.get("value", "")
        elif tag == "input" and kind == "checkbox":
            self.checkboxes.add(name)
            if "checked" in attrs:
                self.fields[name] = attrs.get("value", "on")
        elif tag == "input" and kind not in {"submit", "button"}:
            self.fields[name] = attrs.get("value", "")
        elif tag == "textarea":
            self.fields[name] = ""
        elif tag == "select":
            self._select, self._select_value = name, None
        elif tag == "option" and self._select:
            if self._select_value is None or "selected" in attrs:
                self._select_value = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            self.fields[self._select] = self._select_value or ""
            self._select = None
        elif tag == "form":
            self._in_form = False

    def form_data(self, answers: dict[str, str] | None = None) -> dict[str, str]:
        """What the browser sends: the page's values, then ``ANSWERS`` and
        ``answers`` typed over them."""
        typed = {**ANSWERS, **(answers or {})}
        data = {**self.radio_groups, **self.fields}
        data.update({k: v for k, v in typed.items() if k in data or k == "consent"})
        return data
