"""Fixtures for the studio model's tests: real content folders in fresh temp dirs."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.resources import bundled_content_dir
from kiosk.core.studio.model import StudioModel
from tests.helpers.studio_kit import NOW, SMALL_CLINIC, write


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A private copy of the clinic's shipped content pack."""
    root = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), root)
    return root


@pytest.fixture
def model(pack: Path, clock: FixedClock) -> StudioModel:
    return StudioModel.open(pack, clock=clock)


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """``make_pack({"slides/a.yaml": "...", ...}, clinic=...)``: a small pack of given files."""

    def make(files: dict[str, str], clinic: str = SMALL_CLINIC) -> Path:
        root = tmp_path / "small"
        write(root, "clinic.yaml", clinic)
        for rel, text in files.items():
            write(root, rel, text)
        return root

    return make
