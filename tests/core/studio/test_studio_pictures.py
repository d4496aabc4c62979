"""Pictures from anywhere on disk: scaled for their slot, upright, without metadata, checked
(SVG with the core's safety checks), uniquely named, and set on a field in one step."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from kiosk.core.loader import load_deck
from kiosk.core.model import ExerciseSlide
from kiosk.core.studio.keys import CLINIC, DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.pictures import MAX_LONG_SIDE, PictureError, PictureSlot, prepare_picture, slug
from tests.helpers.studio_kit import snapshot

CAT_COW = DocKey("slides/exercise-cat-cow.yaml")
SAFE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300"/></svg>'


def phone_photo(path: Path, size: tuple[int, int] = (4032, 3024)) -> Path:
    """A JPEG as a phone writes it: sideways pixels with an EXIF rotation, a GPS position,
    a camera name and an ICC profile."""
    image = Image.new("RGB", size, (30, 120, 200))
    image.paste((250, 40, 40), (0, 0, size[0] // 4, size[1] // 4))  # a red corner, to see the rotation
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to show
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (39.0, 44.0, 21.0)}  # GPS
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", quality=90, exif=exif, icc_profile=icc)
    return path


def test_a_phone_photo_is_turned_upright_scaled_and_stripped(tmp_path: Path) -> None:
    prepared = prepare_picture(phone_photo(tmp_path / "IMG_0042 Été.JPG"))
    assert prepared.extension == ".jpg" and prepared.stem == "img-0042-ete" and prepared.scaled
    with Image.open(io.BytesIO(prepared.data)) as image:
        assert image.format == "JPEG"
        # Upright: the 4032x3024 sideways photo shows as 3024x4032, scaled to 2160 tall.
        assert image.size == (prepared.width, prepared.height) == (1620, 2160)
        assert max(image.size) == MAX_LONG_SIDE[PictureSlot.SLIDE]
        assert not image.getexif()
        assert "icc_profile" not in image.info and "exif" not in image.info
        # The red corner was top left of the sideways pixels: top right once upright.
        pixel = image.getpixel((image.width - 5, 5))
        assert isinstance(pixel, tuple) and pixel[0] > 200
    assert b"PhoneMaker" not in prepared.data


def test_a_png_keeps_its_transparency_and_loses_its_text_chunks(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Someone Private")
    Image.new("RGBA", (3000, 1000), (0, 0, 0, 0)).save(tmp_path / "logo.png", pnginfo=info)
    prepared = prepare_picture(tmp_path / "logo.png", PictureSlot.LOGO)
    with Image.open(io.BytesIO(prepared.data)) as image:
        assert image.format == "PNG" and image.mode == "RGBA"
        assert image.size == (512, 171)
        assert "Author" not in image.info
    assert b"Someone Private" not in prepared.data


def test_a_small_picture_is_not_scaled_up(tmp_path: Path) -> None:
    Image.new("RGB", (800, 600), "white").save(tmp_path / "small.png")
    prepared = prepare_picture(tmp_path / "small.png")
    assert (prepared.width, prepared.height, prepared.scaled) == (800, 600, False)


def test_an_svg_is_checked_and_copied_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "drawing.svg").write_text(SAFE_SVG)
    prepared = prepare_picture(tmp_path / "drawing.svg")
    assert prepared.data == SAFE_SVG.encode() and prepared.extension == ".svg"
    assert (prepared.width, prepared.height) == (400, 300)


@pytest.mark.faults
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evil.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>x()</script></svg>', "script"),
        ("bomb.svg", '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"/>', "DOCTYPE"),
        ("notes.txt", "just text", "not a PNG, JPEG or SVG"),
        ("fake.png", "not really a png", "not a PNG, JPEG or SVG"),
    ],
)
def test_unusable_files_are_refused_naming_the_file(tmp_path: Path, name: str, content: str, message: str) -> None:
    (tmp_path / name).write_text(content)
    with pytest.raises(PictureError, match=message) as raised:
        prepare_picture(tmp_path / name)
    assert str(raised.value).startswith(f"{name}: ")


@pytest.mark.faults
def test_a_named_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    with pytest.raises(PictureError, match="cannot read the picture"):
        prepare_picture(fifo)


@pytest.mark.faults
def test_a_huge_picture_is_refused_from_its_header(tmp_path: Path) -> None:
    Image.new("1", (8000, 6000)).save(tmp_path / "huge.png")
    with pytest.raises(PictureError, match="megapixels"):
        prepare_picture(tmp_path / "huge.png")


def test_slugs() -> None:
    assert slug("Photo Été 2") == "photo-ete-2"
    assert slug("???") == "picture"
    assert slug("a" * 100) == "a" * 60


def test_setting_a_picture_on_a_slide_is_one_step_and_saves_the_file(model: StudioModel, tmp_path: Path) -> None:
    before = snapshot(model.root)
    photo = phone_photo(tmp_path / "stretch.jpg", (3000, 2000))
    rel = model.set_picture(CAT_COW, "image", photo)
    assert rel == "images/stretch.jpg"
    assert model.field(CAT_COW, "image").value == rel
    assert model.undo_label == "Set image"
    assert model.changed_files() == ("images/stretch.jpg", CAT_COW.path)
    model.undo()
    assert not model.is_modified
    model.redo()
    result = model.save()
    assert result.saved, result
    assert set(result.written) == {"images/stretch.jpg", CAT_COW.path}
    deck = load_deck(model.root).raise_for_errors()
    exercise = deck.slide("exercise-cat-cow")
    assert isinstance(exercise, ExerciseSlide) and exercise.image.rel == rel
    after = snapshot(model.root)
    assert {k for k in after if after[k] != before.get(k)} == {"images/stretch.jpg", CAT_COW.path}


def test_names_are_unique_and_identical_pictures_are_not_copied_twice(model: StudioModel, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    Image.new("RGB", (900, 600), "red").save(tmp_path / "a" / "Photo.png")
    Image.new("RGB", (900, 600), "blue").save(tmp_path / "b" / "photo.png")
    first = model.import_picture(tmp_path / "a" / "Photo.png")
    second = model.import_picture(tmp_path / "b" / "photo.png")
    again = model.set_picture(CAT_COW, "image", tmp_path / "a" / "Photo.png")
    assert (first, second, again) == ("images/photo.png", "images/photo-2.png", "images/photo.png")
    # A name already used by the pack on disk (any letter case) is not reused.
    (tmp_path / "c").mkdir()
    (model.root / "images" / "Shockwave.PNG").write_bytes(b"")
    Image.new("RGB", (900, 600), "green").save(tmp_path / "c" / "shockwave.png")
    assert model.import_picture(tmp_path / "c" / "shockwave.png") == "images/shockwave-2.png"


def test_the_logo_and_topic_icons_are_scaled_for_their_slots(model: StudioModel, tmp_path: Path) -> None:
    Image.new("RGB", (2400, 1200), "navy").save(tmp_path / "logo.png")
    rel = model.set_picture(CLINIC, "logo", tmp_path / "logo.png")
    icon = model.set_picture(CLINIC, "topics[1].icon", tmp_path / "logo.png")
    assert rel == icon == "images/logo.png"  # the same bytes: one file
    assert model.save().saved
    with Image.open(model.root / rel) as image:
        assert image.size == (512, 256)
    topic_icon = load_deck(model.root).raise_for_errors().clinic.topics[1].icon
    assert topic_icon is not None and topic_icon.rel == icon


@pytest.mark.faults
def test_a_refused_picture_changes_nothing(model: StudioModel, tmp_path: Path) -> None:
    (tmp_path / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>')
    with pytest.raises(PictureError):
        model.set_picture(CAT_COW, "image", tmp_path / "evil.svg")
    assert not model.is_modified and not model.can_undo
    with pytest.raises(TypeError):
        model.set_picture(CAT_COW, "title", tmp_path / "evil.svg")
