"""A page as a snapshot: its fields, its parts and its related pages, in the shape
Django's serializer writes them. A pending draft of a live page is stored as one; a
django-reversion revision and the live page are read as one, so any two of them can
be compared section by section, and what changed can be named in the history.
"""

import difflib
import json
import re
from dataclasses import dataclass, field

from django.core import serializers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Page, PagePart
from .translation import LANGUAGES, PAGE_TEXT, PART_TEXT


def _in_each_language(names: tuple[str, ...], translated: tuple[str, ...]) -> tuple:
    """``names``, each translated one as its column in every language."""
    return tuple(
        column
        for name in names
        for column in (
            [f"{name}_{lang}" for lang in LANGUAGES] if name in translated else [name]
        )
    )


# What editors type; the rest is derived on save, or is bookkeeping.
PAGE_FIELDS = _in_each_language(
    (
        "title",
        "slug",
        "summary",
        "glance_time",
        "glance_anesthesia",
        "glance_stay",
        "glance_recovery",
        "reviewed_by",
        "reviewer_credentials",
        "last_reviewed",
        "next_review_due",
    ),
    PAGE_TEXT,
)
PART_FIELDS = _in_each_language(
    ("heading", "anchor", "body", "show_after", "illustration", "alt"), PART_TEXT
)
PART_LABELS = {
    PagePart.Type.SECTION: gettext_lazy("section"),
    PagePart.Type.STEP: gettext_lazy("step"),
    PagePart.Type.FAQ: gettext_lazy("question"),
    PagePart.Type.TIMELINE: gettext_lazy("timeline entry"),
}


def snapshot(page_id: int) -> dict:
    """The page as it is in the database now."""
    page = Page.objects.get(pk=page_id)
    parts = PagePart.objects.filter(page_id=page_id).order_by("order", "pk")
    return {
        "page": json.loads(serializers.serialize("json", [page]))[0],
        "parts": json.loads(serializers.serialize("json", parts)),
    }


def version_snapshot(version) -> dict:
    """The page as a django-reversion ``Version`` (of a Procedure or Condition)
    recorded it, with the parts saved in the same revision."""
    page = json.loads(version.serialized_data)[0]
    page["model"] = "education.page"
    parts = []
    for other in version.revision.version_set.all():
        if other.content_type.model_class() is None:
            continue
        if not issubclass(other.content_type.model_class(), PagePart):
            continue
        data = json.loads(other.serialized_data)[0]
        if str(data["fields"].get("page")) == str(version.object_id):
            data["model"] = "education.pagepart"
            parts.append(data)
    parts.sort(key=lambda p: (p["fields"].get("order") or 0, p["pk"]))
    return {"page": page, "parts": parts}


@dataclass
class Objects:
    """A snapshot as unsaved model instances, ready for ``services.page_save``."""

    page: Page
    parts: list[PagePart]
    deleted_parts: list[PagePart]
    related: list[int] = field(default_factory=list)


def objects_for(page: Page, content: dict) -> Objects:
    """``content`` laid over ``page``: the page keeps its status and dates of
    publication; parts of another page (an id reused since) are added as new."""
    found = next(serializers.deserialize("json", json.dumps([content["page"]])))
    new = found.object
    new.pk = page.pk
    for name in ("kind", "status", "published_at", "created_at"):
        setattr(new, name, getattr(page, name))
    new.__class__ = type(page)
    existing = {p.pk: p for p in PagePart.objects.filter(page_id=page.pk)}
    others = set(
        PagePart.objects.filter(pk__in=[p["pk"] for p in content["parts"]])
        .exclude(page_id=page.pk)
        .values_list("pk", flat=True)
    )
    parts = []
    for item in serializers.deserialize("json", json.dumps(content["parts"])):
        part = item.object
        if part.pk in others:
            part.pk = None
        part.page_id = page.pk
        parts.append(part)
    kept = {p.pk for p in parts}
    deleted = [p for pk, p in existing.items() if pk not in kept]
    related = [pk for pk in found.m2m_data.get("related", []) if pk != page.pk]
    related = list(Page.objects.filter(pk__in=related).values_list("pk", flat=True))
    return Objects(new, parts, deleted, related)


# --- Comparing two snapshots -------------------------------------------------------


@dataclass
class Change:
    """One field of the page or of a part, before and after, with word marks."""

    label: str
    words: list[tuple[str, str]]  # ("same" | "added" | "removed", text)


@dataclass
class PartComparison:
    label: str
    state: str  # "added", "removed", "changed" or "same"
    changes: list[Change]


def _fields(item: dict | None, names) -> dict:
    """The values of ``names`` in a snapshot's item. A version saved before pages
    had a column per language holds its English text under the field's own name."""
    fields = (item or {}).get("fields", {})
    values = {}
    for name in names:
        value = fields.get(name)
        if name not in fields and name.endswith("_en"):
            value = fields.get(name.removesuffix("_en"))
        values[name] = "" if value is None else str(value)
    return values


