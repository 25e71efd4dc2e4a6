import struct

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from education.images import MAX_UPLOAD_BYTES, check_uploaded_image, sniff_raster

from .conftest import png_bytes


def jpeg_bytes(width: int, height: int) -> bytes:
    app0 = (
        b"\xff\xe0"
        + struct.pack(">H", 16)
        + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    )
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def test_png_size_is_read_from_its_header():
    info = sniff_raster(png_bytes(640, 480))
    assert (info.format, info.width, info.height) == ("png", 640, 480)


def test_jpeg_size_is_read_from_its_frame_header():
    info = sniff_raster(jpeg_bytes(800, 600))
    assert (info.format, info.width, info.height) == ("jpg", 800, 600)


def test_gif_size_is_read_from_its_header():
    info = sniff_raster(b"GIF89a" + struct.pack("<HH", 12, 34) + b"\x00" * 10)
    assert (info.format, info.width, info.height) == ("gif", 12, 34)


def test_webp_lossless_size_is_read_from_its_header():
    bits = (99 - 1) | ((49 - 1) << 14)
    data = b"RIFF" + b"\x00" * 4 + b"WEBPVP8L" + b"\x00" * 4 + b"\x2f"
    data += bits.to_bytes(4, "little") + b"\x00" * 8
    info = sniff_raster(data)
    assert (info.format, info.width, info.height) == ("webp", 99, 49)


@pytest.mark.parametrize(
    "data",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"<?xml version='1.0'?><svg/>",
        b"%PDF-1.7",
        b"",
        b"\x89PNG\r\n\x1a\n",
    ],
)
def test_anything_but_a_raster_picture_is_not_recognised(data):
    assert sniff_raster(data) is None


def test_an_svg_upload_is_refused():
    upload = SimpleUploadedFile("x.svg", b"<svg onload='x()'/>", "image/svg+xml")
    with pytest.raises(ValidationError, match="SVG drawings included"):
        check_uploaded_image(upload)


def test_a_picture_over_5_mb_is_refused():
    upload = SimpleUploadedFile("big.png", png_bytes() + b"\x00" * MAX_UPLOAD_BYTES)
    with pytest.raises(ValidationError, match="larger than 5 MB"):
        check_uploaded_image(upload)
