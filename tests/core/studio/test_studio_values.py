"""Typed values agree with the validator: a schedule the loader accepts reads as the same
schedule here, and what the studio writes for typed values loads back as those values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.clock import FixedClock
from kiosk.core.loader import content_version, load_deck
from kiosk.core.publish.keys import generate_key_pair
from kiosk.core.schedule import TimeWindow
from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.pack_state import StudioError
from kiosk.core.studio.schedule_values import ScheduleValue
from kiosk.core.studio.versions import PublishFailed, PublishSettings
from kiosk.core.yaml_source import parse_yaml_text
from tests.helpers.studio_kit import SMALL_CLINIC, write

DAY_WORDS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "Sunday"]
bound = st.one_of(
    st.none(),
    st.dates(date(2025, 1, 1), date(2027, 12, 31)).map(str),
    st.builds(
        lambda d, h, m: f"{d} {h:02d}:{m:02d}",
        st.dates(date(2025, 1, 1), date(2027, 12, 31)),
        st.integers(0, 23),
        st.sampled_from([0, 15, 30]),
    ),
)
days = st.one_of(
    st.none(),
    st.sampled_from(["weekdays", "weekends", "every day", "sun"]),
    st.lists(st.sampled_from(DAY_WORDS), min_size=1, max_size=4).map(lambda ds: "[" + ", ".join(ds) + "]"),
)
window = st.builds(lambda a, b: f'"{a:02d}:00-{b:02d}:30"', st.integers(0, 23), st.integers(0, 23))
hours = st.one_of(st.none(), st.lists(window, min_size=1, max_size=3).map(lambda ws: "[" + ", ".join(ws) + "]"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bound, bound, days, hours)
def test_every_schedule_the_loader_accepts_reads_the_same_here(
    tmp_path: Path, start: str | None, until: str | None, day_text: str | None, hour_text: str | None
) -> None:
    lines = [
        f"  {key}: {value}"
        for key, value in (("from", start), ("until", until), ("days", day_text), ("hours", hour_text))
        if value
    ]
    schedule = "schedule:\n" + "\n".join(lines) + "\n" if lines else ""
    text = f"id: a\nkind: info\ntopic: about\ntitle: A\n{schedule}"
    root = tmp_path / "pack"  # rewritten for every example
    write(root, "clinic.yaml", SMALL_CLINIC)
    write(root, "slides/a.yaml", text)
    result = load_deck(root)
    node, _ = parse_yaml_text(text)
    assert node is not None
    entry = node.value.get("schedule")
    if result.deck is None:
        return  # the validator refuses it (e.g. a window that starts and ends at once)
    value = ScheduleValue.read(entry.node if entry is not None else None)
    assert value.to_schedule() == result.deck.slides[0].schedule


def test_what_the_studio_writes_for_a_schedule_loads_as_that_schedule(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    root = make_pack({"slides/a.yaml": "id: a\nkind: info\ntopic: about\ntitle: A\n"})
    model = StudioModel.open(root, clock=clock)
    key = DocKey("slides/a.yaml")
    start = datetime(2026, 3, 2, 7, 30)
    for value in (
        ScheduleValue(start=start, until=start + timedelta(days=3)),
        ScheduleValue(days=frozenset({0, 2, 4}), hours=(TimeWindow(time(22), time(2)),)),
        ScheduleValue(until=date(2026, 12, 31), days=frozenset({5, 6})),
    ):
        model.set_schedule(key, value)
        assert model.save().saved
        assert load_deck(root).raise_for_errors().slides[0].schedule == value.to_schedule()
        assert model.field(key, "schedule").value == value


def test_a_schedule_value_refuses_impossible_values() -> None:
    with pytest.raises(ValueError, match="local time"):
        ScheduleValue(start=datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6"):
        ScheduleValue(days=frozenset({7}))


def test_an_unreadable_schedule_is_shown_as_such_with_the_validators_message(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    root = make_pack({"slides/a.yaml": "id: a\nkind: info\ntopic: about\ntitle: A\nschedule:\n  from: someday\n"})
    model = StudioModel.open(root, clock=clock)
    key = DocKey("slides/a.yaml")
    schedule = model.field(key, "schedule")
    assert schedule.value is None and not schedule.readable
    assert model.slide(key).schedule.label == "Schedule has a problem"
    assert model.playing_at(datetime(2026, 3, 2, 9)).uncertain[0].key == key
    model.check()
    assert "expected a date like 2025-01-06" in model.field(key, "schedule").child("from").problems[0].message
    model.set_value(key, "schedule.from", date(2026, 1, 1))
    assert model.check().ok


def test_opening_something_that_is_no_content_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StudioError, match="not a folder"):
        StudioModel.open(tmp_path / "missing")
    with pytest.raises(StudioError, match=r"no clinic\.yaml"):
        StudioModel.open(tmp_path)


def test_duplicate_ids_in_a_file_of_several_are_placed_on_the_second_slide(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    slide = "  - id: same\n    kind: info\n    topic: about\n    title: {0}\n"
    root = make_pack({"slides/x.yaml": "slides:\n" + slide.format("One") + slide.format("Two")})
    model = StudioModel.open(root, clock=clock)
    model.check()
    problems = model.problems(DocKey("slides/x.yaml", 1), "id")
    assert problems and "duplicate slide id 'same'" in problems[0].message
    assert model.problems(DocKey("slides/x.yaml", 0)) == ()


def test_versions_need_a_kiosk_home(model: StudioModel) -> None:
    with pytest.raises(StudioError, match="no saved versions"):
        model.versions()


def test_publishing_writes_a_signed_bundle_of_the_saved_folder(model: StudioModel, tmp_path: Path) -> None:
    pair = generate_key_pair(tmp_path / "keys")
    settings_ = PublishSettings(private_key=pair.private_path, out=tmp_path / "out")
    model.set_text(DocKey("slides/contact.yaml"), "title", "es", "Llámenos")
    with pytest.raises(StudioError, match="save them before publishing"):
        model.publish(settings_)
    assert model.save().saved
    published = model.publish(settings_)
    assert published.result.manifest.content_version == content_version(model.root)
    assert published.result.manifest_path.is_file() and published.result.archive_path.is_file()
    assert not published.key_exposed


def test_publishing_fails_clearly_and_writes_nothing(model: StudioModel, tmp_path: Path) -> None:
    (tmp_path / "not-a-key").write_text("hello")
    with pytest.raises(PublishFailed, match="not a PEM private key"):
        model.publish(PublishSettings(private_key=tmp_path / "not-a-key", out=tmp_path / "out"))
    pair = generate_key_pair(tmp_path / "keys")
    (model.root / "slides" / "contact.yaml").write_text("id: contact\nkind: contakt\n")
    model.reload()
    with pytest.raises(PublishFailed) as failed:
        model.publish(PublishSettings(private_key=pair.private_path, out=tmp_path / "out"))
    assert any("unknown kind 'contakt'" in p.message for p in failed.value.problems)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
