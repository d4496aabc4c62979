"""Named pipes (and devices, sockets) where content files should be: reported by name,
never opened for reading, which would wait for ever."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest

from kiosk.core.images import ImageError, checked_image, probe_image
from kiosk.core.loader import content_version, load_deck
from tests.helpers.content_kit import INFO, make_pack

pytestmark = pytest.mark.faults

T = TypeVar("T")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()``'s result (or exception), or a failure when it has not returned after ``seconds``."""
    box: list[T] = []
    raised: list[BaseException] = []

    def run() -> None:
        try:
            box.append(work())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            raised.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (blocked on a named pipe?)"
    if raised:
        raise raised[0]
    return box[0]


@pytest.fixture
def fifos() -> Iterator[list[Path]]:
    """Named pipes made by a test; at teardown each gets a writer, so a reader stuck on one
    (the code before its fix) is released instead of hanging the test run."""
    made: list[Path] = []
    yield made
    for path in made:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            continue  # nobody is reading it
        os.close(fd)


def mkfifo(path: Path, fifos: list[Path]) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    fifos.append(path)


def messages(root: Path) -> list[str]:
    return [str(p) for p in within(10, lambda: load_deck(root)).problems]


# --- named pipes -------------------------------------------------------------------------------


@needs_fifo
@pytest.mark.parametrize(
    "rel, expected",
    [
        ("slides/pipe.yaml", "slides/pipe.yaml: file: not a regular file (a named pipe); only ordinary files are read"),
        ("clinic.yaml", "clinic.yaml: file: not a regular file (a named pipe); only ordinary files are read"),
        ("images/photo.png", "slides/a.yaml:6: image: 'images/photo.png' is not a regular file (a named pipe)"),
    ],
)
def test_a_named_pipe_is_reported_by_name_and_never_waited_on(
    tmp_path: Path, fifos: list[Path], rel: str, expected: str
) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "image: images/photo.png\n"})
    mkfifo(root / rel, fifos)

    assert expected in messages(root)


@needs_fifo
def test_a_named_pipe_nobody_uses_does_not_hang_the_content_version(tmp_path: Path, fifos: list[Path]) -> None:
    root = make_pack(tmp_path / "c")
    before = content_version(root)
    mkfifo(root / "images" / "stray", fifos)

    result = within(10, lambda: load_deck(root))

    assert result.ok and result.deck is not None
    assert result.deck.version != before
    assert within(10, lambda: content_version(root)) == result.deck.version


@needs_fifo
def test_the_image_checks_refuse_a_named_pipe(tmp_path: Path, fifos: list[Path]) -> None:
    pipe = tmp_path / "x.svg"
    mkfifo(pipe, fifos)

    for check in (probe_image, checked_image):
        with pytest.raises(ImageError, match=r"not a regular file \(a named pipe\)"):
            within(10, partial(check, pipe))


@needs_fifo
def test_kiosk_doctor_does_not_wait_on_a_named_pipe_for_clinic_yaml(tmp_path: Path, fifos: list[Path]) -> None:
    from kiosk.core.config import Config
    from kiosk.runtime.doctor import OK, check_clock

    root = make_pack(tmp_path / "c")
    mkfifo(root / "clinic.yaml", fifos)
    defaults = Config.defaults()
    config = Config({**defaults.values, "content.dir": root}, None, defaults.origins)

    check = within(10, lambda: check_clock(config))

    assert check.status == OK and check.detail.endswith(" UTC")
