"""Editors upload raster images only: PNG, JPEG, GIF or WebP, checked by content.

SVG is a document that can carry scripts, event handlers and links; cleaning it
safely is a project of its own. The SVG drawings that ship with the demo are part of
the code base and are copied into media storage by the demo loader, never uploaded.
Pillow is not a dependency, so the format and size are read from the file header.
"""

import struct
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Enough of the file to find the size in every supported format's header.
HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class ImageInfo:
    format: str  # also the file extension the upload is stored with
    width: int
    height: int


def _png(data: bytes) -> ImageInfo | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return ImageInfo("png", width, height)
    return None


def _gif(data: bytes) -> ImageInfo | None:
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return ImageInfo("gif", width, height)
    return None


def _webp(data: bytes) -> ImageInfo | None:
    if not (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or len(data) < 30:
        return None
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return ImageInfo("webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and data[20:21] == b"\x2f":
        bits = int.from_bytes(data[21:25], "little")
        return ImageInfo("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return ImageInfo("webp", width, height)
    return None


# JPEG start-of-frame markers carry the size; C4, C8 and CC are other segments.
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE}


def _jpeg(data: bytes) -> ImageInfo | None:
    if not data.startswith(b"\xff\xd8\xff"):
        return None
    position = 2
    while position + 9 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return ImageInfo("jpg", width, height)
        position += 2 + length
    return None


def sniff_raster(data: bytes) -> ImageInfo | None:
    """Format and size of a PNG, JPEG, GIF or WebP image; None for anything else."""
    for reader in (_png, _jpeg, _gif, _webp):
        info = reader(data)
        if info is not None and info.width > 0 and info.height > 0:
            return info
    return None


def check_uploaded_image(upload) -> ImageInfo:
    """Validate an uploaded file as a raster image and give its format and size."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This image is larger than 5 MB. Please save a smaller copy."),
            code="too_large",
        )
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    info = sniff_raster(header)
    if info is None:
        raise ValidationError(
            _(
                "Upload a PNG, JPEG, GIF or WebP picture. Other files, SVG drawings "
                "included, cannot be uploaded here."
            ),
            code="not_raster",
        )
    return info
