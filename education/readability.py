"""Reading grade section by section: a page meets the plain-language target only if
every section does, and the sentences that hold a section back are named."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .revisions import PART_LABELS
from .text import as_sentences, hard_sentences, html_blocks, reading_grade

# Plain-language target shown to editors: Flesch-Kincaid grade 8 or below.
READING_GRADE_TARGET = 8


@dataclass
class SectionGrade:
    label: str
    grade: float | None
    hard: list[tuple[str, float]]

    @property
    def meets_target(self) -> bool:
        return self.grade is None or self.grade <= READING_GRADE_TARGET


def grade_label(grade) -> str:
    if grade is None:
        return "—"
    if grade <= READING_GRADE_TARGET:
        return _("%(grade)s: meets the target") % {"grade": grade}
    return _("%(grade)s: above the target, simplify") % {"grade": grade}


def _graded(label: str, blocks: list[str]) -> SectionGrade:
    text = as_sentences(blocks)
    return SectionGrade(
        label, reading_grade(text), hard_sentences(text, above=READING_GRADE_TARGET)
    )


def section_grades(page, parts) -> list[SectionGrade]:
    """The grade of each part (section, step, question, timeline entry), in the
    order given, heading and text together. The title and the one or two sentences
    of the summary are too short to grade on their own."""
    grades = []
    for part in parts:
        kind = str(PART_LABELS.get(part.type, _("part"))).capitalize()
        blocks = [part.heading, *html_blocks(part.body_html)]
        grades.append(_graded(f"{kind} “{part.heading}”", blocks))
    return grades


def page_grade(grades: list[SectionGrade]) -> float | None:
    """The grade of the hardest section: at or below the target only if every
    section is."""
    known = [g.grade for g in grades if g.grade is not None]
    return max(known) if known else None
