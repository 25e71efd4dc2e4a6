"""Template tags of the education pages."""

import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..models import Page

register = template.Library()

# What Django's json_script escapes, so JSON can sit inside a <script> element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def structured_data(page: Page, url: str, clinic) -> str:
    """JSON-LD for search engines: a MedicalWebPage about the procedure or condition,
    with its medical review. Escaped for a <script> element."""
    about = {
        "@type": "MedicalProcedure"
        if page.kind == Page.Kind.PROCEDURE
        else "MedicalCondition",
        "name": page.title,
        "description": page.summary,
        "url": url,
    }
    if page.kind == Page.Kind.CONDITION and page.related_procedures:
        about["possibleTreatment"] = [
            {"@type": "MedicalProcedure", "name": procedure.title}
            for procedure in page.related_procedures
        ]
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": get_language(),
        "dateModified": page.updated_at.isoformat(),
        "about": about,
        "mainEntity": about,
        "publisher": {
            "@type": "MedicalClinic",
            "name": clinic.name,
            "telephone": clinic.main_phone,
        },
    }
    if page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
    if page.reviewed_by:
        reviewer = {"@type": "Person", "name": page.reviewed_by}
        if page.reviewer_credentials:
            reviewer["description"] = page.reviewer_credentials
        data["reviewedBy"] = reviewer
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 (escaped for a script element just above)
