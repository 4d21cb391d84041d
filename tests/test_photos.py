"""Mentors' photos: published upright, square, small, and with nothing but the pixels."""

from __future__ import annotations

import os
import random
import shutil
import struct
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import ExifTags, Image, ImageCms

from mentorsite import photos
from mentorsite.photos import (
    AVATAR_COLOURS,
    SIZES,
    PhotoError,
    check_photo,
    initials_avatar,
    prepare_photo,
)

CAMERA = "Secretcam Model Z"
RED, BLUE = (220, 20, 20), (20, 20, 220)


def phone_photo(path: Path) -> Path:
    """A JPEG as a phone writes it: stored sideways with orientation 6, a camera and a place.

    As stored, the left half is red and the right half blue; shown upright (turned a
    quarter clockwise) red is on top.
    """
    image = Image.new("RGB", (400, 200), BLUE)
    image.paste(RED, (0, 0, 200, 200))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (56.0, 9.0, 30.5),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (10.0, 12.0, 7.25),
    }
    image.save(path, "JPEG", exif=exif)
    return path


def plain_jpeg(path: Path, colour: tuple[int, int, int] = RED) -> Path:
    Image.new("RGB", (300, 200), colour).save(path, "JPEG")
    return path


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that claims the given size: a header and an end, no pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    return path


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


# -- what is published ------------------------------------------------------------------------


