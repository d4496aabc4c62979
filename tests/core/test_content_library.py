"""The content home, its last good snapshots and the fallbacks at start-up, on real folders."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.content_home import (
    COMPLETE_MARKER,
    configured_places,
    content_places,
    prepare_home,
    recover_interrupted_swap,
    replace_home,
)
from kiosk.core.content_library import ContentLibrary
from kiosk.core.content_state import ORIGIN_HOME, ORIGIN_LAST_GOOD, ORIGIN_NONE, ORIGIN_SHIPPED, read_state
from kiosk.core.loader import content_version
from kiosk.core.resources import bundled_content_dir

NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
CONTACT = "slides/contact.yaml"


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A private copy of the shipped pack, so tests can change "what ships"."""
    folder = tmp_path / "shipped"
    shutil.copytree(bundled_content_dir(), folder)
    return folder


def library(tmp_path: Path, shipped: Path, *, keep: int = 10, home: Path | None = None) -> ContentLibrary:
    places = content_places(tmp_path / "data", home, shipped=shipped)
    return ContentLibrary(places, clock=FixedClock(NOW), keep=keep)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new), encoding="utf-8")


def break_home(home: Path) -> None:
    edit(home / CONTACT, "kind: contact", "kind: contakt")


def test_first_start_fills_the_home_from_the_shipped_pack_and_plays_a_snapshot(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    outcome = lib.start()
    assert lib.home_report is not None and lib.home_report.action == "seeded"
    assert outcome.ok and outcome.origin == ORIGIN_HOME and outcome.deck is not None
    assert content_version(lib.places.home) == content_version(shipped) == outcome.deck.version
    # The deck is read from the snapshot, never from the folder staff edit.
    assert outcome.snapshot is not None and outcome.deck.root == outcome.snapshot.path
    assert outcome.snapshot.path.parent == lib.places.history
    assert outcome.snapshot.origin == "as shipped with the kiosk"
    state = read_state(lib.places.state_file)
    assert state is not None and state.origin == ORIGIN_HOME and state.version == outcome.deck.version


def test_a_second_start_with_nothing_changed_copies_nothing(tmp_path: Path, shipped: Path) -> None:
    first = library(tmp_path, shipped).start()
    again = library(tmp_path, shipped)
    outcome = again.start()
    assert again.home_report is not None and again.home_report.action == "ready"
    assert outcome.snapshot == first.snapshot
    assert len(again.history.snapshots()) == 1


def test_the_working_directory_never_changes_the_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "elsewhere" / "content").mkdir(parents=True)
    homes = set()
    for folder in (tmp_path, tmp_path / "elsewhere", bundled_content_dir().parent):
        monkeypatch.chdir(folder)
        homes.add(configured_places().home)
    assert homes == {tmp_path / "data" / "content"}


