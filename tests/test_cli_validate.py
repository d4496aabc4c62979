"""``kiosk validate`` and ``kiosk schema``: output, exit codes 0/1/2, and the schema matching the loader."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from PIL import Image

from kiosk.cli import main
from kiosk.runtime import exitcodes

CLINIC = """\
name: Test Clinic
phone: +1 303-555-0100
timezone: America/Denver
opening_hours: {mon: "08:00-12:00, 13:00-18:00", sun: closed}
theme: {primary: "#0b5d7a"}
topics:
  - {id: about, title: About us}
  - {id: exercise, title: {en: Exercise, es: Ejercicio}}
"""
WELCOME = """\
id: welcome
kind: info
topic: about
title: {en: Welcome, es: Bienvenidos}
body: {en: Hello., es: Hola.}
"""
NEWS = """\
id: news
kind: news
topic: about
title: New hours
date: 2025-01-06
body: Open **Saturdays**.
image: images/photo.png
schedule:
  from: 2025-01-06
  until: 2025-01-31
  days: weekdays
  hours: ["08:00-12:00"]
"""
EXERCISE = """\
slides:
  - id: cat-cow
    kind: exercise
    topic: exercise
    title: Cat-cow
    steps: [Kneel, Arch]
    caution: Ask first.
    image: images/photo.png
    hold: 5s
"""
NOTICES = """\
notices:
  - text: {en: We are running about 20 minutes late., es: Vamos con 20 minutos de retraso.}
    level: important
    until: 2025-01-08 18:00
  - text: The car park was closed.
    until: 2025-01-06
phrases:
  - We are running about {minutes} minutes late
