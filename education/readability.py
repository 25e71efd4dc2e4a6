"""Readability section by section, in each language: a page meets the plain-language
target only if every section does, and the sentences that hold a section back are
named. English is measured with the Flesch-Kincaid grade, Spanish with the
Fernández-Huerta readability (``text.reading_grade``); ``SCALES`` holds each one's
target and direction."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .revisions import PART_LABELS
from .text import as_sentences, hard_sentences, html_blocks, reading_grade


@dataclass(frozen=True)
class Scale:
    """A readability measure and the plain-language target editors are shown."""

    language: str
    name: str
    target: float
    lower_is_easier: bool  # a grade (English) goes down as text gets easier
    # Sentences shorter than this are not named as hard: Fernández-Huerta marks a
    # list item of one long word ("Medicinas.") as very hard.
    shortest_named: int = 1

    def misses(self, score) -> bool:
        if self.lower_is_easier:
            return score > self.target
        return score < self.target

    def hardest_first(self, score) -> float:
        """A sort key putting the hardest score first."""
        return -score if self.lower_is_easier else score

    @property
    def miss_text(self) -> str:
        if self.lower_is_easier:
            return _("above the target")
        return _("below the target")

    @property
    def target_text(self) -> str:
        if self.lower_is_easier:
            return _("grade %(target)s or below") % {"target": self.target}
        return _("%(target)s or more") % {"target": self.target}


SCALES = {
    "en": Scale("en", gettext_lazy("Flesch-Kincaid grade"), 8, lower_is_easier=True),
    "es": Scale(
        "es",
        gettext_lazy("Fernández-Huerta readability"),
        70,
        lower_is_easier=False,
        shortest_named=5,
    ),
}
# Plain-language target shown to editors for English: grade 8 or below.
READING_GRADE_TARGET = SCALES["en"].target


@dataclass
class SectionGrade:
    label: str
    grade: float | None
    hard: list[tuple[str, float]]
    scale: Scale = SCALES["en"]

    @property
    def meets_target(self) -> bool:
        return self.grade is None or not self.scale.misses(self.grade)


def grade_label(grade, language: str = "en") -> str:
    if grade is None:
        return "—"
    scale = SCALES[language]
    if not scale.misses(grade):
        return _("%(grade)s: meets the target") % {"grade": grade}
    return _("%(grade)s: %(miss)s, simplify") % {
        "grade": grade,
        "miss": scale.miss_text,
    }


def _graded(label: str, blocks: list[str], scale: Scale) -> SectionGrade:
    text = as_sentences(blocks)
    return SectionGrade(
        label,
        reading_grade(text, scale.language),
        hard_sentences(text, scale=scale),
        scale,
    )


def section_grades(page, parts, language: str = "en") -> list[SectionGrade]:
    """The score of each part (section, step, question, timeline entry) in
    ``language``, in the order given, heading and text together; a part not written
    in that language has none. The title and the one or two sentences of the
    summary are too short to grade on their own."""
    scale = SCALES[language]
    grades = []
    for part in parts:
        kind = str(PART_LABELS.get(part.type, _("part"))).capitalize()
        heading = getattr(part, f"heading_{language}", None) or ""
        body_html = getattr(part, f"body_html_{language}", None) or ""
        blocks = [heading, *html_blocks(body_html)] if heading or body_html else []
        label = heading or getattr(part, "heading_en", None) or part.heading
        grades.append(_graded(f"{kind} “{label}”", blocks, scale))
    return grades


def page_grade(grades: list[SectionGrade]) -> float | None:
    """The score of the hardest section: meets the target only if every section
    does."""
    known = [g.grade for g in grades if g.grade is not None]
    if not known:
        return None
    return max(known) if grades[0].scale.lower_is_easier else min(known)
