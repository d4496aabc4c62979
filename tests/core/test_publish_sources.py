"""Sources other than plain HTTP: a folder (a mounted share), HTTPS; the URL rules and redaction;
and the kiosk.yaml settings that name them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.cli import main
from kiosk.core.config import load_config
from kiosk.core.publish.http_source import HttpSource
from kiosk.core.publish.keys import generate_key_pair
from kiosk.core.publish.manifest import MANIFEST_NAME
from kiosk.core.publish.settings import config_problems, make_updater, open_source, publish_settings
from kiosk.core.publish.sources import FolderSource
from kiosk.core.publish.updater import Updater
from kiosk.core.publish.urls import SourceURLError, parse_source_url, redact
from tests.helpers.delivery_servers import Certificate, make_certificate
from tests.helpers.publish_kit import BundleServer, Home, new_key, pack, publish_pack

T0 = 1_800_000_000.0


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return new_key()


def folder_updater(folder: Path, key: Ed25519PrivateKey, tmp_path: Path, home: Home) -> Updater:
    return Updater(FolderSource(folder), key.public_key(), tmp_path / "data", home.install, deadline=10)


# --- folder ------------------------------------------------------------------------------


def test_folder_source_installs_and_notices_a_new_publish(tmp_path: Path, key: Ed25519PrivateKey) -> None:
    share = tmp_path / "share"
    home = Home(tmp_path / "home")
    publish_pack(pack(tmp_path), share, key, T0)
    updater = folder_updater(share, key, tmp_path, home)
    assert updater.check().outcome == "installed"
    unchanged = updater.check()
    assert unchanged.outcome == "up-to-date" and "(unchanged)" in unchanged.message  # the stat said so; not read
    second = publish_pack(pack(tmp_path, "p2", "New title"), share, key, T0 + 1)  # same size, same second
    result = updater.check()
    assert result.outcome == "installed" and result.serial == second.serial


def test_folder_source_faults(tmp_path: Path, key: Ed25519PrivateKey) -> None:
    share = tmp_path / "share"
    home = Home(tmp_path / "home")
    updater = folder_updater(share, key, tmp_path, home)
    assert "folder not found (is the share mounted?)" in updater.check().message
    share.mkdir()
    assert f"no {MANIFEST_NAME} here" in updater.check().message
    manifest = publish_pack(pack(tmp_path), share, key, T0)
    archive = share / manifest.archive.name
    data = archive.read_bytes()
    archive.write_bytes(data[:100])  # still being copied onto the share
    result = updater.check()
    assert (
        not result.ok
        and "100 bytes, but the manifest says" in result.message
        and "still being copied" in result.message
    )
    archive.write_bytes(data)
    assert updater.check().outcome == "installed" and len(home.installed) == 1


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_a_fifo_in_place_of_the_manifest_does_not_block(tmp_path: Path, key: Ed25519PrivateKey) -> None:
    share = tmp_path / "share"
    share.mkdir()
    os.mkfifo(share / MANIFEST_NAME)
    result = folder_updater(share, key, tmp_path, Home(tmp_path / "home")).check()
    assert not result.ok and "not a regular file" in result.message


# --- HTTPS -------------------------------------------------------------------------------


@pytest.fixture
def certificate(tmp_path: Path) -> Certificate:
    return make_certificate(tmp_path)


@pytest.fixture
def https_server(tmp_path: Path, certificate: Certificate) -> Iterator[BundleServer]:
    (tmp_path / "out").mkdir()
    server = BundleServer(tmp_path / "out", tls=certificate.server_context())
    yield server
    server.stop()


def test_https_source_verifies_the_certificate(
    tmp_path: Path, key: Ed25519PrivateKey, certificate: Certificate, https_server: BundleServer
) -> None:
    publish_pack(pack(tmp_path), tmp_path / "out", key, T0)
    home = Home(tmp_path / "home")
    untrusted = Updater(HttpSource(https_server.url), key.public_key(), tmp_path / "data", home.install)
    result = untrusted.check()
    assert not result.ok and "TLS certificate of 127.0.0.1 is not trusted" in result.message
    trusted = Updater(
        HttpSource(https_server.url, ssl_context_factory=certificate.client_context),
        key.public_key(),
        tmp_path / "data",
        home.install,
    )
    assert trusted.check().outcome == "installed"
    assert trusted.check().outcome == "up-to-date"


# --- URLs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://cdn.example.com/kiosk/", "plain http:// is allowed only to this machine"),
        ("ftp://example.com/kiosk/", "only https:// URLs"),
        ("https:///kiosk/", "no host name"),
        ("https://example.com/kiosk/#frag", "#fragment"),
        ("https://example.com:99999/", "not a valid URL"),
    ],
)
def test_source_urls_that_are_refused(url: str, message: str) -> None:
    with pytest.raises(SourceURLError, match=message):
        parse_source_url(url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080/k/", "http://localhost/k", "http://[::1]:81/", "https://x.example"]
)
def test_source_urls_that_are_allowed(url: str) -> None:
    parsed = parse_source_url(url)
    assert parsed.folder_path.endswith("/")
    assert parsed.file_url("manifest.json").split("?")[0].endswith("/manifest.json")


def test_file_urls_keep_the_token_and_redaction_drops_it() -> None:
    parsed = parse_source_url("https://user:pa%40ss@acct.blob.example.net/kiosk?sv=1&sig=SECRET")
    assert parsed.file_url("manifest.json") == "https://acct.blob.example.net/kiosk/manifest.json?sv=1&sig=SECRET"
    assert parsed.request_target("manifest.json") == "/kiosk/manifest.json?sv=1&sig=SECRET"
    assert parsed.redacted == "https://acct.blob.example.net/kiosk/?REDACTED"
    assert redact("https://u:p@h.example:8443/a?b=c") == "https://REDACTED@h.example:8443/a?REDACTED"
    source = HttpSource("https://user:pa%40ss@acct.blob.example.net/kiosk?sv=1&sig=SECRET")
    assert "sv=1&sig=SECRET" in source.secrets and "pa@ss" in source.secrets and "pa%40ss" in source.secrets


# --- kiosk.yaml --------------------------------------------------------------------------


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_source_and_public_key_come_together(tmp_path: Path) -> None:
    path = write_config(tmp_path, "content:\n  source: https://cdn.example.com/kiosk/\n")
    result = load_config(path, {})
    # The kiosk still starts and plays what it has, with updates off.
    assert result.config is not None and publish_settings(result.config) is None
    assert result.config.update_problems == result.problems
    assert [str(p) for p in result.problems] == [
        f"{path}: content.public_key: required when content.source is set "
        "(the kiosk installs only bundles whose signature this key checks)"
    ]
    result = load_config(None, {"KIOSK_CONTENT_PUBLIC_KEY": "/etc/kiosk/content.pub"})
    assert [str(p) for p in result.problems] == [
        "$KIOSK_CONTENT_PUBLIC_KEY: content.source: required when content.public_key is set "
        "(the kiosk installs only bundles whose signature this key checks)"
    ]


def test_settings_are_typed_and_relative_paths_follow_the_config_file(tmp_path: Path) -> None:
    path = write_config(
        tmp_path, "content:\n  source: share/kiosk\n  public_key: keys/content.pub\n  check_interval: 1m\n"
    )
    config = load_config(path, {"KIOSK_DATA_DIR": str(tmp_path / "data")}).config
    assert config is not None
    settings = publish_settings(config)
    assert settings is not None
    assert settings.source == tmp_path / "share" / "kiosk" and settings.public_key == tmp_path / "keys" / "content.pub"
    assert settings.check_interval == 60.0
    assert isinstance(open_source(settings.source), FolderSource)
    assert config["content.check_interval"] == 60.0
    defaults = load_config(None, {}).config
    assert defaults is not None and publish_settings(defaults) is None and defaults["content.check_interval"] == 300.0


def test_check_interval_has_a_floor(tmp_path: Path) -> None:
    path = write_config(tmp_path, "content:\n  check_interval: 1s\n")
    assert [p.message for p in load_config(path, {}).problems] == ["must be between 5s and 60m, got 1s"]


def test_a_mistake_elsewhere_still_stops_the_kiosk_and_both_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config(tmp_path, "content:\n  source: https://cdn.example.com/k/\ndisplay:\n  screen: -1\n")
    result = load_config(path, {})
    assert result.config is None and len(result.problems) == 2
    assert main(["config", "check", "--config", str(path)]) == 1
    assert "the kiosk will not start with this configuration" in capsys.readouterr().out


def test_http_source_to_another_host_is_a_config_error(tmp_path: Path) -> None:
    path = write_config(tmp_path, "content:\n  source: http://cdn.example.com/k/\n  public_key: k.pub\n")
    result = load_config(path, {})
    problems = result.problems
    assert len(problems) == 1 and problems[0].line == 2 and "plain http:// is allowed only" in problems[0].message
    assert result.config is not None and result.config["content.public_key"] is None  # updates off, not half on


def test_config_check_reports_an_unusable_public_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(tmp_path, "content:\n  source: https://cdn.example.com/k/\n  public_key: missing.pub\n")
    config = load_config(path, {}).config
    assert config is not None
    assert [p.message for p in config_problems(config)] == [f"{tmp_path / 'missing.pub'}: public key not found"]
    assert main(["config", "check", "--config", str(path)]) == 1
    out = capsys.readouterr().out
    assert "content.public_key" in out and "public key not found" in out
    assert "the kiosk starts, but with content updates off until this is fixed" in out
    generate_key_pair(tmp_path / "keys")
    (tmp_path / "missing.pub").write_bytes((tmp_path / "keys" / "content.pub").read_bytes())
    assert main(["config", "check", "--config", str(path)]) == 0


def test_make_updater_uses_the_settings(tmp_path: Path, key: Ed25519PrivateKey) -> None:
    share = tmp_path / "share"
    publish_pack(pack(tmp_path), share, key, T0)
    pair = generate_key_pair(tmp_path / "keys")
    path = write_config(
        tmp_path, f"content:\n  source: {share}\n  public_key: {pair.public_path}\ndata:\n  dir: data\n"
    )
    config = load_config(path, {}).config
    assert config is not None
    settings = publish_settings(config)
    assert settings is not None and settings.data_dir == tmp_path / "data"
    home = Home(tmp_path / "home")
    result = make_updater(settings, home.install).check()
    assert not result.ok and "signed with key" in result.message  # the share's bundle is signed with another key
