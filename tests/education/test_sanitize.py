import re

import pytest

from education.text import html_blocks, render_markdown

from .conftest import make_page, make_part

pytestmark = pytest.mark.django_db


def test_a_script_element_is_removed_with_its_content():
    html = render_markdown("Hello <script>alert('x')</script> there")
    assert "<script" not in html and "alert" not in html


def test_a_script_block_on_its_own_line_is_removed():
    html = render_markdown("Text\n\n<script>\nalert(1)\n</script>\n\nMore")
    assert "<script" not in html and "alert" not in html


@pytest.mark.parametrize(
    "source",
    [
        "<img src=x onerror=alert(1)>",
        '<p onclick="alert(1)">Click</p>',
        '<a href="/x" onmouseover="alert(1)">x</a>',
        "<svg onload=alert(1)>",
        '<details open ontoggle="alert(1)">x</details>',
    ],
)
def test_event_handlers_never_survive(source):
    html = render_markdown(source)
    assert "alert" not in html
    assert not re.search(r"\bon[a-z]+=", html)


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        '<a href="JaVaScRiPt:alert(1)">click</a>',
        '<a href="&#106;avascript:alert(1)">click</a>',
        '<a href=" javascript:alert(1)">click</a>',
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
    ],
)
def test_dangerous_links_lose_their_address(source):
    html = render_markdown(source).lower()
    assert "javascript" not in html
    assert "data:" not in html and "vbscript" not in html
    assert "click" in html


def test_ordinary_links_are_kept():
    html = render_markdown("[Call us](tel:5550100) or [read](https://example.org)")
    assert 'href="tel:5550100"' in html
    assert 'href="https://example.org"' in html


def test_styles_iframes_and_forms_are_removed():
    html = render_markdown(
        '<style>body{}</style><iframe src="/x"></iframe><form><input></form>'
        '<p style="color:red">Hi</p>'
    )
    for bad in ("<style", "<iframe", "<form", "<input", "style="):
        assert bad not in html


def test_markdown_basics_render():
    html = render_markdown("Some **bold**.\n\n- one\n- two")
    assert "<strong>bold</strong>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html


def test_body_headings_start_below_the_section_heading():
    assert render_markdown("# Big\n\n## Smaller").startswith("<h3>Big</h3>")
    assert "<h4>Smaller</h4>" in render_markdown("# Big\n\n## Smaller")
    assert render_markdown("### Only one") == "<h3>Only one</h3>"


def test_plain_text_of_html_has_no_tags_and_ends_each_item():
    blocks = html_blocks(render_markdown("A **b** c\n\n- one\n- two"))
    assert blocks == ["A b c", "one", "two"]


def test_typed_script_never_reaches_the_public_page(client, clinic_settings):
    page = make_page()
    make_part(
        page,
        "faq",
        heading="Is it <b>safe</b>?",
        body='<script>alert(1)</script><img src=x onerror="alert(2)">'
        "[x](javascript:alert(3))",
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert "alert(" not in html
    assert "Is it &lt;b&gt;safe&lt;/b&gt;?" in html
