"""Notices posted on one kiosk: checked before they are kept, stored atomically in the data
folder, alive across a restart until they end; a damaged file is set aside, a disk that
refuses the write changes nothing. Ends staff choose, and opening hours in words."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.clock import FixedClock
from kiosk.core.model import Clinic, Holiday, OpeningHours
from kiosk.core.notices.drafts import Draft, NoticeRefused
from kiosk.core.notices.ends import EndChoice, end_time
from kiosk.core.notices.local_store import LocalNotices, notices_path
from kiosk.core.notices.model import ORIGIN_KIOSK, Notice
from kiosk.core.opening import call_back_line, opening_now, today_line
from kiosk.core.schedule import TimeWindow
from kiosk.core.text import LocalizedText

DENVER = ZoneInfo("America/Denver")
NOW = datetime(2026, 3, 10, 10, 0, tzinfo=DENVER)  # a Tuesday
LATE = Draft({"en": "We are running about 20 minutes late."}, "info", NOW + timedelta(hours=1))


def _store(data: Path, clock: FixedClock) -> LocalNotices:
    store = LocalNotices(notices_path(data), clock)
    store.load()
    return store


def test_a_posted_notice_survives_a_restart_until_it_ends(tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    notice = _store(tmp_path, clock).post(LATE)
    assert notice.origin == ORIGIN_KIOSK and notice.key.startswith("kiosk-") and notice.posted == NOW
    assert oct(os.stat(notices_path(tmp_path)).st_mode & 0o777) == "0o600"
    again = _store(tmp_path, clock)  # a restart
    assert again.notices == (notice,) and again.problem is None
    clock.set(NOW + timedelta(hours=1))
    assert _store(tmp_path, clock).notices == ()


def test_a_draft_that_cannot_show_is_refused_and_nothing_is_kept(tmp_path: Path) -> None:
    store = _store(tmp_path, FixedClock(NOW))
    for draft, words in (
        (Draft({"en": "Hi"}, "info", NOW - timedelta(minutes=1)), "already passed"),
        (Draft({"es": "Hola"}, "info", NOW + timedelta(hours=1)), "English"),
        (Draft({"en": "Late by {minutes}"}, "info", NOW + timedelta(hours=1)), "{minutes}"),
        (Draft({"en": "x" * 81}, "info", NOW + timedelta(hours=1)), "at most 80"),
    ):
        with pytest.raises(NoticeRefused, match=words):
            store.post(draft)
    assert not notices_path(tmp_path).exists()


def test_ending_early_a_kiosk_notice_and_a_pack_notice(tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    store = _store(tmp_path, clock)
    mine = store.post(LATE)
    pack = Notice(LocalizedText({"en": "Car park closed"}), NOW + timedelta(days=1))
    assert store.showing((pack,), NOW) == (pack, mine)
    store.end(mine)
    store.end(pack)
    # The pack is not touched: this kiosk remembers the pack notice as ended, across a restart.
    assert _store(tmp_path, clock).showing((pack,), NOW) == ()
    changed = Notice(LocalizedText({"en": "Car park closed all week"}), pack.until)
    assert _store(tmp_path, clock).showing((changed,), NOW) == (changed,)


def test_a_damaged_file_is_set_aside_and_the_kiosk_starts_without_its_notices(tmp_path: Path) -> None:
    notices_path(tmp_path).write_bytes(b'{"format": 1, "notices": [')
    store = _store(tmp_path, FixedClock(NOW))
    assert store.notices == () and store.problem is not None and "damaged" in store.problem
    assert (tmp_path / "notices.json.damaged").read_bytes() == b'{"format": 1, "notices": ['
    store.post(LATE)  # and posting works again
    assert len(_store(tmp_path, FixedClock(NOW)).notices) == 1


def test_a_named_pipe_in_place_of_the_file_is_reported_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(notices_path(tmp_path))
    store = _store(tmp_path, FixedClock(NOW))
    assert store.notices == () and store.problem is not None and "cannot be read" in store.problem


def test_a_write_the_disk_refuses_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = _store(data, FixedClock(NOW))
    kept = store.post(LATE)
    # The data folder becomes unwritable (here: a file stands where the folder was).
    data.rename(tmp_path / "moved")
    data.write_bytes(b"")
    with pytest.raises(OSError):
        store.post(LATE)
    with pytest.raises(OSError):
        store.end(kept)
    assert store.notices == (kept,)


WEEK = tuple(
    OpeningHours(day, (TimeWindow(time(8), time(12)), TimeWindow(time(13), time(18))) if day < 5 else ())
    for day in range(7)
)
CLINIC = Clinic(name="C", phone="1", topics=(), playlist=(), timezone=DENVER, opening_hours=WEEK)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=DENVER)


@pytest.mark.parametrize(
    ("moment", "en", "es"),
    [
        (_at(10, 10), "Open now until 12\u00a0PM, and 1\u00a0PM\u20136\u00a0PM", "Abierto ahora hasta las 12:00"),
        (_at(10, 14), "Open today until 6\u00a0PM", "Abierto hoy hasta las 18:00"),
        (_at(10, 7), "Opens today at 8\u00a0AM", "Abre hoy a las 08:00"),
        (_at(10, 12, 30), "Closed now, back today at 1\u00a0PM", "Cerrado ahora; volvemos hoy a las 13:00"),
        (_at(13, 19), "Closed now, back Monday 8\u00a0AM", "Cerrado ahora; volvemos el lunes a las 08:00"),
        (_at(14, 9), "Closed today, back Monday 8\u00a0AM", "Cerrado hoy; volvemos el lunes a las 08:00"),
    ],
)
def test_today_in_words(moment: datetime, en: str, es: str) -> None:
    now = opening_now(CLINIC, moment)
    assert now is not None
    assert today_line(now, "en") == en and today_line(now, "es").startswith(es)


def test_a_holiday_overrides_the_week_and_after_hours_says_when_we_call_back() -> None:
    clinic = Clinic(
        name="C",
        phone="1",
        topics=(),
        playlist=(),
        timezone=DENVER,
        opening_hours=WEEK,
        holidays=(Holiday(date(2026, 3, 16), ()), Holiday(date(2026, 3, 17), (TimeWindow(time(10), time(14)),))),
    )
    friday_evening = opening_now(clinic, _at(13, 19))
    assert friday_evening is not None
    assert today_line(friday_evening, "en") == "Closed now, back Tuesday 10\u00a0AM"
    assert (
        call_back_line(friday_evening, "en") == "The clinic is closed now: we will contact you from Tuesday 10\u00a0AM."
    )
    assert call_back_line(friday_evening, "es") == (
        "La clínica está cerrada ahora: le contactaremos a partir del martes a las 10:00."
    )
    assert call_back_line(opening_now(clinic, _at(10, 10)), "en") is None
    # No hours given: no sentence at all, never a wrong one.
    assert opening_now(Clinic(name="C", phone="1", topics=(), playlist=(), timezone=DENVER), _at(10, 10)) is None


def test_ends_staff_choose() -> None:
    assert end_time(EndChoice.MINUTES_30, CLINIC, _at(10, 10, 7)) == _at(10, 10, 37)
    assert end_time(EndChoice.END_OF_DAY, CLINIC, _at(10, 10)) == _at(10, 18)
    # After closing, "end of day" is midnight.
    assert end_time(EndChoice.END_OF_DAY, CLINIC, _at(10, 19)) == _at(11, 0)
    naive = datetime(2026, 3, 11, 9, 30)
    assert end_time(EndChoice.AT, CLINIC, _at(10, 10), naive) == _at(11, 9, 30)
