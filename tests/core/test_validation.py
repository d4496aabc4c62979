"""Every validation rule: a small bad fixture each, asserting the exact ``path:line: field: message``."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.limits import LIMITS, MAX_YAML_BYTES
from kiosk.core.loader import load_deck
from tests.helpers.content_kit import CLINIC, INFO, make_pack, png, write

EXERCISE = """\
id: cat-cow
kind: exercise
topic: exercise
title: Cat-cow
steps: [Kneel, Arch]
caution: Ask first.
image: images/photo.png
"""


def problems(root: Path, **kwargs: Any) -> list[str]:
    result = load_deck(root, **kwargs)
    assert result.ok == (not result.errors)
    assert (result.deck is None) == bool(result.errors)
    return [str(p) for p in result.problems]


def slide_problems(tmp_path: Path, text: str, **kwargs: Any) -> list[str]:
    return problems(make_pack(tmp_path / "c", {"a.yaml": text}), **kwargs)


def fake_png(width: int, height: int) -> bytes:
    """A PNG whose header claims a size but holds no pixels: only the header may be read."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"") + chunk(b"IEND", b"")


# --- fields and types -------------------------------------------------------------------------

CASES = {
    "unknown field with suggestion": (
        INFO.replace("title:", "titel:"),
        [
            "slides/a.yaml:1: title: required field is missing",
            "slides/a.yaml:4: titel: unknown field 'titel' (did you mean 'title'?)",
        ],
    ),
    "field of another kind": (
        INFO + "steps: [a]\n",
        ["slides/a.yaml:6: steps: unknown field 'steps' (it belongs to exercise slides)"],
    ),
    "unknown kind": (
        INFO.replace("kind: info", "kind: infos"),
        [
            "slides/a.yaml:2: kind: unknown kind 'infos' (did you mean 'info'?); "
            "kinds: info, bullets, exercise, news, contact"
        ],
    ),
    "missing kind": (
        INFO.replace("kind: info\n", ""),
        ["slides/a.yaml:1: kind: required field is missing (info, bullets, exercise, news, contact)"],
    ),
    "unknown topic lists the known ones": (
        INFO.replace("topic: about", "topic: abuot"),
        [
            "slides/a.yaml:3: topic: unknown topic 'abuot' (did you mean 'about'?); "
            "clinic.yaml declares: about, exercise"
        ],
    ),
    "bad id": (
        INFO.replace("id: welcome", "id: Cat_Cow"),
        ["slides/a.yaml:1: id: 'Cat_Cow' is not a valid id: use lowercase letters, digits and dashes, e.g. cat-cow"],
    ),
    "yaml bool trap in a text": (
        INFO.replace("title: Welcome", "title:\n  en: Welcome\n  es: no"),
        [
            "slides/a.yaml:6: title.es: expected text, but got no, which YAML reads as the yes/no value false; "
            'put it in quotes: "no"'
        ],
    ),
    "number where text is expected": (
        INFO.replace("title: Welcome", "title: 2025"),
        ['slides/a.yaml:4: title: expected text, but got the number 2025; put it in quotes: "2025"'],
    ),
    "empty text": (
        INFO.replace("title: Welcome", "title:"),
        ["slides/a.yaml:4: title: expected text, but got an empty value"],
    ),
    "unknown language": (
        INFO.replace("title: Welcome", "title:\n  en: Welcome\n  fr: Bienvenue"),
        ["slides/a.yaml:6: title.fr: unknown language 'fr'; use en or es"],
    ),
    "missing english": (
        INFO.replace("title: Welcome", "title:\n  es: Hola"),
        ["slides/a.yaml:5: title: the English text ('en') is missing"],
    ),
    "raw html in markdown names the right line": (
        INFO.replace("body: Hello **there**.", "body: |\n  Line one\n\n  Click <b>here</b>"),
        ["slides/a.yaml:8: body: HTML is not allowed (found '<b>'); use **bold** or *italic*"],
    ),
    "a list where only inline text is allowed": (
        EXERCISE.replace("caution: Ask first.", "caution: |\n  - one\n  - two"),
        ["slides/a.yaml:7: caution: a list is not allowed here (line starts with '- '); remove the '-' or write '\\-'"],
    ),
    "duplicate key": (
        INFO + "title: Again\n",
        ["slides/a.yaml:6: title: 'title' is given twice (first on line 4); keep one"],
    ),
    "yaml syntax error on the line of the mistake, in plain words": (
        INFO + "body2: [unclosed\n",
        ["slides/a.yaml:6: yaml: `[unclosed` opens a `[` that is never closed; end it with `]`"],
    ),
    "a list instead of a slide": (
        "- a\n- b\n",
        ["slides/a.yaml:1: file: expected a slide (fields like id, kind, title), not a list"],
    ),
    "empty file": ("", ["slides/a.yaml: file: the file is empty; write one slide, or several under 'slides:'"]),
    "slides list empty and extra keys": (
        "slides: []\nfoo: 1\n",
        [
            "slides/a.yaml:1: slides: the list of slides is empty",
            "slides/a.yaml:2: foo: unknown field 'foo' (a file with 'slides:' holds only that list)",
        ],
    ),
    "field path inside a slides list": (
        "slides:\n  - id: one\n    kind: info\n    topic: about\n    title: One\n    bdy: x\n",
        ["slides/a.yaml:6: slides[0].bdy: unknown field 'bdy' (did you mean 'body'?)"],
    ),
    # --- durations ---
    "bad duration": (
        INFO + "duration: soon\n",
        ['slides/a.yaml:6: duration: \'soon\' is not a duration; write it like 12, "12s", "1m" or "1m30s"'],
    ),
    "duration clamped up": (
        INFO + "duration: 2s\n",
        ["slides/a.yaml:6: duration: warning: 2 s is shorter than the minimum of 4 s; using 4 s"],
    ),
    "duration clamped down": (
        INFO + "duration: 10m\n",
        ["slides/a.yaml:6: duration: warning: 600 s is longer than the maximum of 300 s; using 300 s"],
    ),
    # --- kinds ---
    "exercise needs image, caution; positive numbers": (
        "id: ex\nkind: exercise\ntopic: exercise\ntitle: Ex\nsteps: []\nhold: -1\nrepetitions: 0\nsets: yes\n",
        [
            "slides/a.yaml:1: caution: required field is missing",
            "slides/a.yaml:1: image: required field is missing",
            "slides/a.yaml:5: steps: the list is empty; give at least one entry",
            "slides/a.yaml:6: hold: a duration cannot be negative (-1)",
            "slides/a.yaml:7: repetitions: expected a whole number more than 0, but got the number 0",
            "slides/a.yaml:8: sets: expected a whole number more than 0, but got yes, "
            "which YAML reads as the yes/no value true",
        ],
    ),
    "hold of zero": (
        EXERCISE + "hold: 0s\n",
        ["slides/a.yaml:8: hold: must be more than 0 seconds, got 0 s"],
    ),
    "too many steps": (
        EXERCISE.replace("steps: [Kneel, Arch]", f"steps: [{', '.join('x' * (LIMITS.steps + 1))}]"),
        [f"slides/a.yaml:5: steps: {LIMITS.steps + 1} entries, but at most {LIMITS.steps} fit on a slide"],
    ),
    "too many items": (
        "id: b\nkind: bullets\ntopic: about\ntitle: B\nitems: [" + ", ".join("x" * (LIMITS.list_items + 1)) + "]\n",
        [f"slides/a.yaml:5: items: {LIMITS.list_items + 1} entries, but at most {LIMITS.list_items} fit on a slide"],
    ),
    "bullets need items": (
        "id: b\nkind: bullets\ntopic: about\ntitle: B\nitems: just one\n",
        ["slides/a.yaml:5: items: expected a list (lines starting with '- '), but got 'just one'"],
    ),
    "news needs a date": (
        "id: n\nkind: news\ntopic: about\ntitle: N\nbody: x\n",
        ["slides/a.yaml:1: date: required field is missing"],
    ),
    "news date that is no date": (
        "id: n\nkind: news\ntopic: about\ntitle: N\nbody: x\ndate: soon\n",
        ["slides/a.yaml:6: date: expected a date like 2025-01-06, but got 'soon'"],
    ),
    "impossible date": (
        "id: n\nkind: news\ntopic: about\ntitle: N\nbody: x\ndate: 2025-13-01\n",
        ["slides/a.yaml:6: date: cannot read '2025-13-01': month must be in 1..12"],
    ),
    "contact qr must be tel or https": (
        "id: c\nkind: contact\ntopic: about\ntitle: C\nqr: http://example.com\n",
        [
            "slides/a.yaml:5: qr: 'http://example.com' is not a tel: or https:// target; "
            "e.g. tel:+13033224900 or https://example.com"
        ],
    ),
    # --- schedules ---
    "until before from is an error naming both dates": (
        INFO + "schedule:\n  from: 2025-02-01\n  until: 2025-01-01\n",
        [
            "slides/a.yaml:8: schedule.until: the schedule ends (until 2025-01-01) before it starts "
            "(from 2025-02-01); check the two dates"
        ],
    ),
    "until a day before from, both whole days": (
        INFO + "schedule:\n  from: 2025-02-01\n  until: 2025-01-31\n",
        [
            "slides/a.yaml:8: schedule.until: the schedule ends (until 2025-01-31) before it starts "
            "(from 2025-02-01); check the two dates"
        ],
    ),
    "until at the very time of from": (
        INFO + "schedule:\n  from: 2025-02-01 10:00\n  until: 2025-02-01 10:00\n",
        [
            "slides/a.yaml:8: schedule.until: the schedule ends (until 2025-02-01 10:00) the moment it starts "
            "(from 2025-02-01 10:00); check the two dates"
        ],
    ),
    "one day from and until plays that day": (INFO + "schedule:\n  from: 2025-02-01\n  until: 2025-02-01\n", []),
    "no days of the week within from and until": (
        INFO + "schedule:\n  from: 2025-02-03\n  until: 2025-02-04\n  days: weekends\n",
        [
            "slides/a.yaml:6: schedule: warning: none of its days and hours fall between from (2025-02-03) and "
            "until (2025-02-04), so the slide never plays"
        ],
    ),
    "no days never plays": (
        INFO + "schedule:\n  days: []\n",
        ["slides/a.yaml:7: schedule.days: warning: no days are listed, so the slide never plays"],
    ),
    "bad days, equal window, unknown schedule field": (
        INFO + "schedule:\n  days: [mon, fun]\n  hours: ['08:00-08:00']\n  form: 2025-01-01\n",
        [
            "slides/a.yaml:7: schedule.days[1]: unknown day 'fun' (did you mean 'sun'?); "
            "use mon, tue, wed, thu, fri, sat, sun, or weekdays, weekends, every day",
            "slides/a.yaml:8: schedule.hours[0]: '08:00-08:00' starts and ends at the same time",
            "slides/a.yaml:9: schedule.form: unknown field 'form' (did you mean 'from'?)",
        ],
    ),
    "a day must be a day name": (
        INFO + "schedule:\n  days: [monkey]\n",
        [
            "slides/a.yaml:7: schedule.days[0]: unknown day 'monkey' (did you mean 'mon'?); use mon, tue, wed, thu, fri, "
            "sat, sun, or weekdays, weekends, every day"
        ],
    ),
    "impossible hours, each reported": (
        INFO + "schedule:\n  hours: ['25:00-08:00', 8]\n  days: [mon, 1]\n",
        [
            "slides/a.yaml:7: schedule.hours[0]: '25:00-08:00' has an impossible time "
            "(use 00:00 to 23:59; 00:00 for midnight)",
            'slides/a.yaml:7: schedule.hours[1]: expected a time window like "07:00-11:00", but got the number 8',
            "slides/a.yaml:8: schedule.days[1]: unknown day '1'; use mon, tue, wed, thu, fri, sat, sun, or weekdays, "
            "weekends, every day",
        ],
    ),
    "malformed window": (
        INFO + "schedule:\n  hours: ['8 to 9']\n",
        ["slides/a.yaml:7: schedule.hours[0]: '8 to 9' is not a time window; write it like 08:00-12:00"],
    ),
    "time zone offset in schedule": (
        INFO + "schedule:\n  from: 2025-01-06T08:00:00+02:00\n",
        [
            "slides/a.yaml:7: schedule.from: '2025-01-06T08:00:00+02:00' has a time zone offset; "
            "write the clinic's local time, e.g. 2025-01-06 08:00"
        ],
    ),
    "schedule date that is no date": (
        INFO + "schedule:\n  until: next week\n",
        [
            "slides/a.yaml:7: schedule.until: expected a date like 2025-01-06 or a date and time like "
            "2025-01-06 08:00, but got 'next week'"
        ],
    ),
    # --- YAML safety ---
    "aliases are rejected": (
        INFO.replace("body: Hello **there**.", "body: &b Hello\nimage: *b"),
        ["slides/a.yaml:6: image: aliases (*name) are not allowed; write the value out"],
    ),
    "merge keys are rejected": (
        INFO + "schedule:\n  <<: {days: weekdays}\n",
        ["slides/a.yaml:7: schedule: merge keys (<<) are not allowed; write the fields out"],
    ),
    "python tags are rejected": (
        INFO.replace("title: Welcome", "title: !!python/object:os.system echo"),
        [
            "slides/a.yaml:4: title: cannot read 'echo': could not determine a constructor for the tag "
            "'tag:yaml.org,2002:python/object:os.system'"
        ],
    ),
}


