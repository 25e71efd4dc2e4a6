"""Every public page, in English and in Spanish, is HTML a browser reads without
repairing it: html5lib's parser (the HTML standard's parsing rules) reports no
error, and no id is used twice."""

import re
from collections import Counter

import html5lib
import pytest
from django.core.management import call_command
from django.utils import translation

from tests.e2e.pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db
ID = re.compile(r'\sid="([^"]+)"')


def problems(html: str) -> list[str]:
    parser = html5lib.HTMLParser()
    parser.parse(html)
    found = [
        f"line {line}, column {column}: {code} {data or ''}"
        for (line, column), code, data in parser.errors
    ]
    twice = [name for name, count in Counter(ID.findall(html)).items() if count > 1]
    return found + [f"id used more than once: {name}" for name in twice]


@pytest.fixture
def demo(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", accounts_file=tmp_path / "accounts.txt")


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_public_page_parses_without_an_error(client, demo, language):
    found = {}
    with translation.override(language):
        paths = [public_page.path for public_page in PUBLIC_PAGES]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        if errors := problems(response.content.decode()):
            found[path] = errors
    assert found == {}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_form_with_errors_parses_without_an_error(client, demo, language):
    with translation.override(language):
        path = next(p for p in PUBLIC_PAGES if p.name == "request-form").path
    response = client.post(path, {"for_someone_else": "no"})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()  # the errors are shown
    assert problems(response.content.decode()) == []


def test_a_page_with_a_misnested_tag_is_caught():
    assert problems("<!DOCTYPE html><html lang=en><title>x</title><p><b>a</p></b>")
    assert problems(
        '<!DOCTYPE html><html lang=en><title>x</title><p id="a"></p><i id="a"></i>'
    )
