"""Secrets (SMTP passwords, webhook keys) come from an environment variable or a file, never
from the config file itself, so the config can be copied, diffed and shown to support."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


class SecretError(Exception):
    """A secret could not be read; the message names the config field, never the value."""


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
                raise SecretError(f"{self.field}: environment variable {self.env} is not set or empty")
            return value
        assert self.file is not None
        try:
            text = self.file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SecretError(f"{self.field}: file {self.file} does not exist") from None
        except OSError as exc:
            raise SecretError(f"{self.field}: cannot read {self.file}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise SecretError(f"{self.field}: {self.file} is not UTF-8 text") from None
        # Editors add a final newline; a secret never ends in one on purpose.
        value = text.rstrip("\r\n")
        if not value:
            raise SecretError(f"{self.field}: file {self.file} is empty")
        return value
