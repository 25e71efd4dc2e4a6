"""Patient-education pages: procedures and conditions (``pages``), the parts they are
made of (``parts``), and their pending changes under review (``drafts``)."""

from .drafts import PageDraft
from .pages import Condition, Page, PageRedirect, Procedure
from .parts import Faq, PagePart, Section, Step, TimelineEntry

__all__ = [
    "Condition",
    "Faq",
    "Page",
    "PageDraft",
    "PagePart",
    "PageRedirect",
    "Procedure",
    "Section",
    "Step",
    "TimelineEntry",
]
