"""Secrets (SMTP passwords, webhook keys) come from an environment variable or a file, never
from the config file itself, so the config can be copied, diffed and shown to support."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.regular_files import NotRegularFile, open_regular

#: A secret is a password or a key: anything longer is not one (and is not read whole).
MAX_SECRET_BYTES = 64 * 1024


class SecretError(Exception):
    """A secret could not be read; the message names the config field, never the value."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


@dataclass(frozen=True)
class SecretRef:
    """Where a secret lives. Exactly one of ``env`` and ``file`` is set."""

    field: str  # config field, for messages: "delivery.channels[0].password_env"
    env: str | None = None
    file: Path | None = None

    def __post_init__(self) -> None:
        if (self.env is None) == (self.file is None):
            raise ValueError("SecretRef needs exactly one of env and file")

    def resolve(self, environ: Mapping[str, str] | None = None) -> str:
        if self.env is not None:
            value = (os.environ if environ is None else environ).get(self.env)
            if not value:
                raise SecretError(self.field, f"environment variable {self.env} is not set or empty")
            return value
        assert self.file is not None
        try:
            with open_regular(self.file) as handle:
                self._check_private(os.fstat(handle.fileno()).st_mode)
                data = handle.read(MAX_SECRET_BYTES + 1)
        except FileNotFoundError:
            raise SecretError(self.field, f"file {self.file} does not exist") from None
        except NotRegularFile as exc:
            raise SecretError(self.field, f"{self.file} is not a regular file ({exc.kind})") from None
        except OSError as exc:
            raise SecretError(self.field, f"cannot read {self.file}: {exc.strerror}") from None
        if len(data) > MAX_SECRET_BYTES:
            raise SecretError(self.field, f"{self.file} is larger than {MAX_SECRET_BYTES // 1024} KB; is it a secret?")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise SecretError(self.field, f"{self.file} is not UTF-8 text") from None
        # Editors add a final newline; a secret never ends in one on purpose.
        value = text.rstrip("\r\n")
        if not value:
            raise SecretError(self.field, f"file {self.file} is empty")
        return value

    def _check_private(self, mode: int) -> None:
        """Like ssh with a private key: a secret other users can read (or change) is refused,
        not used. Windows has no such mode bits (its ACLs are IT's to set)."""
        if os.name == "posix" and mode & 0o077:
            raise SecretError(
                self.field,
                f"{self.file} can be read or changed by other users (mode {stat.S_IMODE(mode):04o}); "
                f"make it private to the kiosk's user: chmod 600 {self.file}",
            )
