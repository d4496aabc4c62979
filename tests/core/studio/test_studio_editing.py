"""The editors: fields generated from fields.py, typed values, setters, and the validator's
own messages placed under the field (and language, and list item) they are about."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest
import yaml

from kiosk.core.clock import FixedClock
from kiosk.core.fields import CLINIC_FIELDS, SLIDE_KINDS, FieldType, slide_fields
from kiosk.core.limits import LIMITS
from kiosk.core.loader import load_deck
from kiosk.core.model import ContactSlide
from kiosk.core.schedule import TimeWindow
from kiosk.core.studio.keys import CLINIC, DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.observers import Change, ChangeKind
from kiosk.core.studio.pack_state import StudioError
from kiosk.core.studio.schedule_values import WEEKDAYS, ScheduleValue
from kiosk.core.studio.values import TextValue
from tests.helpers.studio_kit import NOW, snapshot

CONTACT = DocKey("slides/contact.yaml")
CAT_COW = DocKey("slides/exercise-cat-cow.yaml")


def file_text(model: StudioModel, rel: str) -> str:
    return (model.root / rel).read_text(encoding="utf-8")


def saved(model: StudioModel) -> None:
    result = model.save()
    assert result.saved, result


def test_every_kind_lists_the_fields_declared_in_fields_py_in_order(model: StudioModel) -> None:
    for kind in SLIDE_KINDS:
        key = model.add_slide(kind)
        assert [f.name for f in model.fields(key)] == [s.name for s in slide_fields(kind)]
    assert [f.name for f in model.fields(CLINIC)] == [s.name for s in CLINIC_FIELDS]


def test_a_text_field_shows_english_and_spanish_with_counts_and_the_limit(model: StudioModel) -> None:
    title = model.field(CONTACT, "title")
    assert title.type is FieldType.TEXT and title.required
    assert title.limit == LIMITS.title
    assert isinstance(title.value, TextValue)
    assert [t.language for t in title.value.languages] == ["en", "es"]
    assert title.value.text("en") == "Questions? Call us"
    spanish = title.value.get("es")
    assert spanish is not None and spanish.length == len("¿Tiene preguntas? Llámenos")


def test_counts_are_visible_characters_as_the_validator_counts_them(model: StudioModel) -> None:
    model.set_text(CONTACT, "title", "en", "**Call** *us*")
    assert model.field(CONTACT, "title").value.get("en").length == len("Call us")
    steps = model.field(CAT_COW, "steps")
    assert steps.limit == LIMITS.step and steps.max_items == LIMITS.steps
    assert len(steps.value) == 4


def test_editing_english_and_spanish_writes_just_those_lines(model: StudioModel) -> None:
    before = file_text(model, CONTACT.path)
    model.set_text(CONTACT, "title", "en", "Questions? Call us today")
    model.set_text(CONTACT, "title", "es", "¿Preguntas? Llámenos hoy")
    saved(model)
    after = file_text(model, CONTACT.path)
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [
        ("  en: Questions? Call us", "  en: Questions? Call us today"),
        ("  es: ¿Tiene preguntas? Llámenos", "  es: ¿Preguntas? Llámenos hoy"),
    ]


def test_a_text_with_a_colon_is_quoted_and_reads_back(model: StudioModel) -> None:
    model.set_text(CONTACT, "qr_caption", "en", "Scan: call us")
    saved(model)
    assert '  en: "Scan: call us"' in file_text(model, CONTACT.path)
    deck = load_deck(model.root).raise_for_errors()
    contact = deck.slide("contact")
    assert isinstance(contact, ContactSlide) and contact.qr_caption is not None
    assert contact.qr_caption.get("en") == "Scan: call us"


def test_a_multi_line_body_is_written_as_a_block(model: StudioModel) -> None:
    model.set_text(CONTACT, "body", "en", "Ask at the front desk.\n\n- Call us\n- Or email us")
    saved(model)
    assert "  en: |\n    Ask at the front desk.\n\n    - Call us\n    - Or email us\n" in file_text(model, CONTACT.path)
    assert load_deck(model.root).ok


def test_clearing_spanish_removes_it_and_clearing_an_optional_text_removes_the_field(model: StudioModel) -> None:
    model.set_text(CONTACT, "qr_caption", "es", "")
    assert model.field(CONTACT, "qr_caption").value.text("es") is None
    model.set_text(CONTACT, "qr_caption", "en", None)
    assert not model.field(CONTACT, "qr_caption").present
    saved(model)
    assert "qr_caption" not in file_text(model, CONTACT.path)


def test_spanish_added_to_an_english_only_text_makes_a_group(make_pack: Callable[..., Path], clock: FixedClock) -> None:
    root = make_pack({"slides/a.yaml": "id: a\nkind: info\ntopic: about\ntitle: Welcome\n# The body.\nbody: Hi\n"})
    model = StudioModel.open(root, clock=clock)
    model.set_text(DocKey("slides/a.yaml"), "title", "es", "Bienvenidos")
    saved(model)
    assert file_text(model, "slides/a.yaml") == (
        "id: a\nkind: info\ntopic: about\ntitle:\n  en: Welcome\n  es: Bienvenidos\n# The body.\nbody: Hi\n"
    )


def test_list_items_are_edited_added_moved_and_removed(model: StudioModel) -> None:
    model.set_text(CAT_COW, "steps[1]", "es", "Arquee la espalda.")
    model.add_item(CAT_COW, "steps", {"en": "Breathe out.", "es": "Exhale."})
    model.move_item(CAT_COW, "steps", 4, 0)
    model.remove_item(CAT_COW, "steps", 1)
    steps = model.field(CAT_COW, "steps").value
    assert [s.text("en") for s in steps][:2] == [
        "Breathe out.",
        "Slowly round your back up toward the ceiling and let your head drop.",
    ]
    assert steps[1].text("es") == "Arquee la espalda."
    saved(model)
    assert load_deck(model.root).ok


def test_new_keys_are_written_in_the_order_of_fields_py(model: StudioModel) -> None:
    model.set_value(CAT_COW, "sets", 2)
    model.set_value(CAT_COW, "hold", 5)
    saved(model)
    keys = list(yaml.safe_load(file_text(model, CAT_COW.path)))
    # Among the existing keys (which keep their own order), each new one follows the last
    # key that comes before it in fields.py.
    assert keys == [
        "id",
        "kind",
        "topic",
        "title",
        "duration",
        "steps",
        "repetitions",
        "caution",
        "image",
        "hold",
        "sets",
    ]
    assert "hold: 5s" in file_text(model, CAT_COW.path)


def test_typed_values_round_trip(model: StudioModel) -> None:
    model.set_value(CAT_COW, "duration", 90)
    model.set_value(CAT_COW, "repetitions", 12)
    assert model.field(CAT_COW, "duration").value == 90.0
    assert model.field(CAT_COW, "duration").raw == "1m30s"
    assert model.field(CAT_COW, "repetitions").value == 12
    model.set_value(CLINIC, "theme.primary", "#112233")
    assert model.field(CLINIC, "theme").child("primary").value == "#112233"
    model.set_value(CLINIC, "opening_hours.mon", [TimeWindow(time(8), time(12)), TimeWindow(time(13), time(18))])
    model.set_value(CLINIC, "opening_hours.sun", [])
    hours = model.field(CLINIC, "opening_hours").value
    assert hours[0].windows == (TimeWindow(time(8), time(12)), TimeWindow(time(13), time(18)))
    assert hours[6].written and hours[6].closed
    saved(model)
    text = file_text(model, "clinic.yaml")
    assert 'opening_hours:\n  mon: "08:00-12:00, 13:00-18:00"\n  sun: closed\n' in text
    assert '  primary: "#112233"' in text
    deck = load_deck(model.root).raise_for_errors()
    assert deck.clinic.theme.primary == "#112233"


def test_wrong_python_types_are_programming_errors(model: StudioModel) -> None:
    with pytest.raises(TypeError):
        model.set_value(CAT_COW, "repetitions", "ten")
    with pytest.raises(TypeError):
        model.set_text(CAT_COW, "repetitions", "en", "ten")
    with pytest.raises(StudioError, match="kind cannot be changed"):
        model.set_value(CAT_COW, "kind", "info")
    assert not model.is_modified


def test_renaming_a_slide_renames_it_in_the_playlist_in_the_same_step(model: StudioModel) -> None:
    model.set_value(CONTACT, "id", "call-us")
    assert "call-us" in model.play_order() and "contact" not in model.play_order()
    assert model.check().ok
    model.undo()
    assert "contact" in model.play_order()
    assert not model.is_modified


# --- schedules --------------------------------------------------------------------------------


def test_a_schedule_is_set_from_typed_values_and_read_back(model: StudioModel) -> None:
    key = model.find("shockwave-news")
    assert key is not None
    value = ScheduleValue(
        start=date(2026, 3, 1),
        until=datetime(2026, 3, 31, 18, 0),
        days=WEEKDAYS,
        hours=(TimeWindow(time(7), time(11)), TimeWindow(time(22), time(2))),
    )
    model.set_schedule(key, value)
    assert model.field(key, "schedule").value == value
    assert model.field(key, "schedule").child("until").value == datetime(2026, 3, 31, 18, 0)
    saved(model)
    text = file_text(model, key.path)
    assert (
        'schedule:\n  from: 2026-03-01\n  until: 2026-03-31 18:00\n  days: weekdays\n  hours: ["07:00-11:00", "22:00-02:00"]\n'
        in text
    )
    deck = load_deck(model.root).raise_for_errors()
    news = deck.slide("shockwave-news")
    assert news is not None and news.schedule == value.to_schedule()


def test_changing_one_part_of_a_schedule_keeps_the_rest_as_written(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    root = make_pack(
        {
            "slides/n.yaml": """\
            id: n
            kind: news
            topic: about
            title: News
            date: 2026-01-05
            body: Text
            schedule:
              from: 2026-01-05    # the launch
              days: [mon, tue, wed, thu, fri]
            duration: 90s
            """
        }
    )
    model = StudioModel.open(root, clock=clock)
    key = DocKey("slides/n.yaml")
    value = model.field(key, "schedule").value
    model.set_schedule(key, ScheduleValue(start=value.start, until=date(2026, 6, 30), days=value.days))
    saved(model)
    # The days read as weekdays already: they stay written as they were.
    text = file_text(model, "slides/n.yaml")
    assert "  from: 2026-01-05    # the launch\n  until: 2026-06-30\n  days: [mon, tue, wed, thu, fri]\n" in text
    model.set_value(key, "duration", 90)
    assert not model.is_modified
    model.set_schedule(key, ScheduleValue())
    saved(model)
    assert "schedule" not in file_text(model, "slides/n.yaml")


# --- problems ---------------------------------------------------------------------------------


def test_problems_are_placed_under_the_field_language_and_item_they_are_about(model: StudioModel) -> None:
    model.set_text(CONTACT, "title", "es", "x" * (LIMITS.title + 5))
    model.set_text(CAT_COW, "steps[2]", "en", "<b>bold</b>")
    key = model.find("shockwave-news")
    assert key is not None
    model.set_value(key, "schedule.until", date(2025, 12, 31))
    result = model.check()
    assert not result.ok
    title = model.field(CONTACT, "title")
    assert [p.field for p in title.problems] == ["title.es"]
    assert "Spanish text is 55 characters, more than the 50" in title.problems[0].message
    assert title.problems_at("es") == title.problems
    steps = model.field(CAT_COW, "steps")
    assert [p.field for p in steps.problems_at("[2].en")] == ["steps[2].en"]
    assert "HTML is not allowed" in steps.errors[0].message
    assert (
        model.field(key, "schedule").child("until").problems[0].message == "expired on 2025-12-31, it no longer plays"
    )
    assert model.problems(CAT_COW, "caution") == ()


def test_problems_in_a_file_of_several_slides_go_to_the_right_slide(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    root = make_pack(
        {
            "slides/two.yaml": """\
            slides:
              - id: one
                kind: info
                topic: about
                title: One
              - id: two
                kind: info
                topic: nowhere
                title: Two
            """
        }
    )
    model = StudioModel.open(root, clock=clock)
    model.check()
    second = DocKey("slides/two.yaml", 1)
    assert [p.field for p in model.problems(second)] == ["topic"]
    assert model.problems(DocKey("slides/two.yaml", 0)) == ()
    model.set_value(second, "topic", "about")
    assert model.check().ok


def test_observers_hear_which_slide_and_field_changed(model: StudioModel) -> None:
    heard: list[Change] = []
    unsubscribe = model.subscribe(heard.append)
    model.set_text(CONTACT, "qr_caption", "es", "Escanee")
    assert Change(ChangeKind.FIELD, CONTACT, "qr_caption") in heard
    assert heard[-1] == Change(ChangeKind.HISTORY)
    heard.clear()
    model.check()
    assert heard == [Change(ChangeKind.PROBLEMS)]
    unsubscribe()
    model.undo()
    assert heard == [Change(ChangeKind.PROBLEMS)]


def test_a_check_can_run_in_a_worker_while_the_model_moves_on(model: StudioModel) -> None:
    import threading

    request = model.check_request()
    model.set_text(CONTACT, "title", "es", "¿Preguntas?")
    results = []
    worker = threading.Thread(target=lambda: results.append(request.run()))
    worker.start()
    worker.join()
    assert results[0].ok
    assert model.apply_check(results[0]) is False  # about an older revision
    assert not model.problems_current
    assert model.apply_check(model.check_request().run()) is True


@pytest.mark.faults
def test_a_file_the_studio_cannot_edit_in_place_is_refused_with_a_reason(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    root = make_pack({"slides/a.yaml": "id: a\nkind: info\ntopic: about\ntitle: &t Hello\nbody: *t\n"})
    before = snapshot(root)
    model = StudioModel.open(root, clock=clock)
    key = DocKey("slides/a.yaml")
    reason = model.not_editable(key)
    assert reason is not None and "aliases" in reason
    with pytest.raises(StudioError, match=r"slides/a\.yaml cannot be changed here"):
        model.set_text(key, "title", "en", "Hi")
    assert not model.is_modified and not model.can_undo
    assert model.save().saved
    assert snapshot(root) == before


def test_the_clock_decides_what_is_expired(model: StudioModel) -> None:
    assert model.check_request().now == NOW


def test_the_clinic_editor_sets_details_and_topics(model: StudioModel, tmp_path: Path) -> None:
    model.set_value(CLINIC, "phone", "+1 303-555-0199")
    model.set_value(CLINIC, "timezone", "America/Chicago")
    model.set_text(CLINIC, "follow_up", "es", "¡Gracias!")
    model.add_item(CLINIC, "topics", {"id": "pelvic-health", "title": {"en": "Pelvic health", "es": "Salud pélvica"}})
    model.set_text(CLINIC, "topics[4].title", "en", "Pelvic floor")
    model.move_item(CLINIC, "topics", 4, 0)
    topics = model.field(CLINIC, "topics").value
    assert [t.id for t in topics] == ["pelvic-health", "dry-needling", "shockwave", "exercise", "about"]
    assert topics[0].title is not None and topics[0].title.as_dict() == {"en": "Pelvic floor", "es": "Salud pélvica"}
    assert model.topics[0].id == "pelvic-health"
    model.set_value(CONTACT, "topic", "pelvic-health")
    assert model.check().ok
    assert [r.id for r in model.slides(topic="pelvic-health")] == ["contact"]
    saved(model)
    deck = load_deck(model.root).raise_for_errors()
    assert deck.clinic.phone == "+1 303-555-0199" and deck.clinic.timezone.key == "America/Chicago"
    assert deck.clinic.topics[0].title.get("es") == "Salud pélvica"
    assert "# Calm teal and warm terracotta." in file_text(model, "clinic.yaml")


def test_the_validators_message_is_shown_under_a_clinic_field(model: StudioModel) -> None:
    model.set_value(CLINIC, "website", "http://insecure.example")
    model.set_value(CLINIC, "theme.accent", "orange")
    model.check()
    assert model.field(CLINIC, "website").problems[0].message == "'http://insecure.example' is not an https:// address"
    accent = model.field(CLINIC, "theme").child("accent")
    assert accent.problems and "expected a colour like" in accent.problems[0].message


@pytest.mark.faults
def test_a_slide_file_that_is_a_link_is_listed_as_not_editable(
    make_pack: Callable[..., Path], clock: FixedClock, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: far\nkind: info\ntopic: about\ntitle: Far away\n")
    root = make_pack({"slides/a.yaml": "id: a\nkind: info\ntopic: about\ntitle: A\n"})
    (root / "slides" / "far.yaml").symlink_to(outside)
    model = StudioModel.open(root, clock=clock)
    assert [r.id for r in model.slides()] == ["a"]
    model.check()
    assert any("link" in p.message for p in model.unplaced_problems())
    assert model.duplicate_slide(DocKey("slides/a.yaml")) == DocKey("slides/a-copy.yaml")
    assert outside.read_text() == "id: far\nkind: info\ntopic: about\ntitle: Far away\n"
