"""A mentor's photo made into the square JPEGs the site publishes, stripped of every piece of
metadata (GPS position, camera, comments), and the initials avatar drawn when there is no photo.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import tempfile
import warnings
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageCms, ImageOps

SIZES = {"card": 128, "profile": 320}  # square pixels: 64 and 160 CSS px, twice for sharp screens
FORMATS = ("JPEG", "PNG", "WEBP")
MAX_MEGAPIXELS = 40  # far beyond any camera a profile needs; more is likely a decompression bomb
QUALITY = 85

# Raise when the processing changes, so that photos cached by an older version are made again.
_RECIPE = 1

# White text has a contrast of at least 4.5:1 (WCAG AA) on each of these.
AVATAR_COLOURS = (
    "#4d5d9a",
    "#2f7a6b",
    "#8a4f7d",
    "#9a5a2c",
    "#3d6f99",
    "#5e7a2f",
    "#a04848",
    "#5b5b5b",
)

_UNREADABLE = "is not an image that can be read (JPEG, PNG or WebP expected)"
_EMPTY = "is an empty file (a JPEG, PNG or WebP image expected)"
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class PhotoError(Exception):
    """A photo that cannot be published; its message is a sentence for the person who added it."""


def check_photo(source: Path) -> str | None:
    """None when `source` is an image that can be published, else what is wrong with it.

    Reads the header only, so it is cheap enough to run on every `check`; a file damaged
    further in is found by `prepare_photo`.
    """
    try:
        with _open(source) as image:
            try:
                image.verify()
            except Exception as error:  # Pillow raises many kinds on a damaged file
                raise _damaged(image.format) from error
    except PhotoError as error:
        return str(error)
    return None


def prepare_photo(source: Path, cache_dir: Path) -> dict[str, Path]:
    """The card and profile images of a photo, as JPEG files in `cache_dir`, by key of SIZES.

    The files are named by the sha256 of the photo's bytes and the size, so an unchanged
    photo is processed once, however often it is renamed or touched, and a changed one gets
    new files. Raises PhotoError when the photo cannot be read or the files cannot be written.
    """
    try:
        data = source.read_bytes()
    except FileNotFoundError as error:
        raise PhotoError("does not exist") from error
    except OSError as error:
        raise PhotoError(f"cannot be read ({error.strerror or error})") from error
    if not data:
        raise PhotoError(_EMPTY)
    digest = hashlib.sha256(data).hexdigest()
    outputs = {
        name: cache_dir / f"{digest}-{pixels}px-r{_RECIPE}.jpg" for name, pixels in SIZES.items()
    }
    missing = {name: path for name, path in outputs.items() if not path.is_file()}
    if missing:
        image = _decode(data, max(SIZES[name] for name in missing))
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            for name, path in missing.items():
                _write_atomically(path, _render(image, SIZES[name]))
        except OSError as error:
            raise PhotoError(
                f"its resized copies could not be written to {cache_dir} "
                f"({error.strerror or error})"
            ) from error
    return outputs


@functools.lru_cache(maxsize=4096)  # many people share initials and a colour
def initials_avatar(initials: str, hue: int) -> str:
    """An SVG avatar: the initials (one or two letters, such as 'ÆØ') in white on a disc.

    `hue` picks one of the 8 AVATAR_COLOURS (taken modulo 8, so any number will do).
    The SVG is meant for an <img alt=""> beside the mentor's name, so it has no title.
    """
    colour = AVATAR_COLOURS[hue % len(AVATAR_COLOURS)]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">'
        f'<circle cx="32" cy="32" r="32" fill="{colour}"/>'
        # dy rather than dominant-baseline: the latter is not honoured by every renderer.
        '<text x="32" y="32" dy="0.35em" text-anchor="middle" fill="#fff" '
        'font-family="system-ui, sans-serif" '
        f'font-size="26" font-weight="600">{escape(initials)}</text>'
        "</svg>\n"
    )


# -- reading --------------------------------------------------------------------------------


def _open(source: Path | io.BytesIO) -> Image.Image:
    """The image with its header read and its size checked, its pixels not yet decoded."""
    try:
        # Pillow warns between its own limit and twice it; ours is lower, so it refuses first.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(source, formats=FORMATS)
    except Image.DecompressionBombError as error:
        raise PhotoError(
            f"has more than the {MAX_MEGAPIXELS} megapixels a photo may have; make it smaller"
        ) from error
    except FileNotFoundError as error:
        raise PhotoError("does not exist") from error
    except Exception as error:  # Pillow raises many kinds on a file that is not an image
        if isinstance(error, OSError) and error.strerror:
            raise PhotoError(f"cannot be read ({error.strerror})") from error
        empty = isinstance(source, Path) and source.is_file() and source.stat().st_size == 0
        raise PhotoError(_EMPTY if empty else _UNREADABLE) from error
    width, height = image.size
    if width * height > MAX_MEGAPIXELS * 1_000_000:
        image.close()
        raise PhotoError(
            f"is {width} × {height} pixels, more than the {MAX_MEGAPIXELS} megapixels a photo "
            "may have; make it smaller"
        )
    if not width or not height:
        image.close()
        raise PhotoError(_UNREADABLE)
    return image


def _decode(data: bytes, largest: int) -> Image.Image:
    """The photo upright, in sRGB, on white: every later step sees plain RGB pixels."""
    image = _open(io.BytesIO(data))
    profile = image.info.get("icc_profile")
    try:
        # A JPEG can be decoded at 1/2 to 1/8 scale, much faster; twice the largest size
        # still leaves LANCZOS enough pixels to resize well.
        image.draft(None, (2 * largest, 2 * largest))
        image.load()
        # Before the metadata is dropped: a phone stores the photo sideways plus an
        # orientation tag, and without it the mentor would lie on their side.
        image = ImageOps.exif_transpose(image)
    except Exception as error:  # Pillow raises many kinds on a damaged file
        raise _damaged(image.format) from error
    return _to_srgb(_on_white(image), profile)


def _damaged(image_format: str | None) -> PhotoError:
    kind = {"JPEG": "a JPEG", "PNG": "a PNG", "WEBP": "a WebP"}.get(image_format or "", "an")
    return PhotoError(f"is damaged and cannot be read as {kind} image; export it again")


def _on_white(image: Image.Image) -> Image.Image:
    if not image.has_transparency_data:
        return image
    rgba = image.convert("RGBA")
    return Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")


def _to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """RGB pixels in sRGB, so that the published file needs no colour profile."""
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unusable profile: the pixels are still good, read as sRGB
    return image.convert("RGB")


# -- writing --------------------------------------------------------------------------------


def _render(image: Image.Image, pixels: int) -> bytes:
    """The image cropped to a centred square of `pixels`, as JPEG bytes without metadata."""
    square = ImageOps.fit(image, (pixels, pixels), method=Image.Resampling.LANCZOS)
    # A copy of the pixels alone: Pillow would otherwise write back a comment it read.
    bare = Image.frombytes("RGB", square.size, square.tobytes())
    out = io.BytesIO()
    bare.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: the cache trusts any file that has the right name."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
