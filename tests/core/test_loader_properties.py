"""Property-based: whatever staff (or a broken disk) put in a content file, load_deck reports
problems and never crashes. ``load_deck`` turns an unexpected exception into an "internal
error" problem so the kiosk keeps running, so the property checked is that no such problem
appears (and that nothing escapes, which would fail the test too)."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.fields import CLINIC_FIELDS, SCHEDULE_FIELDS, THEME_FIELDS, TOPIC_FIELDS, slide_fields
from kiosk.core.loader import LoadResult, load_deck
from kiosk.core.problems import Problem
from tests.helpers.content_kit import CLINIC, make_pack, svg

VALID_SLIDES = """\
slides:
  - id: welcome
    kind: info
    topic: about
    title: {en: Welcome, es: Bienvenidos}
    body: |
      Hello **there**.

      - one
    image: images/photo.png
    duration: 1m30s
    schedule: {from: 2025-01-06, until: 2025-03-31 17:00, days: weekdays, hours: ["07:00-11:00"]}
  - id: cat-cow
    kind: exercise
    topic: exercise
    title: Cat-cow
    steps: [Kneel, "Arch *slowly*"]
    caution: Ask first.
    image: images/drawing.svg
    hold: 5s
    repetitions: 10
  - id: news
    kind: news
    topic: about
    title: News
    date: 2025-01-06
    body: Text
  - id: call
    kind: contact
    topic: about
    title: Call
    qr: https://example.com
"""

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    # The content folder is made once per test; each example overwrites one file in it.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FIELD_NAMES = sorted(
    {s.name for kind in ("info", "bullets", "exercise", "news", "contact") for s in slide_fields(kind)}
    | {s.name for s in CLINIC_FIELDS + SCHEDULE_FIELDS + THEME_FIELDS + TOPIC_FIELDS}
    | {"slides", "en", "es", "mon"}
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.sampled_from(
        [
            "info",
            "news",
            "exercise",
            "about",
            "images/photo.png",
            "images/drawing.svg",
            "../x.png",
            "/etc/passwd",
            "12s",
            "1m30s",
            "weekdays",
            "07:00-11:00",
            "tel:+1303",
            "#0b5d7a",
            "America/Denver",
            "<b>x</b>",
            "**a",
            "- a\n- b",
            "welcome",
            "es",
            "closed",
            "images/a\x00.png",
            "x" * 300 + ".png",
            "images",
            "Mars/Base",
            "\ud800",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=25,
)


def assert_no_crash(result: LoadResult) -> None:
    assert all(isinstance(p, Problem) for p in result.problems)
    internal = [str(p) for p in result.problems if "internal error" in p.message]
    assert not internal, internal
    assert (result.deck is None) == any(p.is_error for p in result.problems)


def mutate(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        i = data.draw(st.integers(0, len(text) - 1))
        j = data.draw(st.integers(i, min(len(text), i + 20)))
        op = data.draw(st.sampled_from(["delete", "insert", "duplicate", "swap-lines"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + data.draw(st.text(st.sampled_from(" \n\t-:#&*!|>{}[],'\"xyz0129"), max_size=6)) + text[i:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            lines = text.split("\n")
            a, b = data.draw(st.integers(0, len(lines) - 1)), data.draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    return text


def pack(tmp_path: Path) -> Path:
    """The valid pack in ``tmp_path/c``, made on first use within a test."""
    root = tmp_path / "c"
    if not root.exists():
        make_pack(root, {"a.yaml": VALID_SLIDES})
        svg(root)
    return root


def test_the_unmutated_pack_is_valid(tmp_path: Path) -> None:
    result = load_deck(pack(tmp_path))
    assert [str(p) for p in result.problems] == [] and result.ok


@SETTINGS
@given(data=st.data())
def test_mutated_slide_yaml_never_crashes(tmp_path: Path, data: st.DataObject) -> None:
    root = pack(tmp_path)
    (root / "slides/a.yaml").write_text(mutate(VALID_SLIDES, data), encoding="utf-8")
    assert_no_crash(load_deck(root))


@SETTINGS
@given(data=st.data())
def test_mutated_clinic_yaml_never_crashes(tmp_path: Path, data: st.DataObject) -> None:
    root = pack(tmp_path)
    clinic = (
        CLINIC + "playlist: [welcome, cat-cow, news, call]\ntheme: {primary: '#123456'}\nopening_hours: {mon: closed}\n"
    )
    (root / "clinic.yaml").write_text(mutate(clinic, data), encoding="utf-8")
    assert_no_crash(load_deck(root))


@SETTINGS
@given(value=VALUES, target=st.sampled_from(["slides/a.yaml", "clinic.yaml"]))
def test_random_yaml_structures_never_crash(tmp_path: Path, value: object, target: str) -> None:
    root = pack(tmp_path)
    (root / "slides/a.yaml").write_text(VALID_SLIDES, encoding="utf-8")
    (root / "clinic.yaml").write_text(CLINIC, encoding="utf-8")
    (root / target).write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    assert_no_crash(load_deck(root))


@SETTINGS
@given(
    content=st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    target=st.sampled_from(["slides/a.yaml", "clinic.yaml", "images/photo.png", "images/drawing.svg"]),
)
def test_random_bytes_never_crash(tmp_path: Path, content: bytes, target: str) -> None:
    root = pack(tmp_path)
    original = (root / target).read_bytes()
    (root / target).write_bytes(content)
    try:
        assert_no_crash(load_deck(root))
    finally:
        (root / target).write_bytes(original)
