"""The update check against a real HTTP server on loopback, serving real bundles, with faults.

Each fault must give a clear one-line result, be recorded in the status file, and install
nothing; the next check must work again once the fault is gone (nothing sticky).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.core.publish.files import exclusive_lock
from kiosk.core.publish.http_source import HttpSource
from kiosk.core.publish.keys import key_id
from kiosk.core.publish.manifest import MANIFEST_NAME, FileEntry
from kiosk.core.publish.status import UPDATES_FILE, read_update_status
from kiosk.core.publish.updater import LOCK_NAME, CheckResult, Updater
from tests.helpers.content_kit import write
from tests.helpers.publish_kit import (
    BundleServer,
    Fault,
    Home,
    Member,
    SilentListener,
    bundle_from_folder,
    entries_of,
    free_port,
    new_key,
    pack,
    publish_pack,
    replace_manifest,
)

T0 = 1_800_000_000.0


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return new_key()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def server(out: Path) -> Iterator[BundleServer]:
    bundle_server = BundleServer(out)
    yield bundle_server
    bundle_server.stop()


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path / "home")


def make_updater(
    url: str, key: Ed25519PrivateKey, tmp_path: Path, home: Home, *, deadline: float = 10.0, read_timeout: float = 3.0
) -> Updater:
    source = HttpSource(url, read_timeout=read_timeout, connect_timeout=2.0)
    return Updater(source, key.public_key(), tmp_path / "data", home.install, deadline=deadline)


def status_of(tmp_path: Path) -> dict[str, object]:
    status: dict[str, object] = json.loads((tmp_path / "data" / UPDATES_FILE).read_text())
    return status


def assert_failed_and_recorded(result: CheckResult, tmp_path: Path, home: Home, *words: str) -> None:
    assert not result.ok and result.outcome == "failed"
    assert "\n" not in result.message
    for word in words:
        assert word in result.message, result.message
    status = status_of(tmp_path)
    assert status["ok"] is False and status["result"] == result.message
    assert home.installed == [] or all(serial != result.serial for _, serial in home.installed)
    # Nothing half-done is left behind in the work folder.
    leftovers = [p.name for p in (tmp_path / "data" / "content-incoming").iterdir() if p.name != LOCK_NAME]
    assert leftovers == []


def test_installs_then_an_unchanged_check_is_one_small_request(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    manifest = publish_pack(pack(tmp_path), out, key, T0)
    updater = make_updater(server.url, key, tmp_path, home)

    result = updater.check()

    assert result.ok and result.outcome == "installed" and result.serial == manifest.serial, result.message
    installed, serial = home.installed[0]
    assert serial == manifest.serial
    assert (installed / "clinic.yaml").read_bytes() == (tmp_path / "pack" / "clinic.yaml").read_bytes()
    status = read_update_status(tmp_path / "data")
    assert status is not None and status.ok and status.accepted_serial == manifest.serial
    assert status.content_version == manifest.content_version and status.last_success is not None

    before = len(server.requests)
    assert isinstance(updater.source, HttpSource)
    sent, received = updater.source.stats.sent, updater.source.stats.received
    again = updater.check()

    assert again.ok and again.outcome == "up-to-date" and len(home.installed) == 1
    (request,) = server.requests[before:]
    assert request.status == 304 and "If-None-Match" in request.headers
    # One request each way of a few hundred bytes, whatever the pack's size.
    assert request.bytes_out < 400 and request.bytes_in < 400
    assert updater.source.stats.received - received == request.bytes_out
    assert updater.source.stats.sent - sent == request.bytes_in


def test_validators_are_remembered_across_restarts_and_last_modified_alone_works(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    server.use_etag = False  # a plain web server: Last-Modified only
    publish_pack(pack(tmp_path), out, key, T0)
    assert make_updater(server.url, key, tmp_path, home).check().ok
    restarted = make_updater(server.url, key, tmp_path, home)  # a new process reads the status file
    result = restarted.check()
    assert result.outcome == "up-to-date"
    assert server.requests[-1].status == 304 and "If-Modified-Since" in server.requests[-1].headers


def test_a_new_publish_is_installed_and_old_archives_stay_fetchable(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)
    updater = make_updater(server.url, key, tmp_path, home)
    assert updater.check().ok
    second = publish_pack(pack(tmp_path, "pack2", "Hello again"), out, key, T0 + 60)
    result = updater.check()
    assert result.outcome == "installed" and result.serial == second.serial
    assert [serial for _, serial in home.installed] == [int(T0), int(T0) + 60]


def test_download_cut_halfway(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    manifest = publish_pack(pack(tmp_path), out, key, T0)
    server.faults[manifest.archive.name] = Fault("cut")
    updater = make_updater(server.url, key, tmp_path, home)
    result = updater.check()
    assert_failed_and_recorded(result, tmp_path, home, "download cut after", f"of {manifest.archive.size} bytes")
    assert home.installed == []
    del server.faults[manifest.archive.name]
    assert updater.check().outcome == "installed"  # not sticky


def test_trickling_server_hits_the_whole_check_deadline(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)
    # A byte every 0.4 s never trips a 2 s per-read timeout: only the overall deadline can stop it.
    server.faults[MANIFEST_NAME] = Fault("trickle", every=0.4)
    updater = make_updater(server.url, key, tmp_path, home, deadline=1.2, read_timeout=2.0)
    started = time.monotonic()
    result = updater.check()
    elapsed = time.monotonic() - started
    assert_failed_and_recorded(result, tmp_path, home, "longer than its limit of 1.2 s")
    assert elapsed < 2.5


def test_server_that_accepts_and_never_answers(tmp_path: Path, key: Ed25519PrivateKey, home: Home) -> None:
    listener = SilentListener()
    try:
        result = make_updater(listener.url, key, tmp_path, home, read_timeout=0.3).check()
    finally:
        listener.close()
    assert_failed_and_recorded(result, tmp_path, home, "sent nothing for 0.3 s")


def test_server_that_sends_headers_then_hangs_on_the_archive(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    manifest = publish_pack(pack(tmp_path), out, key, T0)
    server.faults[manifest.archive.name] = Fault("hang")
    result = make_updater(server.url, key, tmp_path, home, read_timeout=0.3).check()
    assert_failed_and_recorded(result, tmp_path, home, "sent nothing for 0.3 s")


def test_connection_refused(tmp_path: Path, key: Ed25519PrivateKey, home: Home) -> None:
    result = make_updater(f"http://127.0.0.1:{free_port()}/", key, tmp_path, home).check()
    assert_failed_and_recorded(result, tmp_path, home, "connection refused")


@pytest.mark.parametrize(
    ("where", "status", "words"),
    [
        ("manifest", 404, ("manifest.json: not found (HTTP 404", "check content.source")),
        ("archive", 404, ("not found (HTTP 404", "copied along with manifest.json")),
        ("manifest", 500, ("server error (HTTP 500",)),
        ("archive", 503, ("server error (HTTP 503",)),
        ("manifest", 403, ("access denied (HTTP 403",)),
    ],
)
def test_http_errors(
    tmp_path: Path,
    key: Ed25519PrivateKey,
    out: Path,
    server: BundleServer,
    home: Home,
    where: str,
    status: int,
    words: tuple[str, ...],
) -> None:
    manifest = publish_pack(pack(tmp_path), out, key, T0)
    name = MANIFEST_NAME if where == "manifest" else manifest.archive.name
    server.faults[name] = Fault("status", status=status)
    updater = make_updater(server.url, key, tmp_path, home)
    assert_failed_and_recorded(updater.check(), tmp_path, home, *words)
    del server.faults[name]
    assert updater.check().outcome == "installed"


def test_redirect_to_another_host_is_refused(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)
    # Same machine, other host name: a redirect may not leave the configured host.
    server.faults[MANIFEST_NAME] = Fault("redirect", location=f"http://localhost:{server.port}/elsewhere/manifest.json")
    result = make_updater(server.url, key, tmp_path, home).check()
    assert_failed_and_recorded(result, tmp_path, home, "redirected to another host", "localhost")


def test_redirect_on_the_same_host_is_followed(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)
    (out / "v2").mkdir()
    (out / "v2" / MANIFEST_NAME).write_bytes((out / MANIFEST_NAME).read_bytes())
    server.faults[MANIFEST_NAME] = Fault("redirect", location="/v2/manifest.json")
    assert make_updater(server.url, key, tmp_path, home).check().outcome == "installed"


def test_tampered_archive_on_the_server(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    manifest = publish_pack(pack(tmp_path), out, key, T0)
    archive = out / manifest.archive.name
    good = archive.read_bytes()
    archive.write_bytes(good[:-20] + bytes(b ^ 0xFF for b in good[-20:]))
    updater = make_updater(server.url, key, tmp_path, home)
    assert_failed_and_recorded(updater.check(), tmp_path, home, "SHA-256 does not match the signed manifest")
    archive.write_bytes(good)  # e.g. a CDN edge that served a damaged copy, now fixed
    assert updater.check().outcome == "installed"


def test_archive_longer_than_the_manifest_says(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    manifest = publish_pack(pack(tmp_path), out, key, T0)
    server.faults[manifest.archive.name] = Fault("more", extra=b"x" * 100)
    result = make_updater(server.url, key, tmp_path, home).check()
    assert_failed_and_recorded(result, tmp_path, home, "sent more than the")


def test_tampered_manifest_fails_the_signature(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)

    def change(inner: dict[str, object]) -> None:
        files = inner["files"]
        assert isinstance(files, list)
        files[0]["sha256"] = "0" * 64

    replace_manifest(out, change)
    result = make_updater(server.url, key, tmp_path, home).check()
    assert_failed_and_recorded(result, tmp_path, home, "bad signature")


def test_wrong_key_names_both_key_ids(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    other = new_key()
    publish_pack(pack(tmp_path), out, other, T0)
    result = make_updater(server.url, key, tmp_path, home).check()
    assert_failed_and_recorded(
        result,
        tmp_path,
        home,
        f"signed with key {key_id(other.public_key())}",
        f"trusts key {key_id(key.public_key())}",
    )


def test_signed_bundle_with_an_extra_file_is_refused_and_not_downloaded_again(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    folder = pack(tmp_path)
    manifest = bundle_from_folder(folder, out, key, 5, extra=[Member("slides/zz-extra.yaml", b"id: x\n")])
    updater = make_updater(server.url, key, tmp_path, home)
    assert_failed_and_recorded(
        updater.check(), tmp_path, home, "'slides/zz-extra.yaml' is in the archive but not in the manifest"
    )
    downloads = len(server.requests_for(manifest.archive.name))
    again = updater.check()
    assert not again.ok and "serial 5 was refused" in again.message
    assert len(server.requests_for(manifest.archive.name)) == downloads  # a 304 and the remembered verdict
    # A new publish is tried at once.
    publish_pack(folder, out, key, T0)
    assert updater.check().outcome == "installed"


def test_signed_bundle_with_a_changed_file_is_refused(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    folder = pack(tmp_path)
    listed = [FileEntry(e.path, e.size, "f" * 64) if e.path == "clinic.yaml" else e for e in entries_of(folder)]
    bundle_from_folder(folder, out, key, 5, listed=listed)
    result = make_updater(server.url, key, tmp_path, home).check()
    assert_failed_and_recorded(result, tmp_path, home, "'clinic.yaml' does not match its SHA-256")


def test_signed_pack_that_does_not_validate_is_refused(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    folder = pack(tmp_path)
    write(folder, "slides/broken.yaml", "id: broken\nkind: info\ntopic: nowhere\ntitle: Broken\n")
    bundle_from_folder(folder, out, key, 5)
    result = make_updater(server.url, key, tmp_path, home).check()
    assert_failed_and_recorded(
        result, tmp_path, home, "the pack does not validate (1 error(s))", "slides/broken.yaml:3: topic"
    )


def test_older_serial_is_refused_as_a_rollback(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    old_out = tmp_path / "old"
    publish_pack(pack(tmp_path, "old-pack", "Old"), old_out, key, T0)
    new = publish_pack(pack(tmp_path), out, key, T0 + 100)
    updater = make_updater(server.url, key, tmp_path, home)
    assert updater.check().outcome == "installed"
    # The server now offers the older (validly signed) bundle.
    for path in old_out.iterdir():
        (out / path.name).write_bytes(path.read_bytes())
    result = updater.check()
    assert_failed_and_recorded(
        result, tmp_path, home, f"refused serial {int(T0)}", f"accepted serial {new.serial}", "rollback"
    )
    assert [serial for _, serial in home.installed] == [new.serial]
    assert read_update_status(tmp_path / "data").accepted_serial == new.serial


def test_credentials_in_the_url_are_used_but_never_shown(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    manifest = publish_pack(pack(tmp_path), out, key, T0)
    server.faults[manifest.archive.name] = Fault("status", status=500)
    url = f"http://kioskuser:s3cretpass@127.0.0.1:{server.port}/?sv=2025&sig=TOPSECRETSIG"
    updater = make_updater(url, key, tmp_path, home)
    result = updater.check()
    assert not result.ok
    text = (tmp_path / "data" / UPDATES_FILE).read_text() + result.message + updater.source.display
    for secret in ("s3cretpass", "kioskuser", "TOPSECRETSIG", "sv=2025"):
        assert secret not in text
    assert "REDACTED" in text
    request = server.requests_for(MANIFEST_NAME)[0]
    assert request.path.endswith("?sv=2025&sig=TOPSECRETSIG")  # the token goes with every request
    assert request.headers["Authorization"].startswith("Basic ")


def test_secrets_stay_out_of_the_log(
    tmp_path: Path,
    key: Ed25519PrivateKey,
    out: Path,
    server: BundleServer,
    home: Home,
    caplog: pytest.LogCaptureFixture,
) -> None:
    server.faults[MANIFEST_NAME] = Fault("status", status=404)
    with caplog.at_level("DEBUG"):
        make_updater(f"http://127.0.0.1:{server.port}/x/?sig=TOPSECRETSIG", key, tmp_path, home).check()
    assert caplog.records and "TOPSECRETSIG" not in caplog.text


def test_offline_kiosk_catches_up_when_the_network_returns(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)
    port = free_port()
    updater = make_updater(f"http://127.0.0.1:{port}/", key, tmp_path, home)
    for _ in range(3):
        assert not updater.check().ok
    assert status_of(tmp_path)["failures_in_a_row"] == 3
    # The server comes back on the same address.
    bundle_server = BundleServer(out, port=port)
    try:
        assert updater.check().outcome == "installed"
    finally:
        bundle_server.stop()
    status = status_of(tmp_path)
    assert status["failures_in_a_row"] == 0 and status["ok"] is True


def test_install_failure_is_reported_and_retried(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)
    home.fail_with = OSError(28, "No space left on device")
    updater = make_updater(server.url, key, tmp_path, home)
    assert_failed_and_recorded(updater.check(), tmp_path, home, "install of serial", "No space left on device")
    assert read_update_status(tmp_path / "data").accepted_serial == 0
    home.fail_with = None
    assert updater.check().outcome == "installed"


def test_a_check_already_running_makes_the_second_one_busy(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)
    updater = make_updater(server.url, key, tmp_path, home)
    (tmp_path / "data" / "content-incoming").mkdir(parents=True)
    with exclusive_lock(tmp_path / "data" / "content-incoming" / LOCK_NAME):
        result = updater.check()
    assert result.outcome == "busy" and "another update check is running" in result.message
    assert home.installed == [] and server.requests == []


def test_damaged_status_file_starts_afresh(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    publish_pack(pack(tmp_path), out, key, T0)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / UPDATES_FILE).write_bytes(b"\x00{not json")
    result = make_updater(server.url, key, tmp_path, home).check()
    assert result.outcome == "installed" and "damaged status file was replaced" in result.message
    assert status_of(tmp_path)["accepted_serial"] == int(T0)


def test_stop_request_ends_a_slow_download_promptly(
    tmp_path: Path, key: Ed25519PrivateKey, out: Path, server: BundleServer, home: Home
) -> None:
    manifest = publish_pack(pack(tmp_path), out, key, T0)
    server.faults[manifest.archive.name] = Fault("trickle", every=0.2)
    updater = make_updater(server.url, key, tmp_path, home, deadline=60, read_timeout=30)
    stop = threading.Event()
    results = []
    worker = threading.Thread(target=lambda: results.append(updater.check(stop)))
    worker.start()
    deadline = time.monotonic() + 10
    while not server.requests_for(manifest.archive.name) and time.monotonic() < deadline:
        threading.Event().wait(0.02)
    stop.set()
    worker.join(timeout=3)
    assert not worker.is_alive()
    assert "stopped while" in results[0].message and home.installed == []


def test_missing_public_key_file_is_a_clear_failure(
    tmp_path: Path, out: Path, server: BundleServer, home: Home
) -> None:
    source = HttpSource(server.url)
    result = Updater(source, tmp_path / "nope.pub", tmp_path / "data", home.install).check()
    assert (
        not result.ok and "content.public_key" in result.message and "nope.pub: public key not found" in result.message
    )