def test_a_phone_photo_is_published_upright_square_and_without_metadata(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "anna.jpg")
    with Image.open(source) as original:  # the test photo does carry what must go
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert CAMERA.encode() in source.read_bytes()

    outputs = prepare_photo(source, tmp_path / "cache")

    assert set(outputs) == {"card", "profile"}
    for name, path in outputs.items():
        raw = path.read_bytes()
        assert CAMERA.encode() not in raw and b"Exif" not in raw
        with Image.open(path) as image:
            assert image.format == "JPEG"
            assert image.size == (SIZES[name], SIZES[name])
            assert not image.getexif()
            assert "exif" not in image.info and "icc_profile" not in image.info
            side = SIZES[name]
            assert near(image.getpixel((side // 2, side // 8)), RED)
            assert near(image.getpixel((side // 2, side - side // 8)), BLUE)


@pytest.mark.parametrize("with_profile", [False, True], ids=["plain", "colour-profile"])
def test_comments_colour_profiles_and_xmp_are_not_published(
    tmp_path: Path, with_profile: bool
) -> None:
    source = tmp_path / "anna.jpg"
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (200, 200), RED).save(
        source,
        "JPEG",
        comment=b"private note about Anna",
        icc_profile=srgb if with_profile else None,
        xmp=b"<x:xmpmeta><dc:creator>Private Photographer</dc:creator></x:xmpmeta>",
    )
    for path in prepare_photo(source, tmp_path / "cache").values():
        raw = path.read_bytes()
        assert b"private note" not in raw and b"Private Photographer" not in raw
        with Image.open(path) as image:
            assert not {"comment", "icc_profile", "xmp", "exif"} & set(image.info)
            assert near(image.getpixel((10, 10)), RED)


def test_a_transparent_png_is_published_as_a_jpeg_on_white(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    image.paste((20, 20, 220, 255), (50, 50, 150, 150))
    image.save(source, "PNG")

    profile = prepare_photo(source, tmp_path / "cache")["profile"]

    with Image.open(profile) as published:
        assert published.format == "JPEG" and published.mode == "RGB"
        assert near(published.getpixel((5, 5)), (255, 255, 255), tolerance=3)
        assert near(published.getpixel((160, 160)), BLUE)


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_photos_are_accepted(tmp_path: Path, image_format: str) -> None:
    source = tmp_path / f"anna.{image_format.lower()}"
    Image.new("RGB", (300, 200), RED).save(source, image_format)
    assert check_photo(source) is None
    with Image.open(prepare_photo(source, tmp_path / "cache")["card"]) as card:
        assert card.size == (128, 128)


# -- the cache ----------------------------------------------------------------------------------


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes rendered, in order: the real work the cache is there to save."""
    calls: list[int] = []
    render = photos._render

    def counting(image: Image.Image, pixels: int) -> bytes:
        calls.append(pixels)
        return render(image, pixels)

    monkeypatch.setattr(photos, "_render", counting)
    return calls


def mtimes(outputs: dict[str, Path]) -> dict[str, int]:
    return {name: path.stat().st_mtime_ns for name, path in outputs.items()}


def test_an_unchanged_photo_is_processed_once(tmp_path: Path, renders: list[int]) -> None:
    source = phone_photo(tmp_path / "anna.jpg")
    cache = tmp_path / "cache"
    first = prepare_photo(source, cache)
    assert sorted(renders) == sorted(SIZES.values())
    written = mtimes(first)

    again = prepare_photo(source, cache)
    os.utime(source, ns=(1, 1))  # touched: a checkout or a copy gives a new mtime
    touched = prepare_photo(source, cache)
    renamed = prepare_photo(Path(shutil.copy(source, tmp_path / "anna-jensen.jpeg")), cache)

    assert again == touched == renamed == first
    assert mtimes(renamed) == written
    assert len(renders) == len(SIZES)


def test_a_changed_photo_gets_new_files(tmp_path: Path) -> None:
    source = plain_jpeg(tmp_path / "anna.jpg", RED)
    cache = tmp_path / "cache"
    before = prepare_photo(source, cache)
    plain_jpeg(source, BLUE)

    after = prepare_photo(source, cache)

    assert set(after.values()).isdisjoint(before.values())
    with Image.open(after["card"]) as card:
        assert near(card.getpixel((64, 64)), BLUE)


def test_a_photo_is_cached_for_each_size(tmp_path: Path, renders: list[int]) -> None:
    source = plain_jpeg(tmp_path / "anna.jpg")
    outputs = prepare_photo(source, tmp_path / "cache")
    outputs["card"].unlink()

    assert prepare_photo(source, tmp_path / "cache") == outputs
    assert renders[len(SIZES) :] == [SIZES["card"]]


def test_a_failed_write_leaves_nothing_the_cache_would_trust(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = plain_jpeg(tmp_path / "anna.jpg")
    cache = tmp_path / "cache"

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(photos.os, "replace", disk_full)
    with pytest.raises(PhotoError, match="No space left on device"):
        prepare_photo(source, cache)
    assert list(cache.iterdir()) == []
    monkeypatch.undo()

    for path in prepare_photo(source, cache).values():
        with Image.open(path) as image:
            image.load()
    assert len(list(cache.iterdir())) == len(SIZES)


# -- photos that cannot be published --------------------------------------------------------------


def random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(7).randbytes(4096))
    return path


def text_file(path: Path) -> Path:
    path.write_text("name: Anna Jensen\n", encoding="utf-8")
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def gif_file(path: Path) -> Path:
    Image.new("RGB", (50, 50), RED).save(path, "GIF")
    return path


@pytest.mark.parametrize(
    ("make", "name", "message"),
    [
        (random_bytes, "anna.jpg", "is not an image that can be read"),
        (text_file, "anna.jpg", "is not an image that can be read"),
        (empty_file, "anna.jpg", "is an empty file"),
        (gif_file, "anna.gif", "(JPEG, PNG or WebP expected)"),
        (lambda p: png_header(p, 8000, 6000), "huge.png", "8000 × 6000 pixels, more than the 40"),
        (lambda p: png_header(p, 100_000, 100_000), "bomb.png", "more than the 40 megapixels"),
    ],
)
def test_a_file_that_cannot_be_published_is_explained(
    tmp_path: Path, make, name: str, message: str
) -> None:
    source = make(tmp_path / name)

    problem = check_photo(source)
    assert problem is not None and message in problem
    assert problem[0].islower() and "Traceback" not in problem
    with pytest.raises(PhotoError, match=message.replace("(", r"\(").replace(")", r"\)")):
        prepare_photo(source, tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


def test_a_missing_photo_is_explained(tmp_path: Path) -> None:
    assert check_photo(tmp_path / "nobody.jpg") == "does not exist"
    with pytest.raises(PhotoError, match="does not exist"):
        prepare_photo(tmp_path / "nobody.jpg", tmp_path / "cache")


def test_a_truncated_jpeg_is_refused_when_it_is_processed(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jpg"
    Image.effect_noise((400, 400), 64).convert("RGB").save(whole, "JPEG")
    source = tmp_path / "anna.jpg"
    source.write_bytes(whole.read_bytes()[:3000])

    with pytest.raises(PhotoError, match="is damaged and cannot be read as a JPEG image"):
        prepare_photo(source, tmp_path / "cache")


def test_a_damaged_png_is_found_by_the_check(tmp_path: Path) -> None:
    source = tmp_path / "anna.png"
    Image.effect_noise((100, 100), 64).save(source, "PNG")
    data = bytearray(source.read_bytes())
    data[200] ^= 0xFF  # inside the pixel data: its checksum no longer matches
    source.write_bytes(bytes(data))

    assert check_photo(source) == "is damaged and cannot be read as a PNG image; export it again"


# -- avatars ---------------------------------------------------------------------------------------


SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("initials", ["ÆØ", "<&", "AJ", "Å"])
def test_an_avatar_is_an_svg_with_the_initials(initials: str) -> None:
    svg = ElementTree.fromstring(initials_avatar(initials, 0))

    assert svg.tag == f"{SVG}svg" and svg.get("viewBox") == "0 0 64 64"
    text = svg.find(f"{SVG}text")
    assert text is not None and text.text == initials


def test_avatar_initials_cannot_inject_markup() -> None:
    source = initials_avatar('<&"', 3)
    assert "&lt;&amp;" in source and "<&" not in source


@pytest.mark.parametrize("hue", range(8))
def test_each_hue_has_its_own_colour(hue: int) -> None:
    svg = ElementTree.fromstring(initials_avatar("AJ", hue))
    circle = svg.find(f"{SVG}circle")
    assert circle is not None and circle.get("fill") == AVATAR_COLOURS[hue]
    assert len(set(AVATAR_COLOURS)) == 8


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("colour", AVATAR_COLOURS)
def test_white_initials_are_readable_on_every_colour(colour: str) -> None:
    contrast = 1.05 / (relative_luminance(colour) + 0.05)
    assert contrast >= 4.5, f"{colour}: contrast {contrast:.2f}:1 with white"
