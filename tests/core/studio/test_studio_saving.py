"""Saving: the pack is checked as it would be written; an invalid pack writes nothing; a
valid one writes only the files staff changed, each atomically, keeping their form."""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.core import atomic_files
from kiosk.core.clock import FixedClock
from kiosk.core.content_home import content_places, prepare_home
from kiosk.core.content_library import ContentLibrary
from kiosk.core.loader import load_deck
from kiosk.core.studio import saving
from kiosk.core.studio.checking import STAGING_PREFIX
from kiosk.core.studio.keys import CLINIC, DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.observers import Change, ChangeKind
from kiosk.core.studio.pack_state import StudioError
from tests.helpers.studio_kit import NOW, snapshot

CONTACT = DocKey("slides/contact.yaml")


def test_an_invalid_pack_is_refused_with_the_validators_problems_and_nothing_is_written(model: StudioModel) -> None:
    before = snapshot(model.root)
    model.set_value(CONTACT, "topic", "nowhere")
    model.set_text(CONTACT, "title", "es", "Llámenos")
    result = model.save()
    assert not result.saved
    assert [(p.path, p.field) for p in result.errors] == [(CONTACT.path, "topic")]
    assert "unknown topic 'nowhere'" in result.errors[0].message
    assert snapshot(model.root) == before
    assert model.is_modified
    assert model.problems(CONTACT, "topic")[0].is_error


def test_only_changed_files_are_written_and_the_others_stay_untouched(model: StudioModel) -> None:
    before = snapshot(model.root)
    times = {p: p.stat().st_mtime_ns for p in model.root.rglob("*") if p.is_file()}
    inodes = {p: p.stat().st_ino for p in model.root.rglob("*") if p.is_file()}
    model.set_text(CONTACT, "title", "es", "¿Preguntas? Llámenos")
    result = model.save()
    assert result.saved and result.written == (CONTACT.path,) and result.removed == ()
    after = snapshot(model.root)
    assert {k for k in after if after[k] != before[k]} == {CONTACT.path}
    for path, mtime in times.items():
        if path.name != "contact.yaml":
            assert path.stat().st_mtime_ns == mtime and path.stat().st_ino == inodes[path], path
    # Written atomically: a new file took the old one's place.
    assert (model.root / CONTACT.path).stat().st_ino != inodes[model.root / CONTACT.path]
    assert not model.is_modified
    assert model.save() == saving.SaveResult(saved=True)


def test_comments_in_a_changed_file_survive(model: StudioModel) -> None:
    model.set_value(CLINIC, "address", "1234 Main St, Denver, CO")
    model.set_value(CLINIC, "website", "https://atlas.example.com")
    model.move_slide(5, 1)
    assert model.save().saved
    text = (model.root / "clinic.yaml").read_text()
    for comment in (
        "# Atlas Physical Therapy - the clinic's details, colours, topics and slide order.",
        "# The street address, opening hours and website still need to come from the clinic.",
        "# Calm teal and warm terracotta. Checked for contrast: text on background 12.9:1,",
        "# The order slides play in. Topics take turns so no topic runs on for long.",
    ):
        assert comment in text
    assert "address: 1234 Main St, Denver, CO\nwebsite: https://atlas.example.com\ntimezone:" in text


def test_a_crlf_file_with_a_bom_stays_so_and_keeps_its_permissions(
    make_pack: Callable[..., Path], clock: FixedClock
) -> None:
    root = make_pack({})
    path = root / "slides" / "a.yaml"
    path.parent.mkdir()
    path.write_bytes("\ufeffid: a\r\nkind: info\r\ntopic: about\r\ntitle: Hello\r\n".encode())
    os.chmod(path, 0o664)
    model = StudioModel.open(root, clock=clock)
    model.set_text(DocKey("slides/a.yaml"), "title", "en", "Hello there")
    assert model.save().saved
    assert path.read_bytes() == "\ufeffid: a\r\nkind: info\r\ntopic: about\r\ntitle: Hello there\r\n".encode()
    assert path.stat().st_mode & 0o777 == 0o664


@pytest.mark.faults
def test_a_file_changed_by_someone_else_meanwhile_is_not_overwritten(model: StudioModel) -> None:
    model.set_text(CONTACT, "title", "es", "Llámenos")
    other = (model.root / CONTACT.path).read_text().replace("duration: 15s", "duration: 16s")
    (model.root / CONTACT.path).write_text(other)
    before = snapshot(model.root)
    assert model.changed_on_disk() == (CONTACT.path,)
    result = model.save()
    assert not result.saved and result.conflicts == (CONTACT.path,)
    assert snapshot(model.root) == before
    model.reload()
    assert not model.is_modified and not model.can_undo
    assert model.field(CONTACT, "duration").value == 16.0