def test_a_clean_edit_becomes_the_newest_snapshot(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    lib.start()
    edit(lib.places.home / CONTACT, "Call us\n", "Call us today\n")
    outcome = lib.refresh()
    assert outcome.ok and outcome.deck is not None and outcome.snapshot is not None
    assert outcome.deck.version == content_version(lib.places.home)
    assert [s.version for s in lib.history.snapshots()] == [outcome.deck.version, content_version(shipped)]
    assert outcome.snapshot.origin == f"edited in {lib.places.home}"


def test_what_plays_does_not_change_when_the_home_changes_afterwards(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    deck = lib.start().deck
    assert deck is not None
    image = next(ref for slide in deck.slides for ref in slide.images())
    before = image.path.read_bytes()
    for picture in (lib.places.home / "images").iterdir():
        picture.write_bytes(b"not a picture any more")
    assert image.path.read_bytes() == before


def test_a_broken_home_is_reported_by_relative_path_and_changes_nothing(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    playing = lib.start()
    break_home(lib.places.home)
    outcome = lib.refresh()
    assert not outcome.ok and outcome.deck is None
    assert [str(p).split(": ")[0] for p in outcome.errors] == [f"{CONTACT}:2"]
    assert len(lib.history.snapshots()) == 1
    state = read_state(lib.places.state_file)
    assert state is not None and state.fallback and state.origin == ORIGIN_LAST_GOOD
    assert state.error_count == 1 and state.version == playing.deck.version
    assert "contakt" in state.problems[0]


def test_start_on_a_broken_home_plays_the_last_good_snapshot(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    lib.start()
    edit(lib.places.home / CONTACT, "Call us\n", "Call us today\n")
    good = lib.refresh()
    break_home(lib.places.home)
    outcome = library(tmp_path, shipped).start()
    assert not outcome.ok and outcome.origin == ORIGIN_LAST_GOOD
    assert outcome.deck is not None and outcome.deck.version == good.deck.version
    assert outcome.errors


def test_start_on_a_broken_home_without_history_plays_the_shipped_pack(tmp_path: Path, shipped: Path) -> None:
    home = tmp_path / "staff-folder"
    shutil.copytree(shipped, home)
    break_home(home)
    outcome = library(tmp_path, shipped, home=home).start()
    assert outcome.origin == ORIGIN_SHIPPED and outcome.deck is not None
    assert outcome.deck.root == shipped and outcome.errors


def test_nothing_loadable_at_all_still_gives_a_deck_that_shows_the_welcome_frame(tmp_path: Path, shipped: Path) -> None:
    home = tmp_path / "staff-folder"
    shutil.copytree(shipped, home)
    break_home(home)
    break_home(shipped)
    outcome = library(tmp_path, shipped, home=home).start()
    assert outcome.origin == ORIGIN_NONE and outcome.deck is not None and outcome.deck.slides == ()
    state = read_state(content_places(tmp_path / "data", home).state_file)
    assert state is not None and "welcome screen" in state.summary()


def test_a_fix_after_a_mistake_plays_again(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    lib.start()
    break_home(lib.places.home)
    lib.refresh()
    edit(lib.places.home / CONTACT, "kind: contakt", "kind: contact")
    outcome = lib.refresh()
    assert outcome.ok
    state = read_state(lib.places.state_file)
    assert state is not None and state.origin == ORIGIN_HOME and state.problems == ()


def test_only_the_newest_versions_are_kept(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped, keep=3)
    lib.start()
    versions = []
    for n in range(5):
        edit(lib.places.home / CONTACT, "Call us", f"Call us {n}")
        outcome = lib.refresh()
        assert outcome.deck is not None
        versions.append(outcome.deck.version)
    assert [s.version for s in lib.history.snapshots()] == versions[::-1][:3]


def test_restore_puts_an_old_version_back_in_the_home(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    original = lib.start().deck
    assert original is not None
    edit(lib.places.home / CONTACT, "Call us\n", "Call us today\n")
    lib.refresh()
    (lib.places.home / "notes.txt").write_text("a file the old version did not have", encoding="utf-8")
    restored = lib.restore(original.version[:6])
    assert restored.version == original.version
    assert content_version(lib.places.home) == original.version
    outcome = lib.refresh()
    assert outcome.deck is not None and outcome.deck.version == original.version
    assert lib.history.latest() is not None and lib.history.latest().version == original.version
    with pytest.raises(LookupError, match="kiosk content history"):
        lib.restore("ffffffff")


def test_a_crash_between_the_renames_of_a_swap_is_repaired(tmp_path: Path, shipped: Path) -> None:
    home = tmp_path / "home"
    replace_home(home, shipped)
    # The state a crash leaves after the old home was renamed away, before the new one came in.
    incoming = tmp_path / ".home.incoming-1-abc"
    shutil.copytree(shipped, incoming)
    (incoming / COMPLETE_MARKER).write_text("complete\n")
    os.rename(home, tmp_path / ".home.previous-1-abc")
    assert recover_interrupted_swap(home) == "finished an interrupted content update"
    assert content_version(home) == content_version(shipped)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "shipped"]


def test_an_incomplete_incoming_pack_is_never_used(tmp_path: Path, shipped: Path) -> None:
    home = tmp_path / "home"
    replace_home(home, shipped)
    half = tmp_path / ".home.incoming-1-abc"
    half.mkdir()
    (half / "clinic.yaml").write_text("name: half", encoding="utf-8")
    os.rename(home, tmp_path / ".home.previous-1-abc")
    assert recover_interrupted_swap(home) == "put back the content an interrupted update had moved aside"
    assert content_version(home) == content_version(shipped)


def test_a_kiosk_update_replaces_an_unedited_seeded_home_but_never_an_edited_one(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    lib.start()
    edit(shipped / CONTACT, "Call us", "Call us (new release)")  # the new release's pack
    assert prepare_home(lib.places).action == "upgraded"
    assert content_version(lib.places.home) == content_version(shipped)

    edit(lib.places.home / CONTACT, "Call us", "Staff wrote this")
    edit(shipped / CONTACT, "Call us", "An even newer release")
    assert prepare_home(lib.places).action == "ready"
    assert "Staff wrote this" in (lib.places.home / CONTACT).read_text(encoding="utf-8")


def test_an_unwritable_data_folder_still_plays_the_home(tmp_path: Path, shipped: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(shipped, home)
    blocker = tmp_path / "data-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    lib = ContentLibrary(content_places(blocker / "data", home, shipped=shipped), clock=FixedClock(NOW))
    outcome = lib.start()
    assert outcome.ok and outcome.deck is not None and outcome.deck.root == home


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_named_pipes_and_hidden_files_in_the_home_are_never_read_or_copied(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    lib.start()
    os.mkfifo(lib.places.home / "images" / "pipe.png")
    (lib.places.home / "slides" / ".contact.yaml.swp").write_bytes(b"\0editor swap file")
    outcome = lib.refresh()  # would hang for ever if the pipe were opened
    assert outcome.ok and outcome.snapshot is not None
    assert not (outcome.snapshot.path / "images" / "pipe.png").exists()
    assert not (outcome.snapshot.path / "slides" / ".contact.yaml.swp").exists()


def test_a_link_inside_the_home_is_copied_as_a_file_and_one_leading_out_is_reported(
    tmp_path: Path, shipped: Path
) -> None:
    lib = library(tmp_path, shipped)
    lib.start()
    images = lib.places.home / "images"
    picture = next(p for p in sorted(images.iterdir()) if p.suffix == ".svg")
    (images / "linked.svg").symlink_to(picture.name)
    outcome = lib.refresh()
    assert outcome.ok and outcome.snapshot is not None
    copied = outcome.snapshot.path / "images" / "linked.svg"
    assert not copied.is_symlink() and copied.read_bytes() == picture.read_bytes()

    outside = tmp_path / "outside.yaml"
    shutil.copy(lib.places.home / CONTACT, outside)
    (lib.places.home / CONTACT).unlink()
    (lib.places.home / CONTACT).symlink_to(outside)
    refused = lib.refresh()
    assert not refused.ok
    assert any("outside the content folder" in str(p) for p in refused.errors), refused.problems


def test_a_snapshot_left_half_written_by_a_crash_is_ignored_and_cleaned(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    lib.start()
    half = lib.places.history / ".staging-99999-deadbeef"
    shutil.copytree(shipped, half)
    no_meta = lib.places.history / "000099-0123456789abcdef"
    no_meta.mkdir()
    assert [s.serial for s in lib.history.snapshots()] == [1]
    edit(lib.places.home / CONTACT, "Call us\n", "Call us today\n")
    lib.refresh()
    assert not half.exists()


def test_the_state_file_is_plain_json_for_other_tools(tmp_path: Path, shipped: Path) -> None:
    lib = library(tmp_path, shipped)
    lib.start()
    data = json.loads(lib.places.state_file.read_text(encoding="utf-8"))
    assert set(data) >= {"home", "version", "origin", "playing_from", "since", "checked", "problems", "fallback"}
    assert data["fallback"] is False and data["home"] == str(lib.places.home)


def test_a_damaged_or_odd_state_file_reads_as_none(tmp_path: Path) -> None:
    state = tmp_path / "content-state.json"
    assert read_state(state) is None
    for text in (
        "{broken",
        "[]",
        '{"version": 7}',
        json.dumps({"home": "/h", "version": "v", "origin": "home", "problems": 3}),
    ):
        state.write_text(text, encoding="utf-8")
        read = read_state(state)
        assert read is None or read.problems == ()
