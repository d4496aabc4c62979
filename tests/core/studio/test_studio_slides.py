"""Slides at a glance and whole-slide actions: the list in play order with schedule states,
reorder, show/hide, duplicate, delete and bring back, add a slide, what plays when."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.fields import SLIDE_KINDS
from kiosk.core.loader import load_deck
from kiosk.core.resources import bundled_content_dir
from kiosk.core.studio.keys import CLINIC, DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.new_slides import PLACEHOLDER_PICTURE
from kiosk.core.studio.schedule_status import ScheduleState
from kiosk.core.studio.schedule_values import ScheduleValue
from kiosk.core.studio.trash import DELETED_DIR
from tests.helpers.studio_kit import NOW, snapshot


def shipped_order() -> list[str]:
    deck = load_deck(bundled_content_dir()).raise_for_errors()
    return [s.id for s in deck.slides]


def saved(model: StudioModel) -> None:
    result = model.save()
    assert result.saved, result


def test_the_list_is_in_playlist_order_with_states_and_no_problems(model: StudioModel) -> None:
    rows = model.slides()
    assert [r.id for r in rows] == shipped_order()
    assert [r.position for r in rows] == list(range(len(rows)))
    assert {r.schedule.state for r in rows} == {ScheduleState.PLAYING}
    model.check()
    assert all(r.problems == () for r in model.slides())
    first = rows[0]
    assert (first.kind, first.topic, first.label) == ("info", "about", "Welcome to Atlas Physical Therapy")


def test_the_list_filters_by_topic(model: StudioModel) -> None:
    exercise = model.slides(topic="exercise")
    assert [r.id for r in exercise] == [i for i in shipped_order() if i.startswith("exercise-")]
    assert all(r.position is not None for r in exercise)


@pytest.mark.parametrize(
    ("value", "state", "when"),
    [
        (ScheduleValue(start=date(2026, 4, 1)), ScheduleState.STARTS, date(2026, 4, 1)),
        (ScheduleValue(until=date(2026, 2, 28)), ScheduleState.ENDED, date(2026, 2, 28)),
        (ScheduleValue(until=datetime(2026, 3, 2, 9, 30)), ScheduleState.ENDED, datetime(2026, 3, 2, 9, 30)),
        (ScheduleValue(days=frozenset({5, 6})), ScheduleState.NOT_NOW, datetime(2026, 3, 7, 0, 0)),
        (ScheduleValue(days=frozenset()), ScheduleState.NEVER, None),
        (ScheduleValue(start=date(2026, 3, 1), until=date(2026, 3, 31)), ScheduleState.PLAYING, None),
    ],
)
def test_schedule_states(model: StudioModel, value: ScheduleValue, state: ScheduleState, when: object) -> None:
    key = model.find("shockwave-news")
    assert key is not None
    model.set_schedule(key, value)
    status = model.slide(key).schedule
    assert (status.state, status.when) == (state, when)
    assert status.label


def test_moving_a_slide_is_one_step_and_writes_only_the_playlist(model: StudioModel) -> None:
    before = snapshot(model.root)
    model.move_slide(0, 3)
    order = shipped_order()
    order.insert(3, order.pop(0))
    assert list(model.play_order()) == order
    assert model.changed_files() == ("clinic.yaml",)
    saved(model)
    after = snapshot(model.root)
    assert {k for k in after if after[k] != before.get(k)} == {"clinic.yaml"}
    assert [s.id for s in load_deck(model.root).raise_for_errors().slides] == order
    # The clinic file's comments and everything but the moved line are as they were.
    old, new = before["clinic.yaml"].decode().splitlines(), after["clinic.yaml"].decode().splitlines()
    assert sorted(old) == sorted(new) and len(old) == len(new)
    assert model.undo() and model.changed_files() == ("clinic.yaml",)


def test_a_pack_without_a_playlist_gets_one_when_a_slide_moves(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    slide = "id: {0}\nkind: info\ntopic: about\ntitle: {0}\n"
    root = make_pack({f"slides/{name}.yaml": slide.format(name) for name in ("a", "b", "c")})
    model = StudioModel.open(root, clock=clock)
    assert not model.has_playlist and model.play_order() == ("a", "b", "c")
    model.move_slide(2, 0)
    saved(model)
    assert (root / "clinic.yaml").read_text().endswith("playlist:\n  - c\n  - a\n  - b\n")
    assert [s.id for s in load_deck(root).raise_for_errors().slides] == ["c", "a", "b"]


def test_hiding_and_showing_a_slide(model: StudioModel) -> None:
    key = model.find("contact")
    assert key is not None
    model.set_hidden(key, True)
    row = model.slide(key)
    assert row.hidden and row.schedule.state is ScheduleState.HIDDEN
    assert "hidden: true" in str(model.file_text(key.path))
    assert "contact" not in [r.id for r in model.playing_at(NOW).slides]
    model.set_hidden(key, False)
    assert not model.is_modified
    assert model.undo_label == "Show slide"


def test_a_hidden_slide_is_saved_and_the_kiosk_skips_it(model: StudioModel) -> None:
    key = model.find("contact")
    assert key is not None
    model.set_hidden(key, True)
    saved(model)
    deck = load_deck(model.root).raise_for_errors()
    assert "contact" not in [s.id for s in deck.playing_at(NOW)]


def test_duplicating_makes_a_new_id_file_and_playlist_entry_after_the_original(model: StudioModel) -> None:
    key = model.find("exercise-cat-cow")
    assert key is not None
    copy = model.duplicate_slide(key)
    assert copy == DocKey("slides/exercise-cat-cow-copy.yaml")
    order = list(model.play_order())
    assert order[order.index("exercise-cat-cow") + 1] == "exercise-cat-cow-copy"
    again = model.duplicate_slide(key)
    assert again == DocKey("slides/exercise-cat-cow-copy-2.yaml")
    saved(model)
    text = (model.root / copy.path).read_text()
    assert text == (model.root / key.path).read_text().replace("id: exercise-cat-cow\n", "id: exercise-cat-cow-copy\n")
    deck = load_deck(model.root).raise_for_errors()
    assert deck.slide("exercise-cat-cow-copy") is not None


def test_duplicating_a_slide_from_a_file_of_several(make_pack: Callable[..., Path], clock: FixedClock) -> None:
    root = make_pack(
        {
            "slides/all.yaml": """\
            slides:
              - id: one
                kind: info
                topic: about
                title: One   # the first
              - id: two
                kind: info
                topic: about
                title: Two
            """
        }
    )
    model = StudioModel.open(root, clock=clock)
    copy = model.duplicate_slide(DocKey("slides/all.yaml", 0))
    saved(model)
    assert (root / copy.path).read_text() == "id: one-copy\nkind: info\ntopic: about\ntitle: One   # the first\n"
    assert [s.id for s in load_deck(root).raise_for_errors().slides] == ["one", "one-copy", "two"]


def test_deleting_keeps_the_slide_in_dot_deleted_and_it_can_come_back(model: StudioModel) -> None:
    key = model.find("dry-needling-who")
    assert key is not None
    original = (model.root / key.path).read_bytes()
    position = model.slide(key).position
    name = model.delete_slide(key)
    assert "dry-needling-who" not in model.play_order()
    assert [d.slide_id for d in model.deleted_slides()] == ["dry-needling-who"]
    assert model.deleted_slides()[0].pending
    saved(model)
    assert not (model.root / key.path).exists()
    assert (model.root / DELETED_DIR / name).read_bytes() == original
    note = json.loads((model.root / DELETED_DIR / name.replace(".yaml", ".json")).read_text())
    assert note["path"] == key.path and note["playlist"] == [position]
    # The kiosk and its snapshots pass over the hidden folder.
    deck = load_deck(model.root).raise_for_errors()
    assert deck.slide("dry-needling-who") is None

    reopened = StudioModel.open(model.root)
    deleted = reopened.deleted_slides()
    assert [(d.slide_id, d.title, d.pending) for d in deleted] == [
        ("dry-needling-who", "Could dry needling be right for you?", False)
    ]
    back = reopened.restore_deleted(deleted[0].name)
    assert back == key
    assert list(reopened.play_order()) == shipped_order()
    saved(reopened)
    assert (model.root / key.path).read_bytes() == original
    assert not (model.root / DELETED_DIR / name).exists()
    assert reopened.deleted_slides() == ()


def test_delete_and_undo_is_one_step_and_restores_everything(model: StudioModel) -> None:
    before = snapshot(model.root)
    key = model.find("contact")
    assert key is not None
    model.delete_slide(key)
    assert model.undo_label == "Delete slide"
    model.undo()
    assert not model.is_modified and model.deleted_slides() == ()
    assert model.save().saved
    assert snapshot(model.root) == before


def test_deleting_from_a_file_of_several_keeps_the_others(make_pack: Callable[..., Path], clock: FixedClock) -> None:
    root = make_pack(
        {
            "slides/all.yaml": """\
            slides:
              - id: one
                kind: info
                topic: about
                title: One
              # the second one
              - id: two
                kind: info
                topic: about
                title: Two
            """
        }
    )
    model = StudioModel.open(root, clock=clock)
    name = model.delete_slide(DocKey("slides/all.yaml", 0))
    saved(model)
    assert [s.id for s in load_deck(root).raise_for_errors().slides] == ["two"]
    assert (root / DELETED_DIR / name).read_text() == "id: one\nkind: info\ntopic: about\ntitle: One\n"
    assert "# the second one" in (root / "slides/all.yaml").read_text()
    assert model.restore_deleted(name) == DocKey("slides/one.yaml")
    saved(model)
    # Back in a file of its own; with no playlist, slides play by file name.
    assert [s.id for s in load_deck(root).raise_for_errors().slides] == ["two", "one"]


def test_a_slide_brought_back_whose_id_was_taken_gets_a_new_one(model: StudioModel) -> None:
    key = model.find("contact")
    assert key is not None
    name = model.delete_slide(key)
    model.add_slide("info")
    newest = model.find("new-info")
    assert newest is not None
    model.set_value(newest, "id", "contact")
    back = model.restore_deleted(name)
    assert model.slide(back).id == "contact-restored"
    assert model.check().ok


@pytest.mark.parametrize("kind", SLIDE_KINDS)
def test_a_new_slide_of_each_kind_validates_and_is_flagged_as_needing_text(model: StudioModel, kind: str) -> None:
    after = model.find("about-welcome")
    key = model.add_slide(kind, after=after)
    order = model.play_order()
    assert order[1] == f"new-{kind}"
    row = model.slide(key)
    assert row.needs_text and row.kind == kind and row.topic == "dry-needling"
    assert model.field(key, "title").placeholder
    result = model.check()
    assert result.ok, [str(p) for p in result.problems]
    saved(model)
    assert load_deck(model.root).ok
    if kind == "exercise":
        assert model.field(key, "image").value == PLACEHOLDER_PICTURE
        assert (model.root / PLACEHOLDER_PICTURE).is_file()
    model.set_text(key, "title", "en", "A real title")
    assert not model.field(key, "title").placeholder


def test_adding_a_slide_without_topics_is_refused(make_pack: Callable[..., Path], clock: FixedClock) -> None:
    root = make_pack({}, clinic="name: X\nphone: '1'\ntopics: []\n")
    model = StudioModel.open(root, clock=clock)
    from kiosk.core.studio.pack_state import StudioError

    with pytest.raises(StudioError, match="no topics"):
        model.add_slide("info")
    assert not model.can_undo


def test_what_plays_at_a_time_follows_the_schedules_in_order(model: StudioModel) -> None:
    news = model.find("shockwave-news")
    contact = model.find("contact")
    assert news is not None and contact is not None
    model.set_schedule(news, ScheduleValue(start=date(2026, 4, 1)))
    model.set_hidden(contact, True)
    model.move_slide(model.slide(contact).position or 0, 0)  # a hidden slide stays out wherever it is
    march = [r.id for r in model.playing_at(datetime(2026, 3, 10, 9, 0)).slides]
    april = [r.id for r in model.playing_at(datetime(2026, 4, 10, 9, 0)).slides]
    assert "shockwave-news" not in march and "contact" not in march
    assert april == [i for i in model.play_order() if i != "contact"]
    assert len(march) == len(april) - 1


def test_a_slide_listed_twice_plays_twice(make_pack: Callable[..., Path], clock: FixedClock) -> None:
    slide = "id: {0}\nkind: info\ntopic: about\ntitle: {0}\n"
    root = make_pack({f"slides/{name}.yaml": slide.format(name) for name in ("a", "b")})
    model = StudioModel.open(root, clock=clock)
    model.set_order(["a", "b", "a"])
    assert [r.id for r in model.slides()] == ["a", "b", "a"]
    assert [r.id for r in model.playing_at(NOW).slides] == ["a", "b", "a"]
    model.remove_from_playlist(2)
    model.remove_from_playlist(1)
    assert [(r.id, r.position) for r in model.slides()] == [("a", 0), ("b", None)]
    assert model.slide(DocKey("slides/b.yaml")).schedule.state is ScheduleState.UNLISTED
    model.check()
    assert "never plays" in model.problems(DocKey("slides/b.yaml"), "id")[0].message
    model.add_to_playlist(DocKey("slides/b.yaml"), 0)
    assert model.play_order() == ("b", "a")


def test_a_windows_file_deleted_and_brought_back_is_byte_for_byte_the_same(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    root = make_pack({})
    path = root / "slides" / "a.yaml"
    path.parent.mkdir()
    original = "\ufeff# Made on Windows.\r\nid: a\r\nkind: info\r\ntopic: about\r\ntitle: Hello\r\n".encode()
    path.write_bytes(original)
    (root / "slides" / "b.yaml").write_text("id: b\nkind: info\ntopic: about\ntitle: B\n")
    model = StudioModel.open(root, clock=clock)
    name = model.delete_slide(DocKey("slides/a.yaml"))
    saved(model)
    assert (root / DELETED_DIR / name).read_bytes() == original
    reopened = StudioModel.open(root, clock=clock)
    reopened.restore_deleted(name)
    saved(reopened)
    assert path.read_bytes() == original


@pytest.mark.faults
def test_a_new_slide_never_takes_the_name_of_a_file_the_studio_cannot_read(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    root = make_pack({"slides/a.yaml": "id: a\nkind: info\ntopic: about\ntitle: A\n"})
    unreadable = root / "slides" / "a-copy.yaml"
    unreadable.write_bytes(b"id: a-copy\ntitle: \xff\xfe not UTF-8\n")
    model = StudioModel.open(root, clock=clock)
    assert model.duplicate_slide(DocKey("slides/a.yaml")) == DocKey("slides/a-copy-2.yaml")
    assert model.save().saved is False  # the unreadable file is an error the validator reports
    assert unreadable.read_bytes() == b"id: a-copy\ntitle: \xff\xfe not UTF-8\n"
    assert [p.field for p in model.unplaced_problems()] == [""]
    assert "not UTF-8" in model.unplaced_problems()[0].message


def test_setting_the_playlist_field_keeps_its_comments(make_pack: Callable[..., Path], clock: FixedClock) -> None:
    slide = "id: {0}\nkind: info\ntopic: about\ntitle: {0}\n"
    clinic = (
        "name: X\nphone: '1'\ntopics:\n  - id: about\n    title: About\nplaylist:\n  - a   # first\n  # then\n  - b\n"
    )
    root = make_pack({f"slides/{name}.yaml": slide.format(name) for name in ("a", "b")}, clinic=clinic)
    model = StudioModel.open(root, clock=clock)
    model.set_value(CLINIC, "playlist", ["b", "a"])
    assert model.file_text("clinic.yaml") == clinic.replace("- a   # first", "- b   # first").replace(
        "  - b\n", "  - a\n"
    )


def test_hidden_is_a_field_of_every_slide_editor(model: StudioModel) -> None:
    key = model.find("contact")
    assert key is not None
    assert model.field(key, "hidden").value is None
    model.set_value(key, "hidden", True)
    assert model.field(key, "hidden").value is True and model.slide(key).hidden
    with pytest.raises(TypeError):
        model.set_value(key, "hidden", "yes")
    model.set_value(key, "hidden", None)
    assert not model.is_modified
