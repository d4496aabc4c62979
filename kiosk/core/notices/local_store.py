"""Notices posted on this kiosk, kept in its data folder until they end.

They are never written into the content pack (which staff and publishing replace whole):
``notices.json`` beside the requests database holds them, replaced atomically on every
change, so a power cut leaves the old list or the new one. It also remembers the pack
notices staff ended early on this kiosk (by their key, until their own end).

A damaged file never stops the kiosk: it is moved aside as ``notices.json.damaged`` (kept
for IT), the kiosk starts with no notices of its own, and :attr:`LocalNotices.problem` says
so for the admin screen. A change that cannot be written (a read-only or full disk) raises
OSError and changes nothing, so what staff see is what is on disk.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kiosk.core.atomic_files import read_regular_file, write_atomic
from kiosk.core.clock import Clock
from kiosk.core.digests import token_hex
from kiosk.core.fields import NOTICE_LEVELS
from kiosk.core.notices.drafts import Draft, NoticeRefused, as_notice
from kiosk.core.notices.model import ORIGIN_KIOSK, Notice
from kiosk.core.notices.showing import showing_at
from kiosk.core.text import DEFAULT_LANGUAGE, LocalizedText

log = logging.getLogger(__name__)

NOTICES_NAME = "notices.json"
DAMAGED_SUFFIX = ".damaged"
#: The file is small (a few notices); anything bigger is not ours.
MAX_FILE_BYTES = 256 * 1024
#: Notices of its own a kiosk shows at once (the banner rotates through them all).
MAX_LOCAL_NOTICES = 10
FORMAT = 1


def notices_path(data_dir: Path) -> Path:
    return data_dir / NOTICES_NAME


@dataclass(frozen=True)
class LocalState:
    """The kiosk's own notices (not yet ended), and the pack notices it ended early."""

    notices: tuple[Notice, ...] = ()
    #: Key of a pack notice ended on this kiosk -> that notice's own end (forgotten after it).
    ended: Mapping[str, datetime] = field(default_factory=lambda: MappingProxyType({}))


class LocalNotices:
    """The store for one data folder. Use from one thread (the GUI thread)."""

    def __init__(self, path: Path, clock: Clock) -> None:
        self.path = path
        self._clock = clock
        self._state = LocalState()
        #: Why the file could not be read at the last load (for the admin screen), or None.
        self.problem: str | None = None

    @property
    def state(self) -> LocalState:
        return self._state

    @property
    def notices(self) -> tuple[Notice, ...]:
        return self._state.notices

    # -- reading -------------------------------------------------------------------------------

    def load(self) -> LocalState:
        """Read the file (a missing one is an empty list); never raises for its content."""
        self.problem = None
        try:
            data = read_regular_file(self.path, limit=MAX_FILE_BYTES)
        except FileNotFoundError:
            self._state = LocalState()
            return self._state
        except OSError as exc:
            self.problem = f"the kiosk's notices cannot be read from {self.path}: {exc.strerror or exc}"
            log.error("%s", self.problem)
            self._state = LocalState()
            return self._state
        try:
            state, skipped = _decode(data)
        except ValueError as exc:
            self._set_aside(str(exc))
            self._state = LocalState()
            return self._state
        if skipped:
            self.problem = f"{skipped} notice(s) in {self.path} could not be read and were left out"
            log.warning("%s", self.problem)
        self._state = _pruned(state, self._clock.now())
        return self._state

    def _set_aside(self, reason: str) -> None:
        aside = self.path.with_name(self.path.name + DAMAGED_SUFFIX)
        try:
            os.replace(self.path, aside)
            where = f"moved to {aside}"
        except OSError as exc:
            where = f"could not be moved aside ({exc.strerror or exc})"
        self.problem = f"the kiosk's notices file {self.path} was damaged ({reason}); {where}"
        log.error("%s", self.problem)

    # -- changing ------------------------------------------------------------------------------

    def post(self, draft: Draft, languages: tuple[str, ...] = ("en", "es")) -> Notice:
        """Check ``draft`` and keep it; raises NoticeRefused (nothing changes) or OSError (the
        file cannot be written; nothing changes)."""
        now = self._clock.now()
        state = _pruned(self._state, now)
        if len(state.notices) >= MAX_LOCAL_NOTICES:
            raise NoticeRefused(
                f"This kiosk already shows {MAX_LOCAL_NOTICES} notices of its own: end one before posting another."
            )
        notice = as_notice(draft, now, "kiosk-" + token_hex(8), languages)
        self._write(replace(state, notices=(*state.notices, notice)))
        log.info("notice %s posted on this kiosk, until %s", notice.key, notice.until.isoformat())
        return notice

    def change(self, key: str, draft: Draft, languages: tuple[str, ...] = ("en", "es")) -> Notice:
        """Replace the kiosk's notice ``key`` with ``draft`` (same place in the rotation)."""
        now = self._clock.now()
        state = _pruned(self._state, now)
        index = next((i for i, n in enumerate(state.notices) if n.key == key), None)
        if index is None:
            raise NoticeRefused("That notice has ended or was removed meanwhile.")
        notice = replace(as_notice(draft, now, key, languages), posted=state.notices[index].posted)
        notices = list(state.notices)
        notices[index] = notice
        self._write(replace(state, notices=tuple(notices)))
        log.info("notice %s changed on this kiosk", key)
        return notice

    def end(self, notice: Notice) -> None:
        """End ``notice`` now on this kiosk: a kiosk notice is removed; a pack notice is
        remembered as ended here until its own end (the pack itself is not touched)."""
        state = _pruned(self._state, self._clock.now())
        if notice.origin == ORIGIN_KIOSK:
            kept = tuple(n for n in state.notices if n.key != notice.key)
            if len(kept) == len(state.notices):
                return
            self._write(replace(state, notices=kept))
        else:
            ended = dict(state.ended)
            ended[notice.key] = notice.until
            self._write(replace(state, ended=MappingProxyType(ended)))
        log.info("notice %s ended early on this kiosk", notice.key)

    def _write(self, state: LocalState) -> None:
        data = json.dumps(_encode(state), ensure_ascii=False, indent=1).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, data, mode=0o600)
        self._state = state

    def showing(self, pack: tuple[Notice, ...], at: datetime) -> tuple[Notice, ...]:
        """The pack's notices and this kiosk's, as they show at ``at`` (rotation order)."""
        return showing_at((*pack, *self._state.notices), at, ended=self._state.ended)


