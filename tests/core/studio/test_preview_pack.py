"""One slide previewed with unsaved changes, even while other slides have mistakes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.core.loader import load_deck
from kiosk.core.resources import bundled_content_dir
from kiosk.core.studio.checking import CheckRequest
from kiosk.core.studio.preview_pack import PreviewRequest, without_playlist


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    return root


def request(
    pack: Path, slide_yaml: str, slide_file: str = "slides/contact.yaml", clinic: str | None = None
) -> PreviewRequest:
    return PreviewRequest(
        root=pack, clinic_yaml=clinic, slide_file=slide_file, slide_yaml=slide_yaml, slide_id="contact", revision=3
    )


def test_a_preview_is_the_loaders_own_slide_with_the_unsaved_text(pack: Path) -> None:
    text = (pack / "slides/contact.yaml").read_text(encoding="utf-8").replace("Call us", "Phone us")
    preview = request(pack, text).run()
    try:
        assert preview.slide is not None and preview.deck is not None
        assert preview.slide.title.get("en") == "Questions? Phone us"
        assert [s.id for s in preview.deck.slides] == ["contact"]
        assert preview.deck.clinic.name == load_deck(pack).deck.clinic.name
    finally:
        preview.release()
    assert preview.folder is not None and not preview.folder.exists()


def test_a_mistake_in_another_slide_does_not_stop_the_preview(pack: Path) -> None:
    other = pack / "slides/about-welcome.yaml"
    other.write_text("kind news\n", encoding="utf-8")
    preview = request(pack, (pack / "slides/contact.yaml").read_text(encoding="utf-8")).run()
    try:
        assert preview.slide is not None and preview.errors == ()
    finally:
        preview.release()


def test_a_mistake_in_the_slide_itself_is_reported_without_a_deck(pack: Path) -> None:
    broken = (pack / "slides/contact.yaml").read_text(encoding="utf-8").replace("kind: contact", "kind: contakt")
    preview = request(pack, broken).run()
    assert preview.deck is None and preview.folder is None
    assert any("contakt" in str(p) for p in preview.errors)


def test_the_clinic_as_it_stands_is_used(pack: Path) -> None:
    clinic = (
        (pack / "clinic.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Atlas Physical Therapy", "name: Atlas PT Denver")
    )
    preview = request(pack, (pack / "slides/contact.yaml").read_text(encoding="utf-8"), clinic=clinic).run()
    try:
        assert preview.deck is not None and preview.deck.clinic.name == "Atlas PT Denver"
    finally:
        preview.release()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: A\nplaylist:\n  - a\n  - b\ntopics: []\n", "name: A\ntopics: []\n"),
        ("name: A\nplaylist:\n- a\n- b\ntopics: []\n", "name: A\ntopics: []\n"),
        ("name: A\nplaylist: [a, b]  # order\ntopics: []\n", "name: A\ntopics: []\n"),
        ("playlist:\n  # the order\n  - a\n\n# topics\ntopics: []\n", "# topics\ntopics: []\n"),
        ("name: A\n", "name: A\n"),
    ],
)
def test_without_playlist(text: str, expected: str) -> None:
    assert without_playlist(text) == expected


def test_a_check_can_keep_its_deck_for_thumbnails(pack: Path) -> None:
    result = CheckRequest(root=pack, changes={}, shapes={}, revision=1).run(keep_deck=True)
    try:
        assert result.ok and result.deck is not None and result.kept is not None
        image = next(ref for slide in result.deck.slides for ref in slide.images())
        assert image.path.is_relative_to(result.kept) and image.path.exists()
    finally:
        result.release()
    assert not result.kept.exists()
    plain = CheckRequest(root=pack, changes={}, shapes={}, revision=1).run()
    assert plain.deck is None and plain.kept is None
