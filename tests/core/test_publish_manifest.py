"""The manifest parser and its signed envelope: strict, and never anything but a clear error."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.publish.envelope import SignatureError, open_envelope, peek_serial, read_envelope, seal
from kiosk.core.publish.manifest import (
    ArchiveEntry,
    BundleLimits,
    FileEntry,
    Manifest,
    ManifestError,
    check_file_set,
    check_member_path,
    parse_manifest,
)

SHA = "a" * 64
KEY = Ed25519PrivateKey.generate()

_segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_éü", min_size=1, max_size=12)
_paths = st.lists(_segment, min_size=1, max_size=4).map("/".join).filter(lambda p: check_member_path(p) is None)
_entries = st.lists(
    st.builds(FileEntry, _paths, st.integers(0, 10**6), st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)),
    min_size=1,
    max_size=20,
    unique_by=lambda e: e.path.casefold(),
).filter(lambda files: check_file_set([f.path for f in files]) is None)
_manifests = st.builds(
    Manifest,
    serial=st.integers(1, 2**63 - 1),
    created=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)).map(
        lambda d: d.replace(microsecond=0)
    ),
    content_version=st.text(alphabet="0123456789abcdef", min_size=1, max_size=64),
    archive=st.builds(
        ArchiveEntry,
        st.from_regex(r"\Acontent-[0-9]{1,5}-[0-9a-f]{12}\.tar\.gz\Z"),
        st.integers(1, 10**9),
        st.just(SHA),
    ),
    files=_entries.map(tuple),
)


@settings(max_examples=50)
@given(_manifests)
def test_round_trip(manifest: Manifest) -> None:
    assert parse_manifest(manifest.to_json_bytes()) == manifest


@given(st.binary(max_size=2000))
def test_any_bytes_give_a_manifest_error_or_a_manifest(data: bytes) -> None:
    try:
        parse_manifest(data)
    except ManifestError as exc:
        assert str(exc) and "\n" not in str(exc)


_json = st.recursive(
    # Finite floats only: JSON has no Infinity (the parser refuses it as invalid JSON, tested above).
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    _manifests,
    st.sampled_from(["serial", "created", "content_version", "archive", "files", "format_version", "extra"]),
    _json,
)
def test_any_field_replaced_by_any_json_is_parsed_or_refused_cleanly(
    manifest: Manifest, key: str, value: object
) -> None:
    obj = manifest.to_dict()
    obj[key] = value
    try:
        parse_manifest(json.dumps(obj).encode())
    except ManifestError as exc:
        assert str(exc).split(":")[0].startswith(key) or key == "extra" or "format" in str(exc)


@settings(max_examples=50)
@given(_manifests, st.data())
def test_any_change_to_the_signed_bytes_is_caught(manifest: Manifest, data: st.DataObject) -> None:
    sealed = json.loads(seal(manifest, KEY))
    signed = sealed["manifest"]
    i = data.draw(st.integers(0, len(signed) - 1))
    replacement = data.draw(st.characters(codec="ascii").filter(lambda c: c != signed[i]))
    sealed["manifest"] = signed[:i] + replacement + signed[i + 1 :]
    with pytest.raises((SignatureError, ManifestError)):
        open_envelope(json.dumps(sealed).encode(), KEY.public_key())


def sample(**changes: Any) -> Manifest:
    values: dict[str, Any] = {
        "serial": 7,
        "created": datetime(2026, 11, 27, tzinfo=UTC),
        "content_version": "0123456789abcdef",
        "archive": ArchiveEntry("content-7-aaaaaaaaaaaa.tar.gz", 100, SHA),
        "files": (FileEntry("clinic.yaml", 10, SHA),),
    }
    values.update(changes)
    return Manifest(**values)


def test_sealed_manifest_opens_with_the_right_key_only() -> None:
    data = seal(sample(), KEY)
    assert open_envelope(data, KEY.public_key()) == sample()
    assert peek_serial(data) == 7
    with pytest.raises(SignatureError, match=r"signed with key .* but this kiosk trusts key"):
        open_envelope(data, Ed25519PrivateKey.generate().public_key())


def test_signature_of_other_data_by_the_same_key_does_not_pass() -> None:
    # Domain separation: the key signing the bare manifest bytes (no context) is not a manifest signature.
    envelope = json.loads(seal(sample(), KEY))
    envelope["signature"] = base64.b64encode(KEY.sign(envelope["manifest"].encode())).decode()
    with pytest.raises(SignatureError, match="bad signature"):
        open_envelope(json.dumps(envelope).encode(), KEY.public_key())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>404</html>", "not JSON"),
        (b'{"format": "clinic-kiosk-content/9"}', "update the kiosk"),
        (b'{"a": 1}', "not a signed content manifest"),
        (b'{"format": "clinic-kiosk-content/1", "manifest": "{}", "key_id": "x", "signature": "!!"}', "garbled"),
        (
            b'{"format": "clinic-kiosk-content/1", "manifest": "{}", "key_id": "x", "signature": "AAAA"}',
            "3 bytes, not 64",
        ),
    ],
)
def test_envelope_errors(data: bytes, message: str) -> None:
    with pytest.raises(ManifestError, match=message):
        read_envelope(data)


def test_newer_format_version_says_to_update() -> None:
    obj = sample().to_dict()
    obj["format_version"] = 2
    with pytest.raises(ManifestError, match="newer than this kiosk understands"):
        parse_manifest(json.dumps(obj).encode())


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("", "is empty"),
        ("/etc/passwd", "is an absolute path"),
        ("../outside.yaml", "holds '..'"),
        ("slides/../../x", "holds '..'"),
        ("slides/./x", "holds '.'"),
        ("slides//x", "has an empty folder name"),
        ("slides/", "has an empty folder name"),
        ("C:/x", "holds ':'"),
        ("images\\x.png", "holds '\\\\'"),
        ("slides/x\x00.yaml", "holds a control character"),
        (".hidden", "has a hidden name '.hidden'"),
        ("images/.git/config", "has a hidden name '.git'"),
        ("slides/con.yaml", "has a device name of Windows ('con.yaml')"),
        ("slides/name.", "ending with a dot or a space ('name.')"),
        ("a/" * 9 + "x", "is more than 8 folders deep"),
        ("x" * 201, "is longer than 200 characters"),
    ],
)
def test_member_paths_that_are_refused(path: str, why: str) -> None:
    reason = check_member_path(path)
    assert reason is not None and why in reason


@pytest.mark.parametrize(
    ("paths", "why"),
    [
        (["a.yaml", "a.yaml"], "listed twice"),
        (["Images/a.png", "images/a.png"], "differ only in case"),
        (["slides/caf\u00e9.yaml", "slides/cafe\u0301.yaml"], "differ only in case or accents"),
        (["images", "images/a.png"], "both a file and a folder"),
    ],
)
def test_file_sets_that_are_refused(paths: list[str], why: str) -> None:
    reason = check_file_set(paths)
    assert reason is not None and why in reason


def test_limits_apply() -> None:
    limits = BundleLimits(max_files=1, max_file_bytes=5, max_total_bytes=8)
    small = ArchiveEntry("content-7-aaaaaaaaaaaa.tar.gz", 8, SHA)
    two = sample(archive=small, files=(FileEntry("a", 1, SHA), FileEntry("b", 1, SHA)))
    with pytest.raises(ManifestError, match="2 files, more than the limit of 1"):
        parse_manifest(two.to_json_bytes(), limits)
    with pytest.raises(ManifestError, match=r"files\[0\].size: 10 is outside"):
        parse_manifest(sample(archive=small).to_json_bytes(), limits)
    with pytest.raises(ManifestError, match=r"archive.size: 100 is outside 1..8"):
        parse_manifest(sample().to_json_bytes(), limits)
    with pytest.raises(ManifestError, match=r"files: 10 bytes in all, more than the limit of 8"):
        parse_manifest(sample(archive=small).to_json_bytes(), BundleLimits(max_total_bytes=8, max_file_bytes=10))
    with pytest.raises(ManifestError, match=r"manifest is .* bytes, more than"):
        parse_manifest(sample().to_json_bytes(), BundleLimits(max_manifest_bytes=10))


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("serial", True, "serial: expected a whole number, got true/false"),
        ("serial", 0, "serial: 0 is outside"),
        ("created", "2026-11-27T00:00:00", "no time zone"),
        ("created", "yesterday", "not a date and time"),
        ("content_version", "XYZ", "not a content version"),
        ("files", [], "the list is empty"),
        ("archive", {"name": "../x", "size": 1, "sha256": SHA}, "archive.name: '../x' is not a plain file name"),
        ("archive", {"name": "manifest.json", "size": 1, "sha256": SHA}, "cannot be manifest.json"),
        ("files", [{"path": "a", "size": 1, "sha256": SHA, "mode": 511}], r"files\[0\].mode: unknown field"),
    ],
)
def test_field_errors_name_the_field(key: str, value: object, message: str) -> None:
    obj = sample().to_dict()
    obj[key] = value
    with pytest.raises(ManifestError, match=message):
        parse_manifest(json.dumps(obj).encode())


def test_nan_and_infinity_are_refused() -> None:
    text = sample().to_json_bytes().decode().replace('"serial":7', '"serial":NaN')
    with pytest.raises(ManifestError, match="not valid JSON"):
        parse_manifest(text.encode())
