"""The same page in the other languages: the header's language link and the
``hreflang`` alternates in every public page's head."""

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context) -> dict:
    """``alternates``: (code, absolute address) for each language and x-default,
    empty where the address is no page of the site (an error page, or no request);
    ``switch``: the link to the other language, with its name in that language.

    The header's link keeps the query string (a search stays a search); the
    alternates leave it out, as the canonical addresses do.
    """
    request = context.get("request")
    current = get_language() or settings.LANGUAGE_CODE
    other = next(code for code, _name in settings.LANGUAGES if code != current)
    versions = {"alternates": [], "switch": None}
    name = dict(settings.LANGUAGES)[other]  # in its own language: "Español"
    if request is None:
        home = translate_url("/", other)
        versions["switch"] = {"code": other, "name": name, "url": home}
        return versions
    try:
        resolve(request.path_info)
    except Resolver404:
        found = False
    else:
        found = True
    full_path = request.get_full_path()
    url = translate_url(full_path, other) if found else translate_url("/", other)
    versions["switch"] = {"code": other, "name": name, "url": url}
    if found:
        for code, _name in settings.LANGUAGES:
            address = request.build_absolute_uri(translate_url(request.path, code))
            versions["alternates"].append((code, address))
            if code == settings.LANGUAGE_CODE:
                versions["alternates"].append(("x-default", address))
    return versions
