"""``stats.db``: the kiosk's engagement figures in a SQLite file of their own (WAL journal).

One writer (the stats writer's thread, :mod:`kiosk.core.stats.writer`) records batches of
events, rolls raw rows up per hour once they are :data:`RAW_DAYS` days old and deletes what
is older than the retention period; readers (``kiosk stats``, ``kiosk status``, the studio)
open the file read-only and never create or migrate it.

Stats are worth less than requests and never worth stopping the kiosk for: ``synchronous``
is NORMAL (a power cut may lose the last batch, never the file), and a damaged file is moved
aside (:func:`move_aside`) for a fresh one rather than repaired.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from kiosk.core.paths import ensure_private_dir
from kiosk.core.requests.store import is_damage
from kiosk.core.stats.events import (
    HOUR_MS,
    KEY_MAX,
    TALLY_KINDS,
    VISIT,
    Event,
    Outcome,
    SlidePlayed,
    Tally,
    VisitEnded,
    hour_of,
)
from kiosk.core.stats.schema import StatsDamaged, StatsError, StatsTooNew, check_version, migrate

log = logging.getLogger(__name__)

#: Days raw rows (each slide shown, each visit) are kept before they are rolled up per hour.
RAW_DAYS = 7
DB_FILE_MODE = 0o600
WRITE_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 2.0
_SIDE_FILES = ("-wal", "-shm")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def stats_error(context: str, exc: BaseException) -> StatsError:
    if is_damage(exc):
        return StatsDamaged(f"{context}: the file is damaged ({_reason(exc)})")
    return StatsError(f"{context}: {_reason(exc)}")


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged ``path`` (and its -wal and -shm) to ``<name>.damaged-<UTC time>`` so
    a fresh file can take its place; nothing is deleted. Returns the new name."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", *_SIDE_FILES):
        source = path.with_name(path.name + suffix)
        if source.exists():
            os.replace(source, target.with_name(target.name + suffix))
    return target


def damaged_copies(path: Path) -> tuple[str, ...]:
    """The names of the damaged files :func:`move_aside` left next to ``path``, oldest first."""
    try:
        found = [p.name for p in path.parent.glob(path.name + ".damaged-*") if not p.name.endswith(_SIDE_FILES)]
    except OSError:
        return ()
    return tuple(sorted(found))


@dataclass(frozen=True)
class Maintenance:
    """What one roll-up and purge did."""

    plays_rolled: int
    visits_rolled: int
    purged: int


class StatsStore:
    """``path`` opened for writing (created 0600 in a 0700 folder, migrated), or read-only."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        #: (slide id, content version) -> shown_slides.id, for what this connection committed.
        self._slide_ids: dict[tuple[str, str], int] = {}
        self._conn = self._open_read_only() if read_only else self._open()

    # --- opening and closing ---------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        context = f"cannot open the stats database {self.path}"
        try:
            ensure_private_dir(self.path.parent)
            new = self._create_private_file()
            conn = sqlite3.connect(
                str(self.path), isolation_level=None, check_same_thread=False, timeout=WRITE_TIMEOUT_S
            )
        except (OSError, sqlite3.Error) as exc:
            raise stats_error(context, exc) from exc
        try:
            if new:
                # Only before the first table: deleted rows' pages then go back to the disk.
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StatsError(f"{context}: it cannot use a WAL journal (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, self.path)
        except StatsError:
            conn.close()
            raise
        except (OSError, sqlite3.Error) as exc:
            conn.close()
            raise stats_error(context, exc) from exc
        return conn

    def _create_private_file(self) -> bool:
        """Create the file 0600 if it is missing; True when it was. Anything but a regular
        file in its place (a named pipe would block SQLite's first read for ever) is damage."""
        if self.path.exists():
            mode = self.path.stat().st_mode
            if not stat.S_ISREG(mode):
                kind = "folder" if stat.S_ISDIR(mode) else "named pipe" if stat.S_ISFIFO(mode) else "special file"
                raise StatsDamaged(f"cannot open the stats database {self.path}: it is a {kind}, not a file")
            if os.name == "posix" and self.path.stat().st_mode & 0o777 != DB_FILE_MODE:
                os.chmod(self.path, DB_FILE_MODE)
            return False
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, DB_FILE_MODE)
        os.close(fd)
        os.chmod(self.path, DB_FILE_MODE)
        return True

    def _open_read_only(self) -> sqlite3.Connection:
        context = f"cannot read the stats database {self.path}"
        if not self.path.is_file():
            what = "it is not a file" if self.path.exists() else "there is no such file (yet)"
            raise StatsError(f"{context}: {what}")
        try:
            conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=READ_TIMEOUT_S
            )
        except (OSError, sqlite3.Error) as exc:
            raise stats_error(context, exc) from exc
        try:
            if check_version(conn, self.path) == 0:
                raise StatsError(f"{context}: it holds no figures yet")
        except StatsError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise stats_error(context, exc) from exc
        return conn

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> StatsStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StatsError(f"the stats database {self.path} is open read-only")
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                # Ids handed out in this transaction are gone with it.
                self._slide_ids.clear()
                try:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite may have rolled back already (SQLITE_FULL)
                if isinstance(exc, sqlite3.Error):
                    raise stats_error(f"could not {what} in {self.path}", exc) from exc
                raise

    def _read(self, what: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise stats_error(f"could not {what} from {self.path}", exc) from exc

    # --- writing -----------------------------------------------------------------------------

    def record(self, events: Sequence[Event]) -> int:
        """Write ``events`` in one transaction; returns how many were written. Events that do
        not make sense (an unknown kind, a negative count) are left out and logged."""
        plays: list[tuple[int, str, str, int]] = []
        visits: list[tuple[int, str, int]] = []
        tallies: dict[tuple[int, str, str], list[int]] = {}
        skipped = 0
        for event in events:
            if isinstance(event, SlidePlayed) and event.slide_id:
                plays.append((event.shown_at_ms, event.slide_id[:KEY_MAX], event.version[:KEY_MAX], max(0, event.ms)))
            elif isinstance(event, VisitEnded) and isinstance(event.outcome, Outcome):
                visits.append((event.hour, event.outcome.value, max(0, event.ms)))
            elif isinstance(event, Tally) and event.kind in TALLY_KINDS and event.kind != VISIT and event.count >= 0:
                totals = tallies.setdefault((event.hour, event.kind, event.key[:KEY_MAX]), [0, 0])
                totals[0] += event.count
                totals[1] += max(0, event.ms)
            else:
                skipped += 1
        if skipped:
            log.warning("stats: left out %d event(s) that make no sense", skipped)
        if not (plays or visits or tallies):
            return 0
        with self._write("record figures") as conn:
            conn.executemany(
                "INSERT INTO plays (shown_at, slide, ms) VALUES (?, ?, ?)",
                [(at, self._slide_id(conn, slide, version), ms) for at, slide, version, ms in plays],
            )
            conn.executemany("INSERT INTO visits (hour, outcome, ms) VALUES (?, ?, ?)", visits)
            conn.executemany(
                "INSERT INTO tallies (hour, kind, key, count, ms) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (hour, kind, key) DO UPDATE SET count = count + excluded.count, ms = ms + excluded.ms",
                [(hour, kind, key, count, ms) for (hour, kind, key), (count, ms) in tallies.items()],
            )
        return len(plays) + len(visits) + len(tallies)

    def _slide_id(self, conn: sqlite3.Connection, slide: str, version: str) -> int:
        known = self._slide_ids.get((slide, version))
        if known is not None:
            return known
        conn.execute("INSERT INTO shown_slides (slide, version) VALUES (?, ?) ON CONFLICT DO NOTHING", (slide, version))
        (number,) = conn.execute(
            "SELECT id FROM shown_slides WHERE slide = ? AND version = ?", (slide, version)
        ).fetchone()
        self._slide_ids[(slide, version)] = int(number)
        return int(number)

    def roll_up(self, now: datetime, raw_days: int = RAW_DAYS) -> tuple[int, int]:
        """Raw rows of hours that ended ``raw_days`` days before ``now`` or earlier become
        per-hour counts. Returns (plays, visits) rolled up."""
        cutoff = hour_of(now) - raw_days * 24
        with self._write("roll up the figures") as conn:
            plays = conn.execute(
                "INSERT INTO play_hours (hour, slide, shows, ms)"
                " SELECT shown_at / ?, slide, COUNT(*), SUM(ms) FROM plays WHERE shown_at < ? GROUP BY 1, 2"
                " ON CONFLICT (hour, slide) DO UPDATE SET shows = shows + excluded.shows, ms = ms + excluded.ms",
                (HOUR_MS, cutoff * HOUR_MS),
            ).rowcount
            conn.execute("DELETE FROM plays WHERE shown_at < ?", (cutoff * HOUR_MS,))
            visits = conn.execute(
                "INSERT INTO tallies (hour, kind, key, count, ms)"
                " SELECT hour, ?, outcome, COUNT(*), SUM(ms) FROM visits WHERE hour < ? GROUP BY 1, 3"
                " ON CONFLICT (hour, kind, key) DO UPDATE SET count = count + excluded.count, ms = ms + excluded.ms",
                (VISIT, cutoff),
            ).rowcount
            conn.execute("DELETE FROM visits WHERE hour < ?", (cutoff,))
        return int(plays), int(visits)

    def purge(self, now: datetime, retention_days: int) -> int:
        """Delete everything of hours that ended ``retention_days`` days before ``now`` or
        earlier, and give the space back to the disk. Returns the rows deleted."""
        if retention_days < 1:
            raise ValueError("retention_days must be at least 1")
        cutoff = hour_of(now) - retention_days * 24
        with self._write("delete old figures") as conn:
            deleted = conn.execute("DELETE FROM plays WHERE shown_at < ?", (cutoff * HOUR_MS,)).rowcount
            for table in ("play_hours", "visits", "tallies"):
                deleted += conn.execute(f"DELETE FROM {table} WHERE hour < ?", (cutoff,)).rowcount
            if deleted:
                conn.execute(
                    "DELETE FROM shown_slides WHERE id NOT IN (SELECT slide FROM plays)"
                    " AND id NOT IN (SELECT slide FROM play_hours)"
                )
                self._slide_ids.clear()
        if deleted:
            with self._lock:
                try:
                    self._conn.execute("PRAGMA incremental_vacuum")
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error as exc:
                    log.warning("stats: could not give freed space back after a purge: %s", _reason(exc))
        return int(deleted)

    def maintain(self, now: datetime, retention_days: int, raw_days: int = RAW_DAYS) -> Maintenance:
        plays, visits = self.roll_up(now, min(raw_days, retention_days))
        return Maintenance(plays, visits, self.purge(now, retention_days))

    # --- reading (hours ``start`` <= hour < ``end``) ---------------------------------------------

    def slide_plays(self, start: int, end: int) -> list[tuple[str, str, int, int]]:
        """(slide id, content version, times shown, ms on screen), raw and rolled up together."""
        rows = self._read(
            "read the slides shown",
            "SELECT s.slide, s.version, SUM(p.n), SUM(p.ms) FROM ("
            " SELECT slide AS ref, COUNT(*) AS n, SUM(ms) AS ms FROM plays WHERE shown_at >= ? AND shown_at < ?"
            " GROUP BY slide"
            " UNION ALL"
            " SELECT slide, SUM(shows), SUM(ms) FROM play_hours WHERE hour >= ? AND hour < ? GROUP BY slide"
            ") AS p JOIN shown_slides AS s ON s.id = p.ref GROUP BY s.slide, s.version",
            (start * HOUR_MS, end * HOUR_MS, start, end),
        )
        return [(str(slide), str(version), _int(n), _int(ms)) for slide, version, n, ms in rows]

    def visit_hours(self, start: int, end: int) -> list[tuple[int, str, int, int]]:
        """(hour, outcome, visits, ms in all), raw and rolled up together."""
        rows = self._read(
            "read the visits",
            "SELECT hour, outcome, COUNT(*), SUM(ms) FROM visits WHERE hour >= ? AND hour < ? GROUP BY hour, outcome"
            " UNION ALL"
            " SELECT hour, key, count, ms FROM tallies WHERE kind = ? AND hour >= ? AND hour < ?",
            (start, end, VISIT, start, end),
        )
        return [(_int(hour), str(outcome), _int(n), _int(ms)) for hour, outcome, n, ms in rows]

    def tally_totals(self, start: int, end: int) -> list[tuple[str, str, int, int]]:
        """(kind, key, count, ms) summed over the hours, visits left out (``visit_hours``)."""
        rows = self._read(
            "read the counts",
            "SELECT kind, key, SUM(count), SUM(ms) FROM tallies WHERE hour >= ? AND hour < ? AND kind != ?"
            " GROUP BY kind, key",
            (start, end, VISIT),
        )
        return [(str(kind), str(key), _int(n), _int(ms)) for kind, key, n, ms in rows]

    def first_hour(self) -> int | None:
        """The earliest hour with any figure, or None when there are none."""
        rows = self._read(
            "read the first hour",
            "SELECT MIN(h) FROM (SELECT MIN(shown_at) / ? AS h FROM plays UNION ALL SELECT MIN(hour) FROM play_hours"
            " UNION ALL SELECT MIN(hour) FROM visits UNION ALL SELECT MIN(hour) FROM tallies)",
            (HOUR_MS,),
        )
        first = rows[0][0]
        return None if first is None else _int(first)

    def row_counts(self) -> dict[str, int]:
        return {
            table: _int(self._read("count rows", f"SELECT COUNT(*) FROM {table}")[0][0])
            for table in ("shown_slides", "plays", "play_hours", "visits", "tallies")
        }

    def quick_check(self) -> str | None:
        """None when SQLite's quick check finds the file sound, else what it found."""
        rows = self._read("check", "PRAGMA quick_check(5)")
        findings = " ".join(str(r[0]) for r in rows)
        return None if findings == "ok" else findings[:300]


def _int(value: object) -> int:
    if isinstance(value, int):
        return value
    if value is None:
        return 0
    if isinstance(value, float | str):
        return int(value)
    raise TypeError(f"expected a number from the stats database, got {type(value).__name__}")


__all__ = ["RAW_DAYS", "StatsDamaged", "StatsError", "StatsStore", "StatsTooNew", "move_aside"]