def _label(model, name: str) -> str:
    """A field's name for editors: "title", and "title in Spanish"."""
    field = model._meta.get_field(name)
    original = getattr(field, "translated_field", field)
    language = getattr(field, "language", None)
    if language in (None, "en"):
        return str(original.verbose_name)
    return _("%(field)s in Spanish") % {"field": original.verbose_name}


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` to ``new`` word by word, as runs of same, removed and added text."""
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    runs = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("added", "".join(b[j1:j2])))
    return runs


def _changes(old: dict, new: dict, labels: dict) -> list[Change]:
    return [
        Change(labels[name], word_diff(old[name], new[name]))
        for name in labels
        if old[name] != new[name]
    ]


def _page_labels() -> dict:
    return {name: _label(Page, name) for name in PAGE_FIELDS}


def _part_labels(part_type: str) -> dict:
    labels = {name: _label(PagePart, name) for name in PART_FIELDS}
    if part_type != PagePart.Type.SECTION:
        labels.pop("anchor")
        labels.pop("show_after")
    if part_type != PagePart.Type.STEP:
        for name in ("illustration", *(f"alt_{lang}" for lang in LANGUAGES)):
            labels.pop(name)
    labels["order"] = str(_("position"))
    return labels


def part_label(item: dict) -> str:
    fields = item["fields"]
    kind = PART_LABELS.get(fields.get("type"), _("part"))
    heading = fields.get("heading_en") or fields.get("heading", "")
    return f"{str(kind).capitalize()} “{heading}”"


def compare(old: dict | None, new: dict) -> tuple[list[Change], list[PartComparison]]:
    """The page's fields that differ, and every part of either snapshot in the new
    one's order (parts removed last), each with what differs. Parts are matched by
    their id, so a renamed section is one section changed, not one removed and one
    added."""
    old = old or {"page": None, "parts": []}
    labels = _page_labels()
    page_changes = _changes(
        _fields(old["page"], labels), _fields(new["page"], labels), labels
    )
    before = {item["pk"]: item for item in old["parts"]}
    after_ids = {item["pk"] for item in new["parts"]}
    # A part moved if it changed places among the parts of its own type (steps
    # among steps): steps and sections are ordered apart.
    old_order, new_order = {}, {}
    for order, parts, kept in (
        (old_order, old["parts"], after_ids),
        (new_order, new["parts"], before),
    ):
        for p in parts:
            if p["pk"] in kept:
                order.setdefault(p["fields"].get("type"), []).append(p["pk"])
    parts = []
    for item in new["parts"]:
        labels = _part_labels(item["fields"].get("type"))
        previous = before.get(item["pk"])
        fields = {k: v for k, v in labels.items() if k != "order"}
        changes = _changes(_fields(previous, fields), _fields(item, fields), fields)
        if previous is None:
            state = "added"
        else:
            pk, kind = item["pk"], item["fields"].get("type")
            moved = old_order[kind].index(pk) != new_order[kind].index(pk)
            if moved:
                changes.append(Change(labels["order"], [("same", _("moved"))]))
            state = "changed" if changes else "same"
        parts.append(PartComparison(part_label(item), state, changes))
    for item in old["parts"]:
        if item["pk"] not in after_ids:
            labels = _part_labels(item["fields"].get("type"))
            fields = {k: v for k, v in labels.items() if k != "order"}
            changes = _changes(_fields(item, fields), _fields(None, fields), fields)
            parts.append(PartComparison(part_label(item), "removed", changes))
    return page_changes, parts


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def describe(old: dict | None, new: dict) -> str:
    """What changed from ``old`` to ``new`` in a line for the history, e.g.
    “Changed title. Changed step “Placing the needle”: text.”"""
    if old is None:
        return _("Created.")
    page_changes, parts = compare(old, new)
    sentences = []
    if page_changes:
        names = ", ".join(change.label for change in page_changes)
        sentences.append(_("Changed %(fields)s.") % {"fields": names})
    for part in parts:
        if part.state == "added":
            sentences.append(_("Added %(part)s.") % {"part": _lower_first(part.label)})
        elif part.state == "removed":
            sentences.append(
                _("Removed %(part)s.") % {"part": _lower_first(part.label)}
            )
        elif part.state == "changed":
            names = ", ".join(change.label for change in part.changes)
            sentences.append(
                _("Changed %(part)s: %(fields)s.")
                % {"part": _lower_first(part.label), "fields": names}
            )
    old_related = sorted(old["page"]["fields"].get("related", []))
    if old_related != sorted(new["page"]["fields"].get("related", [])):
        sentences.append(_("Changed related pages."))
    return " ".join(sentences) or _("No change to the content.")
