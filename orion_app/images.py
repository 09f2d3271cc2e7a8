"""The shared image pipeline: check an upload with Pillow and encode it as WebP sizes.

Used by catalog's product photos and the CMS media library. `encode_image` checks the bytes
(size limit, pixel limit, really an image: `verify()` catches truncated and non-image
files), applies and strips the EXIF orientation (the WebP files carry no metadata: no GPS,
no camera) and encodes each size. CPU only: no database, no files, safe in a thread pool.
The files are written under the media folder (`MEDIA_DIR`), which the backend serves at
`/_upload/...`, as `<key>_<size>.webp`.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from orion_app.settings import get_settings

SIZES = {"sm": 320, "md": 800, "lg": 1600}
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000


class ImageRefused(Exception):
    """An upload that is no image we take; `reason` is "image_too_large" or "not_an_image"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class EncodedImage:
    """A checked image in its WebP sizes (size name -> bytes), not stored anywhere yet."""

    width: int
    height: int
    files: dict[str, bytes]


def media_root() -> Path:
    """The media folder (`MEDIA_DIR`), created when missing."""
    root = get_settings().media_path
    root.mkdir(parents=True, exist_ok=True)
    return root


def variant_path(key: str, size: str) -> str:
    """The path of one size of an image, relative to the media folder (used in URLs)."""
    return f"{key}_{size}.webp"


def open_image(data: bytes, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """The upload as an upright RGB(A) image; ImageRefused when it is too large or no image."""
    if len(data) > max_bytes:
        raise ImageRefused("image_too_large")
    try:
        Image.MAX_IMAGE_PIXELS = max_pixels
        image = Image.open(io.BytesIO(data))
        image.verify()  # detects truncated and non-image files
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        raise ImageRefused("not_an_image") from None
    return ImageOps.exif_transpose(image)


def encode_image(
    data: bytes,
    sizes: dict[str, int] = SIZES,
    *,
    keep_alpha: bool = False,
    max_bytes: int = MAX_BYTES,
    max_pixels: int = MAX_PIXELS,
) -> EncodedImage:
    """Check `data` and encode one WebP per size (longest edge in pixels, never enlarged).

    `keep_alpha` keeps transparency (logos); photos are flattened to RGB.
    """
    image = open_image(data, max_bytes, max_pixels)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if keep_alpha and has_alpha else "RGB")
    files = {}
    for size, edge in sizes.items():
        copy = image.copy()
        copy.thumbnail((edge, edge), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, "WEBP", quality=82, method=4)
        files[size] = buffer.getvalue()
    return EncodedImage(image.width, image.height, files)


def write_files(key: str, files: dict[str, bytes]) -> None:
    """Store each size of an encoded image under the media folder as `<key>_<size>.webp`."""
    root = media_root()
    (root / Path(key).parent).mkdir(parents=True, exist_ok=True)
    for size, data in files.items():
        (root / variant_path(key, size)).write_bytes(data)


def remove_files(keys: list[str], sizes: dict[str, int] = SIZES) -> None:
    """Delete every size of the images stored under `keys` (missing files are fine)."""
    root = media_root()
    for key in keys:
        for size in sizes:
            (root / variant_path(key, size)).unlink(missing_ok=True)
