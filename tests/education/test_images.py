"""Step illustrations uploaded in the admin: Pillow checks each one. A bad file is an
error next to the field, never a server error, and leaves nothing in media storage."""

import io
import random
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from education import services
from education.forms import MAX_PICTURE_MB
from education.models import PagePart

from .conftest import admin_form_data

pytestmark = pytest.mark.django_db

NOT_A_PICTURE = "Upload a PNG, JPEG, GIF or WebP picture"
TOO_BIG = "This picture is too big: at most 6000 pixels wide or high"
BROKEN = "This picture is damaged or incomplete"


def picture(pillow_format: str, size=(30, 20)) -> bytes:
    """A small real picture, noisy enough that cutting it short breaks it."""
    noise = random.Random(0).randbytes(size[0] * size[1] * 3)
    image = Image.frombytes("RGB", size, noise)
    buffer = io.BytesIO()
    image.save(buffer, pillow_format)
    return buffer.getvalue()


def png(width: int, height: int, pixels: bool = True) -> bytes:
    """A black 1-bit PNG, a few kilobytes however many pixels it has. Without
    ``pixels``, only its header claims that size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8) if pixels else b""
    data = b"".join(packer.compress(row) for _ in range(height if pixels else 0))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", data + packer.flush())
        + chunk(b"IEND", b"")
    )


def upload_step_picture(client, page, name: str, content: bytes, alt="A balloon"):
    url = reverse("admin:education_procedure_change", args=[page.pk])
    data = admin_form_data(client.get(url))
    data.update(
        {
            "steps-TOTAL_FORMS": str(int(data["steps-TOTAL_FORMS"]) + 1),
            "steps-1-order": "20",
            "steps-1-heading_en": "Filling the balloon",
            "steps-1-body_en": "The balloon is filled.",
            "steps-1-illustration": SimpleUploadedFile(name, content),
            "steps-1-alt_en": alt,
        }
    )
    return client.post(url, data)


def illustration_errors(response) -> list[str]:
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == "steps":
            return inline.formset.forms[1].errors.get("illustration", [])
    raise AssertionError("no steps on the form")


def files_in_media(settings) -> list:
    return [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


@pytest.fixture
def reviewer(client, reviewer_user):
    client.force_login(reviewer_user)
    return client


@pytest.mark.parametrize(
    ("pillow_format", "extension"),
    [("PNG", "png"), ("JPEG", "jpg"), ("GIF", "gif"), ("WEBP", "webp")],
)
def test_a_picture_is_stored_under_its_format_with_its_size(
    reviewer, page, settings, pillow_format, extension
):
    response = upload_step_picture(
        reviewer, page, "Balloon Step.bin", picture(pillow_format)
    )
    assert response.status_code == 302, response.context["errors"]
    services.page_publish_changes(page=page, by=None)  # a live page: its draft
    step = PagePart.objects.get(heading="Filling the balloon")
    assert step.illustration.name.startswith("education/illustrations/balloon-step")
    assert step.illustration.name.endswith(f".{extension}")
    assert (step.illustration_width, step.illustration_height) == (30, 20)
    assert len(files_in_media(settings)) == 1


def test_a_picture_without_alt_text_is_refused_and_not_stored(reviewer, page, settings):
    response = upload_step_picture(reviewer, page, "b.png", picture("PNG"), alt="")
    assert response.status_code == 200
    assert "Add alt text that describes the illustration" in response.content.decode()
    assert not PagePart.objects.filter(heading="Filling the balloon").exists()
    assert files_in_media(settings) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>',
            NOT_A_PICTURE,
            id="svg",
        ),
        pytest.param(
            "looks-like.png",
            b"<svg><script>alert(1)</script></svg>",
            NOT_A_PICTURE,
            id="svg-named-png",
        ),
        pytest.param(
            "page.html",
            b"<html><script>alert(1)</script></html>",
            NOT_A_PICTURE,
            id="html",
        ),
        pytest.param("leaflet.pdf", b"%PDF-1.7\n%\xe2\xe3\n", NOT_A_PICTURE, id="pdf"),
        pytest.param("empty.png", b"\x89PNG\r\n\x1a\n", NOT_A_PICTURE, id="png-sig"),
        pytest.param("scan.bmp", picture("BMP"), NOT_A_PICTURE, id="bmp"),
        pytest.param("scan.tif", picture("TIFF"), NOT_A_PICTURE, id="tiff"),
        pytest.param("cut.png", picture("PNG")[:-200], BROKEN, id="truncated-png"),
        pytest.param("cut.jpg", picture("JPEG")[:-200], BROKEN, id="truncated-jpeg"),
        pytest.param(
            "huge.png",
            png(4294967295, 4294967295, pixels=False),
            TOO_BIG,
            id="huge-header",
        ),
        pytest.param("bomb.png", png(15000, 15000), TOO_BIG, id="decompression-bomb"),
        pytest.param("wide.png", png(6001, 1), TOO_BIG, id="side-over-6000"),
        pytest.param("big.png", png(5000, 5000), TOO_BIG, id="over-24-megapixels"),
        pytest.param(
            "heavy.png",
            picture("PNG") + b"\x00" * MAX_PICTURE_MB * 1024 * 1024,
            "larger than 5 MB",
            id="over-5-mb",
        ),
    ],
)
def test_a_bad_file_is_an_error_next_to_the_field_and_leaves_no_file(
    reviewer, page, settings, name, content, message
):
    response = upload_step_picture(reviewer, page, name, content)
    assert response.status_code == 200
    assert any(message in error for error in illustration_errors(response))
    assert not PagePart.objects.filter(heading="Filling the balloon").exists()
    assert files_in_media(settings) == []


def test_the_file_chooser_offers_only_the_allowed_formats(reviewer, page):
    url = reverse("admin:education_procedure_change", args=[page.pk])
    html = reviewer.get(url).content.decode()
    assert 'accept="image/png,image/jpeg,image/gif,image/webp"' in html
