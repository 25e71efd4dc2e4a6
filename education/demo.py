"""Load the demo education pages from ``demo_content.PAGES``.

Creates only what is missing: a page whose slug exists (or used to, before an editor
renamed it) is left exactly as it is, with its parts and links, except that a demo
page made before the site spoke Spanish gets its Spanish text when nobody has edited
its English or written any Spanish on it (``_add_missing_spanish``). New pages are saved
through the services, as published and medically reviewed today, each with a
revision of its own in its history. The step drawings shipped in ``demo/steps/`` are
copied into media storage once the transaction commits, so a dry run writes no file.
"""

import re
from collections.abc import Callable
from pathlib import Path

import reversion
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation

from . import services
from .models import (
    Condition,
    Faq,
    Page,
    PagePart,
    PageRedirect,
    Procedure,
    Section,
    Step,
)
from .models import TimelineEntry as Timeline
from .outline import CARE_SECTIONS

STEP_DRAWINGS = Path(__file__).resolve().parent / "demo" / "steps"
MEDIA_FOLDER = "education/demo"
ORDER_GAP = 10
# Where the groups of parts go: after the section with one of these anchors.
STEPS_AFTER = ("benefits", "candidates", "what-it-is")
TIMELINE_AFTER = ("recovery",)
# The warning signs (the care card) follow the symptoms on a condition page.
SYMPTOM_SECTIONS = ("symptoms",)

PROXIES = {Page.Kind.PROCEDURE: Procedure, Page.Kind.CONDITION: Condition}
GLANCE_KEYS = ("time", "anesthesia", "stay", "recovery")


def load(
    *,
    log: Callable[[str], None],
    pages: list[dict] | None = None,
    spanish: dict[str, dict] | None = None,
) -> int:
    """Create the demo pages that are missing, each with its Spanish text when
    ``spanish`` (by default ``demo_content_es.PAGES_ES``) has it for the page's
    slug; return the number of objects made."""
    if pages is None:
        from .demo_content import PAGES as pages
    if spanish is None:
        from .demo_content_es import PAGES_ES as spanish

    created, made = 0, {}
    # The English text goes into the English columns whatever the active language.
    with transaction.atomic(), translation.override("en"):
        for data in pages:
            slug = data["slug"]
            taken = Page.objects.filter(slug=slug).first()
            if taken and _add_missing_spanish(taken, data, spanish.get(slug)):
                log(f"Added the Spanish text of the demo page {taken.title}.")
            if taken or PageRedirect.objects.filter(old_slug=slug).exists():
                continue
            page, count = _create_page(data, spanish.get(slug))
            made[slug] = page
            created += count
            log(f"Created {page.kind} page {page.title} with {count - 1} parts.")
        for data in pages:
            page = made.get(data["slug"])
            if page is not None and data.get("related"):
                page.related.set(Page.objects.filter(slug__in=data["related"]))
        # One revision per page, with its parts and links: reversion restores a
        # whole revision, so restoring one page must not roll back the others.
        for page in made.values():
            with reversion.create_revision():
                reversion.set_comment("Demo content loaded.")
                reversion.add_to_revision(page)
    return created


def _create_page(data: dict, spanish: dict | None = None) -> tuple[Page, int]:
    page, parts = _demo_page(data)
    page.full_clean(exclude=["related"], validate_constraints=False)
    if spanish:
        _add_spanish(page, parts, spanish)
    for part in parts:
        part.full_clean(exclude=["page"])
    services.page_save(page=page, by=None, parts=parts)
    return page, 1 + len(parts)


def _demo_page(data: dict) -> tuple[Page, list[PagePart]]:
    """The page ``data`` describes and its parts, in English, not saved."""
    glance = data.get("at_a_glance") or {}
    page = PROXIES[data["kind"]](
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        alternative_terms=data.get("alternative_terms", ""),
        status=Page.Status.PUBLISHED,
        reviewed_by=data.get("reviewed_by", ""),
        reviewer_credentials=data.get("reviewer_credentials", ""),
        last_reviewed=timezone.localdate(),
        glance_time=glance.get("time", ""),
        glance_anesthesia=glance.get("anesthesia", ""),
        glance_stay=glance.get("stay", ""),
        glance_recovery=glance.get("recovery", ""),
    )
    parts = []
    sections = data.get("sections", [])
    anchors = _reading_order([section["anchor"] for section in sections])
    for section in sections:
        parts.append(
            Section(
                page=page,
                order=(anchors.index(section["anchor"]) + 1) * ORDER_GAP,
                heading=section["heading"],
                anchor=section["anchor"],
                body=section["body"],
                show_after=_group_after(section["anchor"], anchors, data),
            )
        )
    for number, step in enumerate(data.get("steps", []), start=1):
        parts.append(_step(page, number, step))
    for number, faq in enumerate(data.get("faqs", []), start=1):
        parts.append(
            Faq(
                page=page,
                order=number * ORDER_GAP,
                heading=faq["question"],
                body=faq["answer"],
            )
        )
    for number, entry in enumerate(data.get("timeline", []), start=1):
        parts.append(
            Timeline(
                page=page,
                order=number * ORDER_GAP,
                heading=entry["when"],
                body=entry["body"],
            )
        )
    return page, parts