def _pruned(state: LocalState, now: datetime) -> LocalState:
    notices = tuple(n for n in state.notices if not n.has_ended(now))
    ended = {key: until for key, until in state.ended.items() if until > now}
    return LocalState(notices, MappingProxyType(ended))


# -- the file's format -------------------------------------------------------------------------


def _encode(state: LocalState) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "notices": [
            {
                "id": n.key,
                "text": dict(n.text.values),
                "level": n.level,
                "until": n.until.astimezone(UTC).isoformat(),
                "posted": (n.posted or n.until).astimezone(UTC).isoformat(),
            }
            for n in state.notices
        ],
        "ended": {key: until.astimezone(UTC).isoformat() for key, until in state.ended.items()},
    }


def _decode(data: bytes) -> tuple[LocalState, int]:
    """The state in ``data`` and how many entries had to be left out; ValueError when the
    file as a whole is not ours (not JSON, another format)."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a notices file: {exc}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"not a notices file of format {FORMAT}")
    raw_notices = document.get("notices", [])
    raw_ended = document.get("ended", {})
    if not isinstance(raw_notices, list) or not isinstance(raw_ended, dict):
        raise ValueError("its notices or ended lists have the wrong shape")
    notices: list[Notice] = []
    skipped = 0
    for entry in raw_notices:
        try:
            notices.append(_notice(entry))
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("left out an unreadable notice in the kiosk's notices: %s", exc)
            skipped += 1
    ended: dict[str, datetime] = {}
    for key, until in raw_ended.items():
        try:
            ended[str(key)] = _instant(until)
        except (TypeError, ValueError):
            skipped += 1
    return LocalState(tuple(notices), MappingProxyType(ended)), skipped


def _notice(entry: Any) -> Notice:
    if not isinstance(entry, dict):
        raise TypeError("a notice is an object")
    texts = entry["text"]
    if not isinstance(texts, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
        raise TypeError("its text is not languages to texts")
    if not texts.get(DEFAULT_LANGUAGE, "").strip():
        raise ValueError("it has no English text")
    level = entry.get("level", NOTICE_LEVELS[0])
    key = entry["id"]
    if not isinstance(key, str) or not key.startswith("kiosk-"):
        raise ValueError(f"unexpected id {key!r}")
    return Notice(
        text=LocalizedText({k: v for k, v in texts.items() if v.strip()}),
        until=_instant(entry["until"]),
        level=level,
        origin=ORIGIN_KIOSK,
        posted=_instant(entry.get("posted", entry["until"])),
        local_id=key,
    )


def _instant(text: Any) -> datetime:
    if not isinstance(text, str):
        raise TypeError("a time is a text")
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment
