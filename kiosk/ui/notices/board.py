"""The notices board: which notices show now (the pack's and this kiosk's own) and whose turn
it is in the banner, kept current by two timers on the GUI thread.

The rules are Qt-free (:mod:`kiosk.core.notices.showing`); this object only holds the two
sources together, re-reads them when the pack is reloaded or staff post or end a notice,
and wakes up at the instants the rules name: the next end of a notice, and the next turn of
the rotation. Nothing runs while no notice shows.

Time comes from the injected clock; ``time_scale`` (real seconds per clock second) lets
tests play a day of notices in milliseconds, as the player's timing does.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal

from kiosk.core.clock import Clock
from kiosk.core.model import Clinic, Deck
from kiosk.core.notices.drafts import Draft
from kiosk.core.notices.local_store import LocalNotices
from kiosk.core.notices.model import Notice
from kiosk.core.notices.showing import ROTATE_SECONDS, Rotation, Turn, next_end, notice_text, showing_at
from kiosk.ui.render.banner import BannerLook, banner_height

log = logging.getLogger(__name__)

#: The longest the board sleeps while notices show (real seconds): texts like "until
#: tomorrow 3 PM" become "until 3 PM" at midnight, and a wall clock set forward is noticed.
MAX_WAIT_S = 60.0


class NoticeBoard(QObject):
    """Notices of one kiosk. ``changed``: the notices showing are not the same any more
    (posted, changed, ended, expired, reloaded). ``turned``: the banner shows another notice
    (or the same one in another place of the rotation)."""

    changed = Signal()
    turned = Signal()

    def __init__(
        self,
        deck: Deck,
        clock: Clock,
        store: LocalNotices | None = None,
        *,
        rotate_seconds: float = ROTATE_SECONDS,
        time_scale: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._clinic: Clinic = deck.clinic
        self._pack: tuple[Notice, ...] = deck.notices
        self._phrases = deck.phrases
        self._store = store
        self._rotation = Rotation(rotate_seconds)
        self._time_scale = time_scale
        self._showing: tuple[Notice, ...] = ()
        self._texts: tuple[tuple[str, str], ...] = ()
        self._turn = Turn(None)
        self._heights: dict[tuple[int, int, str, bool], int] = {}
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.CoarseTimer)
        self._wake.timeout.connect(self.refresh)
        self.refresh(announce=False)

    # -- what shows ------------------------------------------------------------------------------

    @property
    def clinic(self) -> Clinic:
        return self._clinic

    @property
    def store(self) -> LocalNotices | None:
        return self._store

    @property
    def phrases(self) -> tuple:  # tuple[LocalizedText, ...]
        return self._phrases

    @property
    def languages(self) -> tuple[str, ...]:
        return self._clinic.languages

    def showing(self) -> tuple[Notice, ...]:
        """The notices showing now, in rotation order."""
        return self._showing

    def turn(self) -> Turn:
        """The notice in the banner now."""
        return self._turn

    def now(self) -> datetime:
        return self._clock.now()

    def text(self, notice: Notice, language: str) -> str:
        """What the banner says for ``notice`` in ``language`` ({until} filled in)."""
        return notice_text(notice, language, self._clock.now(), self._clinic.timezone)

    def reserve(self, screen: QSize, language: str, *, large_text: bool = False) -> int:
        """The banner's height on a screen of ``screen`` (0 while no notice shows): room for
        the longest of the notices taking turns, so it never jumps between them."""
        if not self._showing:
            return 0
        key = (screen.width(), screen.height(), language, large_text)
        height = self._heights.get(key)
        if height is None:
            look = BannerLook(screen, self._clinic.theme, large_text=large_text)
            height = banner_height([self.text(n, language) for n in self._showing], look)
            self._heights[key] = height
        return height

    @property
    def problem(self) -> str | None:
        """Why this kiosk's own notices could not be read (for the admin screen), or None."""
        return self._store.problem if self._store is not None else None

    # -- changes ---------------------------------------------------------------------------------

    def set_deck(self, deck: Deck) -> None:
        """New content: its notices (and its clinic's time zone and colours) from now on."""
        self._clinic = deck.clinic
        self._pack = deck.notices
        self._phrases = deck.phrases
        self._heights.clear()
        self.refresh()

    def post(self, draft: Draft) -> Notice:
        """Post ``draft`` on this kiosk (raises NoticeRefused or OSError; nothing changes then)."""
        store = self._require_store()
        notice = store.post(draft, self._clinic.languages)
        self.refresh()
        return notice

    def change(self, key: str, draft: Draft) -> Notice:
        store = self._require_store()
        notice = store.change(key, draft, self._clinic.languages)
        self.refresh()
        return notice

    def end(self, notice: Notice) -> None:
        """End ``notice`` now on this kiosk (raises OSError when that cannot be saved)."""
        self._require_store().end(notice)
        self.refresh()

    def _require_store(self) -> LocalNotices:
        if self._store is None:
            raise OSError("this kiosk has no data folder to keep notices in")
        return self._store

    def refresh(self, *, announce: bool = True) -> None:
        """Look again at what shows now: emits ``changed`` and ``turned`` for what differs,
        and sets the timer for the next end or turn."""
        now = self._clock.now()
        pack = self._pack
        showing = self._store.showing(pack, now) if self._store is not None else showing_at(pack, now)
        texts = tuple((n.key, self.text(n, "en") + "\0" + self.text(n, "es")) for n in showing)
        changed = texts != self._texts
        if changed:
            self._showing, self._texts = showing, texts
            self._heights.clear()
        turn = self._rotation.turn(showing, now)
        turned = (_key(turn.notice), turn.index, turn.count) != (
            _key(self._turn.notice),
            self._turn.index,
            self._turn.count,
        )
        self._turn = turn
        self._arm(now)
        if announce and changed:
            log.info("notices showing: %d", len(showing))
            self.changed.emit()
        if announce and (turned or changed):
            self.turned.emit()

    def _arm(self, now: datetime) -> None:
        if not self._showing:
            self._wake.stop()
            return
        moments = [m for m in (next_end(self._showing, now), self._turn.next_switch) if m is not None]
        wait = min(((m - now) for m in moments), default=timedelta(seconds=MAX_WAIT_S))
        seconds = min(MAX_WAIT_S, max(0.001, wait.total_seconds() * self._time_scale))
        self._wake.start(max(1, round(seconds * 1000)))

    def stop(self) -> None:
        """No more timers (shutdown, end of a test)."""
        self._wake.stop()

    @property
    def waiting(self) -> bool:
        """True while a timer is set (tests: no timer runs while nothing shows)."""
        return self._wake.isActive()


def _key(notice: Notice | None) -> str | None:
    return notice.key if notice is not None else None