@pytest.mark.faults
def test_a_disk_error_part_way_says_what_was_written_and_a_later_save_finishes(
    model: StudioModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    model.set_text(CONTACT, "title", "es", "Llámenos")
    model.move_slide(0, 1)
    real = atomic_files.write_atomic
    calls = []

    def full_disk(path: Path, data: bytes, *, mode: int = 0o644) -> None:
        calls.append(path)
        if path.name == "clinic.yaml":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data, mode=mode)

    monkeypatch.setattr(saving, "write_atomic", full_disk)
    result = model.save()
    assert not result.saved and result.written == (CONTACT.path,)
    assert result.error is not None and "No space left on device" in result.error
    assert model.changed_files() == ("clinic.yaml",)
    monkeypatch.setattr(saving, "write_atomic", real)
    assert model.save().written == ("clinic.yaml",)
    assert [s.id for s in load_deck(model.root).raise_for_errors().slides][:2] == ["dry-needling-what", "about-welcome"]


def test_saving_tells_observers(model: StudioModel) -> None:
    heard: list[Change] = []
    model.subscribe(heard.append)
    model.set_text(CONTACT, "title", "es", "Llámenos")
    heard.clear()
    model.save()
    assert Change(ChangeKind.SAVED) in heard and Change(ChangeKind.PROBLEMS) in heard


def test_a_running_kiosk_picks_up_a_save(tmp_path: Path, pack: Path) -> None:
    places = content_places(tmp_path / "data", pack, shipped=pack)
    library = ContentLibrary(places, clock=FixedClock(NOW))
    prepare_home(places)
    first = library.refresh()
    assert first.ok and first.deck is not None
    model = StudioModel.open(places.home, clock=FixedClock(NOW), places=places)
    model.set_text(CONTACT, "title", "en", "Call us today")
    assert model.save().saved
    second = library.refresh()
    assert second.ok and second.deck is not None and second.deck.version != first.deck.version
    contact = second.deck.slide("contact")
    assert contact is not None and contact.title.get("en") == "Call us today"
    assert [s.version for s in model.versions()] == [second.deck.version, first.deck.version]


@pytest.mark.faults
def test_a_save_waits_for_the_content_lock_and_gives_up_clearly(tmp_path: Path, pack: Path) -> None:
    places = content_places(tmp_path / "data", pack, shipped=pack)
    model = StudioModel.open(places.home, clock=FixedClock(NOW), places=places)
    model.lock_timeout = 0.2
    model.set_text(CONTACT, "title", "es", "Llámenos")
    before = snapshot(pack)
    with places.lock():
        result = model.save()
    assert not result.saved and result.error is not None and "busy" in result.error
    assert snapshot(pack) == before
    assert model.save().saved


@pytest.mark.faults
def test_a_check_leaves_nothing_behind_and_clears_what_a_killed_studio_left(model: StudioModel) -> None:
    parent = model.root.parent
    stale = parent / f"{STAGING_PREFIX}killed"
    (stale / "slides").mkdir(parents=True)
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    fresh = parent / f"{STAGING_PREFIX}running"
    fresh.mkdir()
    model.set_text(CONTACT, "title", "es", "Llámenos")
    assert model.check().ok
    assert sorted(p.name for p in parent.iterdir() if p.name.startswith(STAGING_PREFIX)) == [fresh.name]


def test_a_save_can_run_in_a_worker_while_staff_keep_editing(model: StudioModel) -> None:
    import threading

    model.set_text(CONTACT, "title", "es", "Llámenos")
    plan = model.save_plan()
    model.set_text(CONTACT, "qr_caption", "es", "Escanee")  # typed while the save runs
    results: list[saving.SaveResult] = []
    worker = threading.Thread(target=lambda: results.append(plan.run()))
    worker.start()
    worker.join()
    assert model.apply_save(results[0]).written == (CONTACT.path,)
    on_disk = (model.root / CONTACT.path).read_text()
    assert "es: Llámenos\n" in on_disk and "es: Escanee\n" not in on_disk
    assert model.changed_files() == (CONTACT.path,)
    assert model.save().saved
    assert "es: Escanee\n" in (model.root / CONTACT.path).read_text()


def test_restoring_a_kept_version_puts_it_back_and_reads_it_again(tmp_path: Path, pack: Path) -> None:
    places = content_places(tmp_path / "data", pack, shipped=pack)
    library = ContentLibrary(places, clock=FixedClock(NOW))
    first = library.refresh()
    assert first.deck is not None
    model = StudioModel.open(places.home, clock=FixedClock(NOW), places=places)
    model.set_text(CONTACT, "title", "en", "Call us today")
    assert model.save().saved
    assert library.refresh().ok
    model.set_text(CONTACT, "title", "es", "Llámenos hoy")
    with pytest.raises(StudioError, match="unsaved changes"):
        model.restore_version(first.deck.version)
    heard: list[Change] = []
    model.subscribe(heard.append)
    restored = model.restore_version(first.deck.version, discard_changes=True)
    assert restored.version == first.deck.version
    assert Change(ChangeKind.SLIDES) in heard and not model.is_modified and not model.can_undo
    title = model.field(CONTACT, "title").value
    assert title.text("en") == "Questions? Call us"
    again = library.refresh()
    assert again.deck is not None and again.deck.version == first.deck.version
