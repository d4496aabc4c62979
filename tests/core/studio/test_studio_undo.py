"""Undo and redo of every edit while the studio is open: one step per action, typing into one
field merges, and undoing everything gives back the files byte for byte."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.clock import FixedClock
from kiosk.core.resources import bundled_content_dir
from kiosk.core.studio.keys import CLINIC, DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.schedule_values import ScheduleValue
from tests.helpers.studio_kit import NOW, snapshot

CONTACT = DocKey("slides/contact.yaml")


def test_typing_into_one_text_is_one_step(model: StudioModel) -> None:
    for text in ("L", "Ll", "Llá", "Llámenos"):
        model.set_text(CONTACT, "title", "es", text)
    model.set_text(CONTACT, "title", "en", "Call us")
    model.undo()
    assert model.field(CONTACT, "title").value.text("es") == "Llámenos"
    assert model.undo_label == "Edit title"
    model.undo()
    assert not model.is_modified and not model.can_undo
    assert model.redo() and model.field(CONTACT, "title").value.text("es") == "Llámenos"


def test_a_new_edit_clears_redo_and_a_save_starts_a_new_step(model: StudioModel) -> None:
    model.set_text(CONTACT, "title", "es", "Uno")
    model.undo()
    assert model.can_redo
    model.set_text(CONTACT, "title", "es", "Dos")
    assert not model.can_redo
    assert model.save().saved
    model.set_text(CONTACT, "title", "es", "Tres")
    model.undo()
    assert model.field(CONTACT, "title").value.text("es") == "Dos"
    assert not model.is_modified


def test_undo_after_a_save_makes_the_undone_change_unsaved(model: StudioModel) -> None:
    before = snapshot(model.root)
    key = model.find("dry-needling-who")
    assert key is not None
    name = model.delete_slide(key)
    assert model.save().saved
    model.undo()
    trash = f".deleted/{name}"
    assert set(model.changed_files()) == {key.path, "clinic.yaml", trash, trash.replace(".yaml", ".json")}
    assert model.save().saved
    assert snapshot(model.root) == before
    assert model.deleted_slides() == ()


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("text"), st.integers(0, 16), st.sampled_from(["en", "es"]), st.text(max_size=12)),
        st.tuples(st.just("move"), st.integers(0, 16), st.integers(0, 16)),
        st.tuples(st.just("hide"), st.integers(0, 16), st.booleans()),
        st.tuples(st.just("duplicate"), st.integers(0, 16)),
        st.tuples(st.just("delete"), st.integers(0, 16)),
        st.tuples(st.just("add"), st.sampled_from(["info", "bullets", "exercise", "news", "contact"])),
        st.tuples(st.just("schedule"), st.integers(0, 16), st.integers(1, 28)),
        st.tuples(st.just("clinic"), st.text(min_size=1, max_size=12)),
        st.tuples(
            st.just("undo"),
        ),
    ),
    min_size=1,
    max_size=8,
)


def act(model: StudioModel, action: tuple[Any, ...]) -> None:
    rows = model.slides()
    name = action[0]
    if name == "undo":
        model.undo()
        return
    if name == "add":
        model.add_slide(str(action[1]))
        return
    if name == "clinic":
        model.set_value(CLINIC, "address", str(action[1]))
        return
    if name == "move":
        listed = [r for r in rows if r.position is not None]
        model.move_slide(int(action[1]) % len(listed), int(action[2]) % len(listed))
        return
    row = rows[int(action[1]) % len(rows)]
    if name == "text":
        model.set_text(row.key, "title", str(action[2]), str(action[3]))
    elif name == "hide":
        model.set_hidden(row.key, bool(action[2]))
    elif name == "duplicate":
        model.duplicate_slide(row.key)
    elif name == "delete":
        if len(rows) > 1:
            model.delete_slide(row.key)
    elif name == "schedule":
        model.set_schedule(row.key, ScheduleValue(start=date(2026, 3, int(action[2]))))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ACTIONS)
def test_any_edits_then_undo_all_give_back_the_files_byte_for_byte(actions: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory(prefix="studio-undo-") as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(bundled_content_dir(), root)
        model = StudioModel.open(root, clock=FixedClock(NOW))
        original = {rel: model.file_text(rel) for rel in model.content_files()}
        for action in actions:
            act(model, action)
        done = {rel: model.file_text(rel) for rel in model.content_files()}
        steps = 0
        while model.undo():
            steps += 1
        assert not model.is_modified, model.changed_files()
        assert {rel: model.file_text(rel) for rel in model.content_files()} == original
        for _ in range(steps):
            assert model.redo()
        assert {rel: model.file_text(rel) for rel in model.content_files()} == done
        while model.undo():
            pass
        before = snapshot(root)
        assert model.save().saved
        assert snapshot(root) == before
