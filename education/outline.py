"""A page body in reading order, for the template and its contents list, and the
link names (anchors) of its sections."""

from dataclasses import dataclass
from typing import ClassVar

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

# Ids the page template uses itself; a section's anchor must not take one of them.
RESERVED_ANCHORS = {
    "main",
    "page-title",
    "contents",
    "at-a-glance",
    "steps",
    "timeline",
    "questions",
    "related",
    "appointment",
    "urgent-advice",
}
# Sections holding a page's warning signs, by link name: each is shown as the
# urgent-care card, with the clinic's number and 911. A page without one gets a
# short card of its own (``urgent-advice``).
CARE_SECTIONS = ("urgent-care", "when-to-get-care")


def default_anchor(heading: str) -> str:
    return slugify(heading)[:60].strip("-") or "section"


@dataclass
class Block:
    """One heading's worth of a page body: a section, or a group of steps, timeline
    entries or questions."""

    kind: str
    heading: str
    anchor: str
    items: list

    GROUP_HEADINGS: ClassVar[dict] = {
        "steps": (_("How it is done, step by step"), "steps"),
        "timeline": (_("Recovery timeline"), "timeline"),
        "faqs": (_("Questions people often ask"), "questions"),
    }

    @property
    def is_care(self) -> bool:
        return self.kind == "section" and self.anchor in CARE_SECTIONS

    @classmethod
    def for_group(cls, group: str, items: list) -> "Block":
        heading, anchor = cls.GROUP_HEADINGS[group]
        return cls(group, heading, anchor, items)


def page_outline(page) -> list[Block]:
    """The body of ``page`` in reading order: each section, followed by the group
    (steps, timeline or questions) an editor placed after it. Groups placed nowhere
    come after the last section. Parts come in their own order (``PagePart.order``);
    ``Page.objects.with_parts()`` loads them all in one query."""
    parts = {"section": [], "step": [], "faq": [], "timeline": []}
    for part in page.parts.all():
        parts[part.type].append(part)
    groups = {
        "steps": parts["step"],
        "timeline": parts["timeline"],
        "faqs": parts["faq"],
    }
    blocks, placed = [], set()
    for section in parts["section"]:
        blocks.append(Block("section", section.heading, section.anchor, [section]))
        group = section.show_after
        if group in groups and group not in placed and groups[group]:
            blocks.append(Block.for_group(group, groups[group]))
            placed.add(group)
    for group, items in groups.items():
        if group not in placed and items:
            blocks.append(Block.for_group(group, items))
    return blocks
