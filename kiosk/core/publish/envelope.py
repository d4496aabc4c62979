"""``manifest.json``: the manifest's exact bytes with an Ed25519 signature over them.

One file holds both, so a kiosk never pairs a new manifest with an old signature while a
publish is being copied. The signature covers a fixed context string and then the
manifest's bytes, so nothing else this key ever signs can pass for a manifest.
The signature is checked before the manifest is parsed: a parser bug cannot be reached by
anyone without the private key.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.core.publish.keys import key_id, verify
from kiosk.core.publish.manifest import DEFAULT_LIMITS, BundleLimits, Manifest, ManifestError, parse_manifest

ENVELOPE_FORMAT = "clinic-kiosk-content/1"
SIGNATURE_CONTEXT = b"clinic-kiosk content manifest v1\n"
_SIGNATURE_BYTES = 64


class SignatureError(ValueError):
    """The manifest is not signed by the key this kiosk trusts (or is not signed at all)."""


@dataclass(frozen=True)
class Envelope:
    key_id: str
    signed: bytes
    signature: bytes


def seal(manifest: Manifest, private_key: Ed25519PrivateKey) -> bytes:
    """The ``manifest.json`` bytes for ``manifest``, signed with ``private_key``."""
    signed = manifest.to_json_bytes()
    signature = private_key.sign(SIGNATURE_CONTEXT + signed)
    envelope = {
        "format": ENVELOPE_FORMAT,
        "key_id": key_id(private_key.public_key()),
        # The payload as a JSON string, not a nested object: its bytes must survive exactly.
        "manifest": signed.decode("ascii"),
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    return (json.dumps(envelope, indent=1, ensure_ascii=True) + "\n").encode("ascii")


def read_envelope(data: bytes, limits: BundleLimits = DEFAULT_LIMITS) -> Envelope:
    """The envelope's parts, unverified; ManifestError when it is not an envelope."""
    if len(data) > limits.max_manifest_bytes + 4096:
        raise ManifestError(f"{len(data)} bytes, more than the limit of {limits.max_manifest_bytes} for a manifest")
    try:
        obj: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ManifestError("not a signed manifest (not JSON); is the source URL right?") from None
    if not isinstance(obj, dict) or obj.get("format") != ENVELOPE_FORMAT:
        found = obj.get("format") if isinstance(obj, dict) else None
        if isinstance(found, str) and found.startswith("clinic-kiosk-content/"):
            raise ManifestError(
                f"manifest format {found!r} is not one this kiosk reads ({ENVELOPE_FORMAT}); update the kiosk"
            )
        raise ManifestError(f'not a signed content manifest (no "format": "{ENVELOPE_FORMAT}")')
    signed, signature, kid = obj.get("manifest"), obj.get("signature"), obj.get("key_id")
    if not isinstance(signed, str) or not isinstance(signature, str) or not isinstance(kid, str):
        raise ManifestError("the signed manifest lacks its manifest, signature or key_id text")
    try:
        signature_bytes = base64.b64decode(signature.encode("ascii"), validate=True)
        signed_bytes = signed.encode("ascii")
    except (binascii.Error, UnicodeEncodeError):
        raise ManifestError("the signature or the manifest text is garbled") from None
    if len(signature_bytes) != _SIGNATURE_BYTES:
        raise ManifestError(f"the signature is {len(signature_bytes)} bytes, not {_SIGNATURE_BYTES}")
    return Envelope(kid[:64], signed_bytes, signature_bytes)


def open_envelope(data: bytes, public_key: Ed25519PublicKey, limits: BundleLimits = DEFAULT_LIMITS) -> Manifest:
    """The manifest, only when its signature is good; SignatureError or ManifestError otherwise."""
    envelope = read_envelope(data, limits)
    if not verify(public_key, envelope.signature, SIGNATURE_CONTEXT + envelope.signed):
        trusted = key_id(public_key)
        if envelope.key_id != trusted:
            raise SignatureError(
                f"signed with key {envelope.key_id}, but this kiosk trusts key {trusted} (content.public_key)"
            )
        raise SignatureError("bad signature: the manifest was changed after it was signed")
    return parse_manifest(envelope.signed, limits)


def peek_serial(data: bytes) -> int | None:
    """The serial of a manifest without checking its signature (the publisher's own folder)."""
    try:
        envelope = read_envelope(data)
        serial = json.loads(envelope.signed).get("serial")
    except (ManifestError, ValueError, AttributeError):
        return None
    return serial if isinstance(serial, int) and not isinstance(serial, bool) else None