def _add_missing_spanish(page: Page, data: dict, spanish: dict | None) -> bool:
    """Give ``page``, made by an older demo, the Spanish of ``spanish`` if its English
    is still the demo's ``data`` word for word and it has no Spanish at all; saved
    through the services with a revision of its own. Returns whether it did."""
    if not spanish or page.kind != data["kind"]:
        return False
    page = PROXIES[page.kind].objects.get(pk=page.pk)  # the kind reversion follows
    parts = list(page.parts.order_by("order", "pk"))
    made = _demo_page(data)
    if _english(page, parts) != _english(*made) or _has_spanish(page, parts):
        return False
    _add_spanish(page, parts, spanish)
    with reversion.create_revision():
        reversion.set_comment("Spanish demo text added.")
        services.page_save(page=page, by=None, parts=parts)
        reversion.add_to_revision(page)
    return True


def _english(page: Page, parts: list) -> tuple:
    """What a reader of the English page reads, in the order the Spanish maps onto
    it: the page's text, then each kind of part by order (sections by link name)."""
    by_type = {}
    for part in parts:
        by_type.setdefault(part.type, []).append(
            (
                part.anchor if part.type == PagePart.Type.SECTION else "",
                part.heading_en,
                part.body_en,
                part.alt_en,
            )
        )
    sections = sorted(by_type.pop(PagePart.Type.SECTION, []))
    return (page.title_en, page.summary_en, sections, by_type)


def _has_spanish(page: Page, parts: list) -> bool:
    return bool(page.title_es or page.summary_es) or any(
        part.heading_es or part.body_es for part in parts
    )


def _add_spanish(page: Page, parts: list, data: dict) -> None:
    """Give ``page`` and its ``parts`` (made from the English data, in its order)
    their Spanish text from ``data``, shaped as ``demo_content_es`` describes:
    sections by their link name, the other parts in the order of the English ones."""
    glance = data.get("at_a_glance") or {}
    fields = {
        "title": data.get("title", ""),
        "summary": data.get("summary", ""),
        "alternative_terms": data.get("alternative_terms", ""),
        "reviewer_credentials": data.get("reviewer_credentials", ""),
        **{f"glance_{key}": glance.get(key, "") for key in GLANCE_KEYS},
    }
    for name, value in fields.items():
        setattr(page, f"{name}_es", value)
    sections = {
        s["anchor"]: (s["heading"], s["body"], "") for s in data.get("sections", [])
    }
    texts = {
        PagePart.Type.STEP: [
            (s["title"], s["body"], s.get("alt", "")) for s in data.get("steps", [])
        ],
        PagePart.Type.FAQ: [
            (q["question"], q["answer"], "") for q in data.get("faqs", [])
        ],
        PagePart.Type.TIMELINE: [
            (t["when"], t["body"], "") for t in data.get("timeline", [])
        ],
    }
    counters = dict.fromkeys(texts, 0)
    for part in parts:
        if part.type == PagePart.Type.SECTION:
            heading, body, alt = sections.get(part.anchor, ("", "", ""))
        else:
            heading, body, alt = texts[part.type][counters[part.type]]
            counters[part.type] += 1
        part.heading_es, part.body_es, part.alt_es = heading, body, alt


def _group_after(anchor: str, anchors: list[str], data: dict) -> str:
    """Which group, if any, follows the section with ``anchor``."""
    if data.get("steps") and anchor == _first_present(STEPS_AFTER, anchors):
        return Step.Group.STEPS
    if data.get("timeline") and anchor == _first_present(TIMELINE_AFTER, anchors):
        return Step.Group.TIMELINE
    # The questions come last, before a closing "when to get care" section.
    closing = len(anchors) > 1 and anchors[-1] in CARE_SECTIONS
    if data.get("faqs") and anchor == anchors[-2 if closing else -1]:
        return Step.Group.FAQS
    return ""


def _reading_order(anchors: list[str]) -> list[str]:
    """Section anchors in the order a reader meets them: as listed, except that the
    warning signs come straight after the symptoms."""
    anchors = list(anchors)
    care = _first_present(CARE_SECTIONS, anchors)
    symptoms = _first_present(SYMPTOM_SECTIONS, anchors)
    if care and symptoms:
        anchors.remove(care)
        anchors.insert(anchors.index(symptoms) + 1, care)
    return anchors


def _first_present(candidates: tuple[str, ...], anchors: list[str]) -> str | None:
    return next((anchor for anchor in candidates if anchor in anchors), None)


def _step(page: Page, number: int, data: dict) -> Step:
    step = Step(
        page=page,
        order=number * ORDER_GAP,
        heading=data["title"],
        body=data["body"],
        alt=data.get("alt", ""),
    )
    filename = data.get("illustration")
    if filename:
        source = STEP_DRAWINGS / filename
        step.illustration.name = f"{MEDIA_FOLDER}/{filename}"
        step.illustration_width, step.illustration_height = _svg_size(source)
        transaction.on_commit(lambda: _copy_to_media(source, step.illustration.name))
    return step


def _copy_to_media(source: Path, name: str) -> None:
    if not default_storage.exists(name):
        with source.open("rb") as handle:
            default_storage.save(name, File(handle))


def _svg_size(path: Path) -> tuple[int | None, int | None]:
    """The drawing's width and height in pixels, from its root element."""
    root = re.search(r"<svg\b[^>]*>", path.read_text(encoding="utf-8"))
    if root is None:
        return None, None
    size = []
    for attribute in ("width", "height"):
        found = re.search(rf'\b{attribute}="(\d+)', root.group(0))
        size.append(int(found.group(1)) if found else None)
    return size[0], size[1]
