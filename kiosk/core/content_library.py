"""From the content home to the deck on screen: check, snapshot, fall back.

:meth:`ContentLibrary.start` gives the deck to start with whatever state the home is in (the
home itself, else its last good snapshot, else the shipped pack, else an empty deck that shows
the welcome frame): a broken pack never stops the kiosk from starting.
:meth:`ContentLibrary.refresh` is the hot-reload step the content watcher runs off the GUI
thread: a clean home becomes a new snapshot and its deck; a broken one is reported and
changes nothing on screen.

Every deck played is loaded from a snapshot (or the read-only shipped pack), never from the
folder staff edit, so what was checked is exactly what is drawn.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.core.atomic_files import copy_tree_synced, remove_tree
from kiosk.core.clock import Clock
from kiosk.core.content_history import DEFAULT_KEEP, ContentHistory, Snapshot
from kiosk.core.content_home import (
    ContentPlaces,
    HomeReport,
    forget_seed,
    home_fingerprint,
    prepare_home,
    read_origin_note,
    replace_home,
    write_origin_note,
)
from kiosk.core.content_state import (
    ORIGIN_HOME,
    ORIGIN_LAST_GOOD,
    ORIGIN_NONE,
    ORIGIN_SHIPPED,
    ContentState,
    read_state,
    write_state,
)
from kiosk.core.file_lock import LockTimeout
from kiosk.core.loader import LoadResult, content_version, load_deck
from kiosk.core.model import Clinic, Deck
from kiosk.core.problems import Problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentOutcome:
    """A deck to play and the home's own problems.

    ``ok`` is True when the deck is the home as it is now; False when the home has errors (or
    could not be read), and then ``deck`` is the fallback at start-up, or None on a refresh
    (the player keeps what it plays)."""

    deck: Deck | None
    problems: tuple[Problem, ...]
    origin: str
    ok: bool
    snapshot: Snapshot | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


class ContentLibrary:
    """The content home, its history of good snapshots and the state file, for one kiosk."""

    def __init__(
        self,
        places: ContentPlaces,
        *,
        screen_size: tuple[int, int] = (1920, 1080),
        clock: Clock | None = None,
        keep: int = DEFAULT_KEEP,
        loader: Callable[..., LoadResult] = load_deck,
    ) -> None:
        self.places = places
        self._size = screen_size
        self._now: Callable[[], datetime] = clock.now if clock is not None else (lambda: datetime.now(UTC))
        self.history = ContentHistory(places.history, keep=keep, now=self._now)
        self._load = loader
        self.home_report: HomeReport | None = None

    # -- start-up ------------------------------------------------------------------------------

    def start(self) -> ContentOutcome:
        """Prepare the home (seed, repair) and give the deck to start with: never None."""
        self.home_report = prepare_home(self.places)
        if self.home_report.action != "ready":
            log.info("content home %s: %s %s", self.places.home, self.home_report.action, self.home_report.detail)
        outcome = self.refresh()
        if outcome.ok:
            return outcome
        return self._fallback(outcome.problems)

    def _fallback(self, problems: tuple[Problem, ...]) -> ContentOutcome:
        for snapshot in self.history.snapshots():
            result = self._load_folder(snapshot.path)
            if result.deck is not None:
                log.warning("content home has errors: playing the last good content %s", snapshot.describe())
                outcome = ContentOutcome(result.deck, problems, ORIGIN_LAST_GOOD, False, snapshot)
                self._record(outcome)
                return outcome
            log.error("last good content %s no longer loads; trying an older one", snapshot.path)
        result = self._load_folder(self.places.shipped)
        if result.deck is not None:
            log.warning("content home has errors and there is no last good content: playing the shipped content")
            outcome = ContentOutcome(result.deck, problems, ORIGIN_SHIPPED, False)
        else:
            log.error("even the shipped content does not load: showing the welcome screen only")
            outcome = ContentOutcome(empty_deck(), problems, ORIGIN_NONE, False)
        self._record(outcome)
        return outcome

    # -- hot reload ----------------------------------------------------------------------------

    def refresh(self) -> ContentOutcome:
        """Check the home as it is now. Safe to call from a worker thread (it touches no Qt)."""
        home = self.places.home
        if not home.is_dir():
            problem = Problem(str(home), None, "folder", "content folder not found")
            outcome = ContentOutcome(None, (problem,), ORIGIN_HOME, False)
            self._record(outcome)
            return outcome
        try:
            with self.places.lock():
                outcome = self._refresh_locked()
        except LockTimeout as exc:
            problem = Problem(str(home), None, "folder", f"busy: {exc}; will try again at the next change")
            outcome = ContentOutcome(None, (problem,), ORIGIN_HOME, False)
        except OSError as exc:
            # The data folder is read-only or full: the home can still be checked and played
            # in place (without the protection of a snapshot) rather than not at all.
            log.error("cannot keep a snapshot of the content (%s): playing the folder itself", exc)
            result = self._load_folder(home)
            outcome = ContentOutcome(result.deck, result.problems, ORIGIN_HOME, result.deck is not None)
        self._record(outcome)
        return outcome

    def _refresh_locked(self) -> ContentOutcome:
        home = self.places.home
        fingerprint = home_fingerprint(home)
        latest = self.history.latest()
        if latest is not None and latest.source_fingerprint == fingerprint:
            result = self._load_folder(latest.path)
            if result.deck is not None:
                return ContentOutcome(result.deck, result.problems, ORIGIN_HOME, True, latest)
        staged = self.history.staging_folder()
        try:
            copy_tree_synced(home, staged)
            result = self._load_folder(staged)
            if result.deck is None:
                return ContentOutcome(None, result.problems, ORIGIN_HOME, False)
            version = content_version(staged)
            existing = next((s for s in self.history.snapshots() if s.version == version), None)
            if existing is not None:
                snapshot = self.history.touch(existing, fingerprint=fingerprint)
            else:
                snapshot = self.history.adopt(
                    staged,
                    version,
                    origin=self._origin_of(version),
                    slides=len(result.deck.slides),
                    fingerprint=fingerprint,
                )
        finally:
            remove_tree(staged)
        final = self._load_folder(snapshot.path)
        if final.deck is None:  # cannot happen unless the disk changed it under us
            return ContentOutcome(None, final.problems, ORIGIN_HOME, False)
        return ContentOutcome(final.deck, result.problems, ORIGIN_HOME, True, snapshot)

    def _origin_of(self, version: str) -> str:
        """Where the home's content ``version`` came from, in words, for the history."""
        note = read_origin_note(self.places.home)
        if note is not None and note[0] == version:
            return note[1]
        if version == content_version(self.places.shipped):
            return "as shipped with the kiosk"
        return f"edited in {self.places.home}"

    def _load_folder(self, folder: Path) -> LoadResult:
        return self._load(folder, screen_size=self._size, now=self._now())

    # -- staff and IT ----------------------------------------------------------------------------

    def restore(self, version: str) -> Snapshot:
        """Put the snapshot ``version`` back into the home; a running kiosk's watcher then
        plays it. Raises LookupError for an unknown version."""
        snapshot = self.history.find(version)
        if snapshot is None:
            raise LookupError(f"no saved content version starts with {version!r} (see: kiosk content history)")
        with self.places.lock():
            replace_home(self.places.home, snapshot.path)
            forget_seed(self.places)
            write_origin_note(self.places.home, snapshot.version, f"restored from {snapshot.describe()}")
        log.info("content home %s restored to %s", self.places.home, snapshot.version)
        return snapshot

    def install(self, staged: Path, *, origin: str) -> None:
        """Swap a checked pack (a pulled bundle) into the home in one step."""
        with self.places.lock():
            replace_home(self.places.home, staged)
            forget_seed(self.places)
            write_origin_note(self.places.home, content_version(self.places.home), origin)
        log.info("content home %s replaced: %s", self.places.home, origin)

    # -- state ---------------------------------------------------------------------------------

    def _record(self, outcome: ContentOutcome) -> None:
        """Write what plays to the state file (a refresh that failed changes only the problems)."""
        now = self._now().astimezone(UTC).isoformat(timespec="seconds")
        previous = read_state(self.places.state_file)
        problems = tuple(str(p) for p in outcome.problems)
        errors = len(outcome.errors)
        if outcome.deck is None:
            if previous is None:
                return  # nothing plays yet: start() records the fallback
            state = replace(
                previous,
                checked=now,
                problems=problems,
                error_count=errors,
                origin=previous.origin if outcome.ok else _after_failure(previous.origin),
            )
        else:
            since = previous.since if previous is not None and previous.version == outcome.deck.version else now
            playing_from = str(outcome.snapshot.path if outcome.snapshot else outcome.deck.root)
            state = ContentState(
                home=str(self.places.home),
                version=outcome.deck.version or "none",
                origin=outcome.origin,
                playing_from=playing_from,
                since=since,
                checked=now,
                problems=problems,
                error_count=errors,
            )
        try:
            write_state(self.places.state_file, state)
        except OSError as exc:
            log.warning("cannot write %s: %s", self.places.state_file, exc)


def _after_failure(origin: str) -> str:
    # The deck on screen stays, but it no longer matches the home: it is now its last good.
    return ORIGIN_LAST_GOOD if origin == ORIGIN_HOME else origin


def empty_deck() -> Deck:
    """A deck with no slides (the player shows its welcome frame): for when nothing loads."""
    clinic = Clinic(name="Welcome", phone="", timezone=ZoneInfo("UTC"), topics=(), playlist=())
    return Deck(clinic=clinic, slides=(), root=Path(), version="none")
