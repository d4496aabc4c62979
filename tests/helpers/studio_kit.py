"""Helpers shared by the studio model's tests (imported by the tests and their conftest)."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

#: A Monday afternoon in Denver (17:00 UTC is 10:00 there).
NOW = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)

SMALL_CLINIC = """\
# The test clinic.
name: Test Clinic
phone: +1 303-555-0100
timezone: America/Denver
topics:
  - id: about
    title: About us
  - id: exercise
    title:
      en: Exercise
      es: Ejercicio
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (hidden ones too), by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
