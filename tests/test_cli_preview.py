"""``kiosk preview``: renders every slide and a contact sheet; refuses invalid content."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main
from kiosk.runtime import exitcodes

CLINIC = """\
name: Test Clinic
phone: +1 555-010-0000
address: 1 Main St, Denver, CO
opening_hours:
  mon: "08:00-12:00, 13:00-17:00"
  sun: closed
topics:
  - id: general
    title: {en: General, es: General}
playlist: [welcome, call-us]
"""

SLIDES = {
    "welcome.yaml": """\
id: welcome
kind: info
topic: general
title: {en: Welcome, es: Bienvenidos}
body: "Please **check in** at the front desk."
""",
    "call-us.yaml": """\
id: call-us
kind: contact
topic: general
title: Call us
qr: "tel:+15550100000"
qr_caption: Scan to call
""",
}


def make_pack(root: Path, slides: dict[str, str] | None = None) -> Path:
    (root / "slides").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "clinic.yaml").write_text(CLINIC, encoding="utf-8")
    for name, text in (slides or SLIDES).items():
        (root / "slides" / name).write_text(text, encoding="utf-8")
    return root


def test_preview_writes_every_slide_and_a_contact_sheet(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = make_pack(tmp_path / "content")
    out = tmp_path / "out"
    assert main(["preview", str(pack), "--out", str(out)]) == exitcodes.OK
    names = sorted(p.name for p in out.iterdir())
    assert names == ["01-welcome.png", "02-call-us.png", "contact-sheet.png"]
    slide = QImage(str(out / "01-welcome.png"))
    assert (slide.width(), slide.height()) == (1920, 1080)
    sheet = QImage(str(out / "contact-sheet.png"))
    assert sheet.width() > 2 * 480 and not sheet.isNull()
    assert "contact-sheet.png" in capsys.readouterr().out


def test_preview_size_language_and_large_text(qapp, tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "content")
    plain, large = tmp_path / "plain", tmp_path / "large"
    args = ["preview", str(pack), "--size", "1080x1920", "--lang", "es"]
    assert main([*args, "--out", str(plain)]) == exitcodes.OK
    assert main([*args, "--out", str(large), "--large-text"]) == exitcodes.OK
    a, b = QImage(str(plain / "01-welcome.png")), QImage(str(large / "01-welcome.png"))
    assert (a.width(), a.height()) == (1080, 1920)
    assert a != b


def test_invalid_content_exits_1_and_names_the_problem(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = dict(SLIDES)
    broken["welcome.yaml"] = SLIDES["welcome.yaml"].replace("kind: info", "kind: infomercial")
    pack = make_pack(tmp_path / "content", broken)
    out = tmp_path / "out"
    assert main(["preview", str(pack), "--out", str(out)]) == exitcodes.PROBLEMS
    printed = capsys.readouterr().out
    assert "slides/welcome.yaml" in printed and "kind" in printed
    assert not out.exists()


def test_a_corrupt_image_is_reported_and_exits_1(qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = make_pack(tmp_path / "content")
    photo = QImage(800, 600, QImage.Format.Format_RGB32)
    photo.fill(0xFF336699)
    assert photo.save(str(pack / "images" / "photo.jpg"), "JPEG")  # type: ignore[call-overload]  # PySide6 takes the format as str; its stubs say bytes
    data = (pack / "images" / "photo.jpg").read_bytes()
    (pack / "images" / "photo.jpg").write_bytes(data[: len(data) // 2])
    (pack / "slides" / "welcome.yaml").write_text(
        SLIDES["welcome.yaml"] + "image: images/photo.jpg\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["preview", str(pack), "--out", str(out)]) == exitcodes.PROBLEMS
    printed = capsys.readouterr().out
    assert "images/photo.jpg" in printed
    assert (out / "02-call-us.png").exists() and (out / "contact-sheet.png").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--size", "big"],
        ["--size", "10x10"],
        ["--lang", "fr"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    pack = make_pack(tmp_path / "content")
    assert main(["preview", str(pack), "--out", str(tmp_path / "o"), *args]) == exitcodes.USAGE
    assert "kiosk preview:" in capsys.readouterr().err


def test_missing_folder_exits_2(tmp_path: Path) -> None:
    assert main(["preview", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == exitcodes.USAGE


@pytest.mark.slow
def test_preview_runs_headless_as_a_command(tmp_path: Path) -> None:
    """No display and no platform set: the batch command picks the offscreen platform."""
    pack = make_pack(tmp_path / "content")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "preview", str(pack), "--out", str(tmp_path / "out")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == exitcodes.OK, result.stdout + result.stderr
    assert (tmp_path / "out" / "contact-sheet.png").exists()


def test_a_notice_showing_now_is_in_the_preview_over_a_slide_that_makes_room(qapp, tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "content")
    plain, noticed = tmp_path / "plain", tmp_path / "noticed"
    assert main(["preview", str(pack), "--out", str(plain)]) == exitcodes.OK
    (pack / "notices.yaml").write_text(
        "notices:\n  - text: The lift is out of order.\n    level: important\n    until: 2099-01-01\n", encoding="utf-8"
    )
    assert main(["preview", str(pack), "--out", str(noticed)]) == exitcodes.OK
    a, b = QImage(str(plain / "01-welcome.png")), QImage(str(noticed / "01-welcome.png"))
    # The banner's own colour fills a strip above the footer, edge to edge, where the slide
    # without a notice shows its background.
    above_footer = b.height() - 140
    assert a.pixelColor(8, above_footer) == a.pixelColor(8, 300)
    assert b.pixelColor(8, above_footer) != a.pixelColor(8, above_footer)
    assert b.pixelColor(8, above_footer) == b.pixelColor(b.width() - 8, above_footer)