@pytest.mark.parametrize("text, expected", list(CASES.values()), ids=list(CASES))
def test_slide_rule(tmp_path: Path, text: str, expected: list[str]) -> None:
    assert slide_problems(tmp_path, text) == expected


def test_text_too_long_is_a_warning_per_language(tmp_path: Path) -> None:
    limit = LIMITS.title
    text = INFO.replace("title: Welcome", f"title:\n  en: Welcome\n  es: {'x' * (limit + 1)}")
    assert slide_problems(tmp_path, text) == [
        f"slides/a.yaml:6: title.es: warning: Spanish text is {limit + 1} characters, more than the {limit} that "
        "fit on screen; shorten it"
    ]


@pytest.mark.parametrize(
    ("field", "limit", "text"),
    [
        ("body", LIMITS.info_body, INFO.replace("body: Hello **there**.", "body: '{}'")),
        ("caution", LIMITS.caution, EXERCISE.replace("caution: Ask first.", "caution: '{}'")),
        ("steps[1]", LIMITS.step, EXERCISE.replace("steps: [Kneel, Arch]", "steps: [Kneel, '{}']")),
        (
            "qr_caption",
            LIMITS.qr_caption,
            "id: c\nkind: contact\ntopic: about\ntitle: C\nqr: tel:+1303\nqr_caption: '{}'\n",
        ),
    ],
)
def test_each_text_has_its_limit(tmp_path: Path, field: str, limit: int, text: str) -> None:
    found = slide_problems(tmp_path, text.format("y" * (limit + 1)))
    assert len(found) == 1 and found[0].endswith(
        f"{field}: warning: English text is {limit + 1} characters, more than the {limit} that fit on screen; "
        "shorten it"
    ), found
    assert slide_problems(tmp_path / "at-limit", text.format("y" * limit)) == []