"""


def make_content(root: Path, slides: dict[str, str] | None = None) -> Path:
    (root / "slides").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "clinic.yaml").write_text(CLINIC, encoding="utf-8")
    for name, text in (slides or {"a-welcome.yaml": WELCOME, "b-news.yaml": NEWS, "c-ex.yaml": EXERCISE}).items():
        (root / "slides" / name).write_text(text, encoding="utf-8")
    Image.new("RGB", (1600, 900), "white").save(root / "images/photo.png")
    return root


def test_valid_content_prints_summary_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_content(tmp_path / "content")
    code = main(["validate", str(root), "--now", "2025-01-07T09:30"])
    out = capsys.readouterr().out
    assert code == exitcodes.OK
    assert out.splitlines() == [
        "slides: 3 (exercise 1, info 1, news 1)",
        "topics: about (2), exercise (1)",
        "languages: en, es",
        "  slides without Spanish: news, cat-cow",
        "playing now (2025-01-07 09:30 America/Denver): welcome, news, cat-cow",
        "next schedule change: 2025-01-07 12:00",
        "opening hours now: Closed today, back Monday 8 AM",
        "OK: 0 errors, 0 warnings",
    ]


def test_now_with_offset_and_nothing_scheduled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_content(tmp_path / "content", {"b-news.yaml": NEWS})
    assert main(["validate", str(root), "--now", "2025-01-11T17:00:00+00:00"]) == exitcodes.OK
    out = capsys.readouterr().out
    assert "playing now (2025-01-11 10:00 America/Denver): nothing\n" in out
    assert "next schedule change: 2025-01-13 08:00\n" in out


def test_warnings_are_printed_but_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_content(tmp_path / "content")
    assert main(["validate", str(root), "--now", "2025-02-01T09:00", "--size", "3840x2160"]) == exitcodes.OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "slides/b-news.yaml:7: image: warning: image is 1600x900, less than 50% of the 3840x2160 screen in both "
        "directions; it will look blurry",
        "slides/b-news.yaml:10: schedule.until: warning: expired on 2025-01-31, it no longer plays",
        "slides/c-ex.yaml:8: slides[0].image: warning: image is 1600x900, less than 50% of the 3840x2160 screen "
        "in both directions; it will look blurry",
    ]
    assert lines[-1] == "OK: 0 errors, 3 warnings"


def test_errors_before_warnings_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_content(tmp_path / "content")
    (root / "slides/d-bad.yaml").write_text(
        WELCOME.replace("welcome", "other").replace("title", "titel") + "duration: 1s\n"
    )
    assert main(["validate", str(root), "--now", "2025-01-07T09:30"]) == exitcodes.PROBLEMS
    assert capsys.readouterr().out.splitlines() == [
        "slides/d-bad.yaml:1: title: required field is missing",
        "slides/d-bad.yaml:4: titel: unknown field 'titel' (did you mean 'title'?)",
        "slides/d-bad.yaml:6: duration: warning: 1 s is shorter than the minimum of 4 s; using 4 s",
        "",
        "NOT VALID: 2 errors, 1 warning; the kiosk keeps showing its last good content until they are fixed",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-dir"], "missing-dir does not exist"),
        (["file.txt"], "file.txt is not a folder"),
        (["content", "--size", "big"], "--size must look like 1920x1080, not 'big'"),
        (["content", "--now", "tomorrow"], "--now must be an ISO date and time like 2025-03-01T09:00, not 'tomorrow'"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    make_content(tmp_path / "content")
    (tmp_path / "file.txt").write_text("x")
    assert main(["validate", *args]) == exitcodes.USAGE
    assert capsys.readouterr().err == f"kiosk validate: {message}\n"


def test_default_dir_is_the_content_home_never_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = make_content(tmp_path / "content")
    (broken / "slides/a-welcome.yaml").write_text(WELCOME.replace("kind: info", "kind: infos"))
    monkeypatch.chdir(tmp_path)
    # No home yet: the shipped pack that a first start copies there is what is checked.
    assert main(["validate"]) == exitcodes.OK
    home = make_content(tmp_path / "home")
    (home / "slides/a-welcome.yaml").write_text(WELCOME.replace("kind: info", "kind: infos"))
    (tmp_path / "kiosk.yaml").write_text(f"content:\n  dir: {home}\n", encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "kiosk.yaml"))
    capsys.readouterr()
    assert main(["validate"]) == exitcodes.PROBLEMS
    assert "slides/a-welcome.yaml" in capsys.readouterr().out


def test_python_m_kiosk_validate_in_a_subprocess(tmp_path: Path) -> None:
    root = make_content(tmp_path / "content")
    (root / "slides/a-welcome.yaml").write_text(WELCOME.replace("kind: info", "kind: infos"))
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(root)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == exitcodes.PROBLEMS, result.stderr
    assert result.stdout.splitlines()[0] == (
        "slides/a-welcome.yaml:2: kind: unknown kind 'infos' (did you mean 'info'?); "
        "kinds: info, bullets, exercise, news, contact"
    )


# --- kiosk schema -----------------------------------------------------------------------------


def schemas(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    assert main(["schema"]) == exitcodes.OK
    printed = json.loads(capsys.readouterr().out)
    assert sorted(printed) == ["clinic.schema.json", "notices.schema.json", "slide.schema.json"]
    return printed


def test_schema_kind_and_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    both = schemas(capsys)
    assert main(["schema", "--kind", "clinic"]) == exitcodes.OK
    assert json.loads(capsys.readouterr().out) == both["clinic.schema.json"]
    assert main(["schema", "--out", str(tmp_path / "out")]) == exitcodes.OK
    for name, schema in both.items():
        assert json.loads((tmp_path / "out" / name).read_text()) == schema
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_accepts_valid_files_and_rejects_what_the_loader_rejects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both = schemas(capsys)
    clinic = jsonschema.Draft202012Validator(both["clinic.schema.json"])
    slide = jsonschema.Draft202012Validator(both["slide.schema.json"])

    def data(text: str) -> object:
        # Schema checkers in editors see YAML dates as strings.
        return json.loads(json.dumps(yaml.safe_load(text), default=str))

    assert list(clinic.iter_errors(data(CLINIC))) == []
    for text in (WELCOME, NEWS, EXERCISE):
        assert list(slide.iter_errors(data(text))) == [], text
    for bad in (
        WELCOME.replace("title", "titel"),
        WELCOME.replace("kind: info", "kind: infos"),
        WELCOME.replace("id: welcome", "id: Welcome"),
        WELCOME + "steps: [a]\n",
        NEWS.replace("date: 2025-01-06\n", ""),
        EXERCISE.replace("hold: 5s", "hold: soon"),
        EXERCISE.replace("    caution: Ask first.\n", ""),
        WELCOME.replace("es: Bienvenidos", "fr: Bienvenue"),
    ):
        assert not slide.is_valid(data(bad)), bad
    assert not clinic.is_valid(data(CLINIC.replace("#0b5d7a", "blue")))
    assert not clinic.is_valid(data(CLINIC + "playlist: []\n"))
    assert not clinic.is_valid(data(CLINIC.replace("phone", "fone")))
    notices = jsonschema.Draft202012Validator(both["notices.schema.json"])
    assert list(notices.iter_errors(data(NOTICES))) == []
    assert not notices.is_valid(data(NOTICES.replace("level: important", "level: urgent")))
    assert not notices.is_valid(data(NOTICES.replace("    until: 2025-01-08 18:00\n", "")))


def test_slides_that_will_never_play_again_and_hidden_ones_head_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_news = NEWS.replace("2025-01-06\n  until: 2025-01-31", "2024-01-06\n  until: 2024-02-01")
    no_days = WELCOME.replace("id: welcome", "id: someday") + "schedule:\n  days: []\n"
    draft = WELCOME.replace("id: welcome", "id: draft") + "hidden: true\n"
    root = make_content(
        tmp_path / "content",
        {"a-welcome.yaml": WELCOME, "b-news.yaml": old_news, "d-someday.yaml": no_days, "e-draft.yaml": draft},
    )
    assert main(["validate", str(root), "--now", "2026-03-02T09:30"]) == exitcodes.OK
    assert capsys.readouterr().out.splitlines() == [
        "slides/b-news.yaml:10: schedule.until: warning: expired on 2024-02-01, it no longer plays",
        "slides/d-someday.yaml:7: schedule.days: warning: no days are listed, so the slide never plays",
        "",
        "Will never play again: slides/b-news.yaml (news, ended 2024-02-01)",
        "Will never play again: slides/d-someday.yaml (someday, no days are listed)",
        "Hidden (hidden: true, never shown to patients): slides/e-draft.yaml (draft)",
        "slides: 3 (info 2, news 1)",
        "topics: about (3), exercise (0)",
        "languages: en, es",
        "  slides without Spanish: news",
        "playing now (2026-03-02 09:30 America/Denver): welcome",
        "next schedule change: none within a week",
        "opening hours now: Open now until 12 PM, and 1 PM\u20136 PM",
        "OK: 0 errors, 2 warnings",
    ]


def test_a_slide_listed_twice_is_counted_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_content(tmp_path / "content", {"a-welcome.yaml": WELCOME, "c-ex.yaml": EXERCISE})
    clinic = root / "clinic.yaml"
    clinic.write_text(clinic.read_text(encoding="utf-8") + "playlist: [welcome, cat-cow, welcome]\n", encoding="utf-8")
    assert main(["validate", str(root), "--now", "2025-01-07T09:30"]) == exitcodes.OK
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["slides: 2 (exercise 1, info 1)", "topics: about (1), exercise (1)"]


def test_notices_show_in_the_summary_and_a_passed_end_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_content(tmp_path / "content", {"a-welcome.yaml": WELCOME})
    (root / "notices.yaml").write_text(NOTICES, encoding="utf-8")
    assert main(["validate", str(root), "--now", "2025-01-07T09:30"]) == exitcodes.OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "notices.yaml:6: notices[1].until: warning: ended on 2025-01-06, it no longer shows"
    assert "notices showing now: 1 of 2 in notices.yaml" in lines
    assert "  notices.yaml:2: important, until 2025-01-08 18:00: We are running about 20 minutes late." in lines
    assert "saved phrases: 1" in lines
