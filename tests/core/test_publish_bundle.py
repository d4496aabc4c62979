"""``publish``: validated, deterministic, immutable archives, a growing serial, manifest last."""

from __future__ import annotations

import functools
import json
import os
import stat
from pathlib import Path

import pytest

from kiosk.core.loader import content_version
from kiosk.core.publish.bundle import ARCHIVE_NAME, PublishRefused, publish
from kiosk.core.publish.envelope import open_envelope
from kiosk.core.publish.manifest import MANIFEST_NAME
from tests.helpers.content_kit import write
from tests.helpers.publish_kit import new_key, pack

T0 = 1_800_000_000.0
KEY = new_key()


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_publish_writes_a_signed_manifest_and_a_versioned_archive(tmp_path: Path) -> None:
    folder = pack(tmp_path)
    write(folder, ".git/HEAD", "ref: main\n")  # hidden: not published, as the content version skips it
    result = publish(folder, tmp_path / "out", KEY, unix_time=lambda: T0)
    manifest = open_envelope((tmp_path / "out" / MANIFEST_NAME).read_bytes(), KEY.public_key())
    assert manifest == result.manifest
    assert manifest.serial == int(T0)
    assert manifest.content_version == content_version(folder)
    assert {f.path for f in manifest.files} == {"clinic.yaml", "slides/welcome.yaml", "images/photo.png"}
    match = ARCHIVE_NAME.match(manifest.archive.name)
    assert match and match.group(1) == str(int(T0)) and manifest.archive.sha256.startswith(match.group(2))
    assert result.archive_path.stat().st_size == manifest.archive.size
    assert sorted(listing(tmp_path / "out")) == sorted([manifest.archive.name, MANIFEST_NAME])  # no temp files left


def test_invalid_pack_is_refused_with_the_validators_lines_and_nothing_is_written(tmp_path: Path) -> None:
    folder = pack(tmp_path)
    out = tmp_path / "out"
    publish(folder, out, KEY, unix_time=lambda: T0)
    before = listing(out)
    write(folder, "slides/broken.yaml", "id: broken\nkind: info\ntopic: nowhere\ntitle: Broken\n")
    with pytest.raises(PublishRefused) as refused:
        publish(folder, out, KEY, unix_time=lambda: T0 + 10)
    assert "1 error(s)" in refused.value.summary
    lines = [str(p) for p in refused.value.problems if p.is_error]
    assert lines == ["slides/broken.yaml:3: topic: unknown topic 'nowhere'; clinic.yaml declares: about, exercise"]
    assert listing(out) == before


def test_serial_keeps_growing_even_when_the_clock_does_not(tmp_path: Path) -> None:
    folder = pack(tmp_path)
    out = tmp_path / "out"
    serials = [publish(folder, out, KEY, unix_time=lambda: T0).manifest.serial for _ in range(3)]
    assert serials == [int(T0), int(T0) + 1, int(T0) + 2]
    # A clock set back (or another publishing PC) still cannot go below what was published.
    assert publish(folder, out, KEY, unix_time=lambda: T0 - 86400).manifest.serial == int(T0) + 3
    assert publish(folder, out, KEY, unix_time=lambda: T0 + 500).manifest.serial == int(T0) + 500


def test_damaged_previous_manifest_still_gives_a_higher_serial(tmp_path: Path) -> None:
    folder = pack(tmp_path)
    out = tmp_path / "out"
    publish(folder, out, KEY, unix_time=lambda: T0 + 100)
    (out / MANIFEST_NAME).write_text("{garbage")
    result = publish(folder, out, KEY, unix_time=lambda: T0)
    assert result.manifest.serial == int(T0) + 101  # from the archive names
    assert any("not readable" in note for note in result.notes)


def test_same_pack_gives_the_same_archive_bytes(tmp_path: Path) -> None:
    folder = pack(tmp_path)
    first = publish(folder, tmp_path / "a", KEY, unix_time=lambda: T0)
    os.utime(folder / "clinic.yaml", (1, 1))  # times and owners are not part of the archive
    second = publish(folder, tmp_path / "b", KEY, unix_time=lambda: T0)
    assert first.manifest.archive.sha256 == second.manifest.archive.sha256


def test_old_archives_are_pruned_beyond_keep(tmp_path: Path) -> None:
    out = tmp_path / "out"
    names = [
        publish(
            pack(tmp_path, f"p{i}", f"Title {i}"), out, KEY, unix_time=functools.partial(float, T0 + i)
        ).manifest.archive.name
        for i in range(5)
    ]
    (out / "notes.txt").write_text("IT's own file")
    result = publish(pack(tmp_path, "p5", "Title 5"), out, KEY, unix_time=lambda: T0 + 5, keep=3)
    archives = sorted(p.name for p in out.iterdir() if ARCHIVE_NAME.match(p.name))
    assert archives == sorted([*names[3:], result.manifest.archive.name])
    assert result.removed == (names[2],)  # earlier publishes (keep 3 by default) removed the first two
    assert (out / "notes.txt").exists()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs")
def test_links_and_special_files_in_the_pack_are_refused(tmp_path: Path) -> None:
    folder = pack(tmp_path)
    (folder / "images" / "link.png").symlink_to(folder / "images" / "photo.png")
    os.mkfifo(folder / "slides" / "pipe")
    with pytest.raises(PublishRefused) as refused:
        publish(folder, tmp_path / "out", KEY)
    lines = sorted(str(p) for p in refused.value.problems)
    assert lines == [
        "images/link.png: file: is a link; replace it with the file itself",
        "slides/pipe: file: is not a regular file (a pipe, socket or device?)",
    ]
    assert not (tmp_path / "out").exists()


def test_names_kiosks_could_not_hold_are_refused(tmp_path: Path) -> None:
    folder = pack(tmp_path)
    write(folder, "images/aux.txt", "x")
    with pytest.raises(PublishRefused) as refused:
        publish(folder, tmp_path / "out", KEY)
    assert [str(p) for p in refused.value.problems] == [
        "images/aux.txt: file: cannot be published: the path has a device name of Windows ('aux.txt')"
    ]


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PublishRefused, match="content folder not found"):
        publish(tmp_path / "nope", tmp_path / "out", KEY)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_published_files_are_world_readable_for_web_servers(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        result = publish(pack(tmp_path), tmp_path / "out", KEY)
    finally:
        os.umask(old)
    for path in (result.archive_path, result.manifest_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_manifest_is_readable_json_for_people(tmp_path: Path) -> None:
    result = publish(pack(tmp_path), tmp_path / "out", KEY)
    envelope = json.loads(result.manifest_path.read_text())
    assert set(envelope) == {"format", "key_id", "manifest", "signature"}
    assert envelope["key_id"] == result.key_id


def test_deploy_docs_state_the_code_s_numbers() -> None:
    from kiosk.core.publish.bundle import DEFAULT_KEEP

    text = (Path(__file__).resolve().parents[2] / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert f"the newest {DEFAULT_KEEP} archives" in text
    assert "`max(previous + 1, Unix time)`" in text