def test_text_length_counts_visible_characters_only(tmp_path: Path) -> None:
    # Exactly the limit of visible characters plus Markdown markers still fits.
    title = f"'**{'x' * (LIMITS.title - 2)}** y'"
    assert slide_problems(tmp_path, INFO.replace("title: Welcome", f"title: {title}")) == []


def test_language_must_be_one_of_the_clinics(tmp_path: Path) -> None:
    clinic = CLINIC.replace("      es: Ejercicio\n", "") + "languages: [en]\n"
    root = make_pack(tmp_path / "c", {"a.yaml": INFO.replace("title: Welcome", "title: {en: Hi, es: Hola}")}, clinic)
    assert problems(root) == [
        "slides/a.yaml:4: title.es: 'es' is not one of the clinic's languages (en in clinic.yaml)"
    ]


# --- files ------------------------------------------------------------------------------------


def test_non_utf8_file_names_byte_offset_and_line(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {})
    (root / "slides").mkdir()
    (root / "slides/a.yaml").write_bytes(INFO.encode() + b"body2: caf\xe9\n")
    assert problems(root) == [
        f"slides/a.yaml:6: file: not UTF-8 text: byte 0xe9 at byte offset {len(INFO) + 10} (save the file as UTF-8)"
    ]


def test_oversized_file_is_rejected_before_parsing(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "#" * MAX_YAML_BYTES + "\n"})
    size = (root / "slides/a.yaml").stat().st_size
    assert problems(root) == [
        f"slides/a.yaml: file: file is {size} bytes, more than the limit of {MAX_YAML_BYTES} bytes for a content file"
    ]


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    found = slide_problems(tmp_path, "\n".join(lines) + "\n")
    assert found[0] == "slides/a.yaml:2: a1[0]: aliases (*name) are not allowed; write the value out"
    # Every alias is named; expanding them instead would build 9**10 strings and never finish.
    # A file with YAML problems gets no further checks: its values may not be what staff meant.
    assert len(found) == 9 * 9


def test_slide_file_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c")
    write(tmp_path, "elsewhere.yaml", INFO.replace("welcome", "other"))
    (root / "slides/b.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert problems(root) == ["slides/b.yaml: file: slides/b.yaml is a link to a file outside the content folder"]


def test_duplicate_ids_name_the_other_file(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO, "b.yaml": "# a comment\n" + INFO})
    assert problems(root) == ["slides/b.yaml:2: id: duplicate slide id 'welcome' (also used in slides/a.yaml:1)"]


def test_no_slides_is_an_error(tmp_path: Path) -> None:
    assert problems(make_pack(tmp_path / "c", {})) == ["slides: file: no slides: add .yaml files to the slides folder"]


def test_missing_clinic_file(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c")
    (root / "clinic.yaml").unlink()
    assert problems(root) == ["clinic.yaml: file: clinic.yaml is missing; every content folder needs one"]


def test_missing_folder(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope") == [f"{tmp_path / 'nope'}: folder: content folder not found"]


# --- images -----------------------------------------------------------------------------------

IMAGE_CASES = {
    "missing": ("images/nope.png", "image 'images/nope.png' not found"),
    "dot-dot": ("../outside.png", "'../outside.png' points outside the content folder ('..' is not allowed)"),
    "absolute": (
        "/etc/passwd",
        "'/etc/passwd' is an absolute path; write the path inside the content folder, e.g. images/photo.png",
    ),
    "windows absolute": (
        "C:\\\\photos\\\\a.png",
        "'C:\\photos\\a.png' is an absolute path; write the path inside the content folder, e.g. images/photo.png",
    ),
    "not decodable": (
        "images/bad.png",
        "images/bad.png: cannot read the image header: not a PNG, JPEG, WebP or GIF image",
    ),
    "unsupported type": ("images/x.bmp", "'images/x.bmp' is not a PNG, JPEG, WebP, GIF or SVG file"),
    "too large from the header": (
        "images/big.png",
        "images/big.png: image is 10000x5000 (50.0 megapixels), more than the limit of 40 megapixels; make it smaller",
    ),
    "decompression bomb": ("images/huge.png", "images/huge.png: image is far larger than the limit of 40 megapixels"),
    "svg doctype": (
        "images/evil.svg",
        "images/evil.svg: SVG contains a <!DOCTYPE> or <!ENTITY> declaration, which is not allowed",
    ),
    "svg script": ("images/script.svg", "images/script.svg: SVG contains a <script> element, which is not allowed"),
    "svg event handler": (
        "images/onload.svg",
        "images/onload.svg: SVG <svg> has an event handler (on...=), which is not allowed",
    ),
    "svg without size": ("images/nosize.svg", "images/nosize.svg: SVG has no usable width/height or viewBox"),
    "svg broken": ("images/broken.svg", "images/broken.svg: cannot read the SVG: unclosed token: line 1, column 0"),
    "symlink out": ("images/link.png", None),
    "nul character": ("images/a\\0.png", "cannot use the image path 'images/a\\x00.png': embedded null byte"),
    "name too long": (
        "x" * 300 + ".png",
        f"cannot use the image path '{'x' * 300}.png': [Errno 36] File name too long: '<root>/" + "x" * 300 + ".png'",
    ),
}


@pytest.mark.parametrize("rel, message", list(IMAGE_CASES.values()), ids=list(IMAGE_CASES))
def test_image_rule(tmp_path: Path, rel: str, message: str | None) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + f'image: "{rel}"\n'})
    images = root / "images"
    (images / "bad.png").write_bytes(b"not a png at all")
    (images / "x.bmp").write_bytes(b"BM")
    (images / "big.png").write_bytes(fake_png(10_000, 5_000))
    (images / "huge.png").write_bytes(fake_png(60_000, 60_000))
    svg_open = '<svg xmlns="http://www.w3.org/2000/svg"'
    (images / "evil.svg").write_text(f'<!DOCTYPE svg [<!ENTITY a "x">]>{svg_open} width="9" height="9">&a;</svg>')
    (images / "script.svg").write_text(f'{svg_open} width="9" height="9"><script>alert(1)</script></svg>')
    (images / "onload.svg").write_text(f'{svg_open} width="9" height="9" onload="alert(1)"/>')
    (images / "nosize.svg").write_text(f"{svg_open}/>")
    (images / "broken.svg").write_text(svg_open)
    outside = png(tmp_path, "outside.png")
    (images / "link.png").symlink_to(outside)
    if message is None:
        message = f"'images/link.png' is a link to a file outside the content folder ({outside.resolve()})"
    message = message.replace("<root>", str(root.resolve()))
    assert problems(root) == [f"slides/a.yaml:6: image: {message}"]


def test_small_raster_image_is_a_warning_for_the_given_screen(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "image: images/small.png\n"})
    png(root, "images/small.png", (800, 400))
    assert problems(root) == [
        "slides/a.yaml:6: image: warning: image is 800x400, less than 50% of the 1920x1080 screen in both "
        "directions; it will look blurry"
    ]
    assert problems(root, screen_size=(1280, 720)) == []


def test_small_svg_is_fine(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "image: images/tiny.svg\n"})
    write(root, "images/tiny.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="24px" height="24"/>')
    assert problems(root) == []


# --- clinic.yaml ------------------------------------------------------------------------------

CLINIC_CASES = {
    "timezone": (
        "timezone: America/Denver",
        "timezone: Mars/Olympus",
        ["clinic.yaml:3: timezone: unknown time zone 'Mars/Olympus'; use an IANA name like America/Denver"],
    ),
    "colour in a comment": (
        "name: Test Clinic",
        "name: Test Clinic\ntheme:\n  primary: #0b5d7a",
        [
            "clinic.yaml:3: theme.primary: the colour is empty; in YAML # starts a comment, so put "
            'it in quotes: "#0b5d7a"'
        ],
    ),
    "colour format": (
        "name: Test Clinic",
        "name: Test Clinic\ntheme:\n  accent: 'red'\n  backgrund: '#ffffff'",
        [
            "clinic.yaml:3: theme.accent: expected a colour like \"#0b5d7a\", but got 'red'",
            "clinic.yaml:4: theme.backgrund: unknown field 'backgrund' (did you mean 'background'?)",
        ],
    ),
    "language unsupported": (
        "name: Test Clinic",
        "name: Test Clinic\nlanguages: [en, fr]",
        ["clinic.yaml:2: languages[1]: unsupported language 'fr'; the kiosk supports en, es"],
    ),
    "english required": (
        "name: Test Clinic",
        "name: Test Clinic\nlanguages: [es]",
        ["clinic.yaml:2: languages: 'en' (English) must be one of the languages"],
    ),
    "website https": (
        "name: Test Clinic",
        "name: Test Clinic\nwebsite: www.example.com",
        ["clinic.yaml:2: website: 'www.example.com' is not an https:// address"],
    ),
    "phone as a number": (
        "phone: +1 303-555-0100",
        "phone: 3035550100",
        ['clinic.yaml:2: phone: expected text, but got the number 3035550100; put it in quotes: "3035550100"'],
    ),
    "opening hours": (
        "name: Test Clinic",
        "name: Test Clinic\nopening_hours:\n  mon: 8-12\n  mnd: closed",
        [
            "clinic.yaml:3: opening_hours.mon: '8-12' is not a time window; write it like 08:00-12:00",
            "clinic.yaml:4: opening_hours.mnd: unknown day 'mnd' (did you mean 'mon'?); use mon..sun",
        ],
    ),
    "duplicate topic": (
        "  - id: exercise",
        "  - id: about",
        ["clinic.yaml:7: topics[1].id: duplicate topic id 'about' (also on line 5)"],
    ),
    "topics required": (
        "topics:",
        "topicz:",
        [
            "clinic.yaml:1: topics: required field is missing",
            "clinic.yaml:4: topicz: unknown field 'topicz' (did you mean 'topics'?)",
        ],
    ),
    "empty playlist": (
        "name: Test Clinic",
        "name: Test Clinic\nplaylist: []",
        ["clinic.yaml:2: playlist: the playlist is empty; list slide ids, or remove 'playlist' to play every slide"],
    ),
    "clinic default duration": (
        "name: Test Clinic",
        "name: Test Clinic\ndefault_duration: 1h",
        ['clinic.yaml:2: default_duration: \'1h\' is not a duration; write it like 12, "12s", "1m" or "1m30s"'],
    ),
}


@pytest.mark.parametrize("old, new, expected", list(CLINIC_CASES.values()), ids=list(CLINIC_CASES))
def test_clinic_rule(tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    assert old in CLINIC
    root = make_pack(tmp_path / "c", {"a.yaml": INFO}, clinic=CLINIC.replace(old, new, 1))
    assert problems(root) == expected


def test_playlist_unknown_id_and_slide_not_in_playlist(tmp_path: Path) -> None:
    clinic = CLINIC + "playlist:\n  - welcome\n  - welcom-back\n"
    root = make_pack(tmp_path / "c", {"a.yaml": INFO, "b.yaml": INFO.replace("welcome", "welcome-back")}, clinic)
    assert problems(root) == [
        "clinic.yaml:13: playlist[1]: no slide has the id 'welcom-back' (did you mean 'welcome-back'?)",
        "slides/b.yaml:1: id: warning: slide 'welcome-back' is not in the playlist, it never plays",
    ]


def test_all_problems_at_once_sorted_errors_first(tmp_path: Path) -> None:
    clinic = CLINIC.replace("timezone: America/Denver", "timezone: Nowhere")
    root = make_pack(tmp_path / "c", {"b.yaml": INFO + "duration: 1s\n", "a.yaml": "id: x\nkind: nope\n"}, clinic)
    assert problems(root) == [
        "clinic.yaml:3: timezone: unknown time zone 'Nowhere'; use an IANA name like America/Denver",
        "slides/a.yaml:1: title: required field is missing",
        "slides/a.yaml:1: topic: required field is missing",
        "slides/a.yaml:2: kind: unknown kind 'nope'; kinds: info, bullets, exercise, news, contact",
        "slides/b.yaml:6: duration: warning: 1 s is shorter than the minimum of 4 s; using 4 s",
    ]


def test_expired_warning_uses_the_clinic_time_zone(tmp_path: Path) -> None:
    text = INFO + "schedule:\n  until: 2025-03-31 17:00\n"
    root = make_pack(tmp_path / "c", {"a.yaml": text})
    # 23:30 UTC is 17:30 in Denver (MDT): expired there, though not yet in UTC terms of the date.
    at = datetime(2025, 3, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert problems(root, now=at) == [
        "slides/a.yaml:7: schedule.until: warning: expired on 2025-03-31 17:00, it no longer plays"
    ]
    assert problems(root, now=datetime(2025, 3, 31, 22, 30, tzinfo=ZoneInfo("UTC"))) == []
