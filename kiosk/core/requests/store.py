"""The durable request store: one SQLite file, WAL journal, ``synchronous=FULL``.

``submit`` returns only after its transaction is committed and fsynced, so a request the
patient saw acknowledged survives ``kill -9`` and power loss. The same transaction queues the
request's deliveries (the outbox of issue 6), so a request is never stored without them.

One connection is shared under a lock, so the GUI thread and a delivery thread may use the
same store; other processes (``kiosk requests list``) open their own store on the same file.
Only ids and counts are logged; errors carry SQLite's reason and the path, never field values.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from kiosk.core.clock import Clock, SystemClock
from kiosk.core.digests import token_bytes
from kiosk.core.paths import ensure_private_dir
from kiosk.core.requests.errors import DatabaseDamaged, RequestNotFound, SchemaTooNewError, StorageError
from kiosk.core.requests.migrations import migrate
from kiosk.core.requests.model import ContactTime, InfoRequest, RequestStatus, StoredRequest
from kiosk.core.requests.outbox import Delivery, DeliveryState

log = logging.getLogger(__name__)

DB_FILE_MODE = 0o600
TOKEN_MAX = 128
LAST_ERROR_MAX = 500
#: How long a claimed delivery is hidden from other claims; a worker that dies mid-send
#: releases it when this runs out (at-least-once: the receiver dedupes by request id).
DEFAULT_LEASE = timedelta(minutes=5)
BUSY_TIMEOUT_S = 10.0

#: SQLite's result codes for a damaged file: SQLITE_CORRUPT, SQLITE_NOTADB (extended codes
#: keep the primary code in their low byte).
_DAMAGE_CODES = frozenset({11, 26})
DAMAGE_ADVICE = (
    "requests cannot be stored safely until IT restores requests.db from a backup or moves it aside "
    "(docs/deploy.md, Backing up the requests database)"
)

_TS_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_REQUEST_COLUMNS = (
    "id, created_at, status, closed_at, name, phone, email, topics, contact_time, language, source_topic, consent"
)


def to_db_time(moment: datetime) -> str:
    """UTC, fixed width, so text order is time order in SQL comparisons."""
    if moment.tzinfo is None:
        raise ValueError("times stored in the request database must be timezone-aware")
    return moment.astimezone(UTC).strftime(_TS_FORMAT)


def from_db_time(text: str) -> datetime:
    return datetime.strptime(text, _TS_FORMAT).replace(tzinfo=UTC)


def new_request_id(moment: datetime) -> str:
    """A ULID-style id: 48-bit milliseconds then 80 random bits, Crockford base32, so ids
    sort by creation time and never collide in practice."""
    millis = int(moment.timestamp() * 1000) & ((1 << 48) - 1)
    value = (millis << 80) | int.from_bytes(token_bytes(10), "big")
    chars = []
    for _ in range(26):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def is_damage(exc: BaseException) -> bool:
    """Whether a SQLite error says the file itself is damaged (not busy, full or read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _DAMAGE_CODES:
        return True
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text)


def storage_error(context: str, exc: BaseException) -> StorageError:
    """``context: reason`` as a StorageError, or as DatabaseDamaged when the file is damaged."""
    if is_damage(exc):
        return DatabaseDamaged(f"{context}: the database file is damaged ({_reason(exc)}); {DAMAGE_ADVICE}")
    return StorageError(f"{context}: {_reason(exc)}")


@dataclass(frozen=True)
class StoreHealth:
    """What :meth:`RequestStore.health` found, for the admin screen and ``kiosk doctor``."""

    ok: bool
    #: The file is damaged (as opposed to locked, full or unreadable for now).
    damaged: bool
    #: "ok", or what is wrong and what to do, without patient data.
    detail: str


class RequestStore:
    """Requests and their deliveries in ``path`` (created 0600 in a 0700 folder)."""

    def __init__(self, path: str | os.PathLike[str], clock: Clock | None = None):
        self.path = Path(path)
        self._clock: Clock = clock or SystemClock()
        self._lock = threading.RLock()
        self._conn = self._open()

    # --- opening and closing -------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            ensure_private_dir(self.path.parent)
            self._create_private_file()
            conn = sqlite3.connect(
                str(self.path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
            )
        except (OSError, sqlite3.Error) as exc:
            raise storage_error(f"cannot open the requests database {self.path}", exc) from exc
        try:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StorageError(f"the requests database {self.path} cannot use a WAL journal (got {mode})")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            # Overwrite deleted rows, so purged patient data does not linger in free pages.
            conn.execute("PRAGMA secure_delete=ON")
            migrate(conn)
            self._tighten_modes()
        except SchemaTooNewError:
            conn.close()
            raise
        except (OSError, sqlite3.Error, StorageError) as exc:
            conn.close()
            if isinstance(exc, StorageError):
                raise
            raise storage_error(f"cannot open the requests database {self.path}", exc) from exc
        return conn

    def _create_private_file(self) -> None:
        if self.path.exists():
            if os.name == "posix" and self.path.stat().st_mode & 0o777 != DB_FILE_MODE:
                os.chmod(self.path, DB_FILE_MODE)
            return
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, DB_FILE_MODE)
        os.close(fd)
        os.chmod(self.path, DB_FILE_MODE)  # the umask may have masked bits off; never added any
        if os.name == "posix":
            # Make the new directory entry itself durable, not only the file's contents.
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def _tighten_modes(self) -> None:
        # SQLite creates -wal and -shm with the database's mode (and keeps them while any
        # connection is open), but a pair left by another tool may be wider.
        if os.name != "posix":
            return
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            try:
                if side.stat().st_mode & 0o077:
                    os.chmod(side, DB_FILE_MODE)
            except FileNotFoundError:
                pass

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> RequestStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction; any SQLite failure becomes a StorageError."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise storage_error(f"could not {what} in {self.path}", exc) from exc
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        try:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite may already have rolled back (e.g. SQLITE_FULL); nothing to undo

    def _read(self, what: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise storage_error(f"could not {what} from {self.path}", exc) from exc

    # --- requests ------------------------------------------------------------------------

    def submit(self, request: InfoRequest, idempotency_token: str, channels: Sequence[str] = ()) -> StoredRequest:
        """Store ``request`` durably and queue a pending delivery on each channel.

        A second submit with the same ``idempotency_token`` (a double tap; the form makes one
        token per form session) stores nothing and returns the first request.
        Raises StorageError when the request could not be saved, and DatabaseDamaged (one) when
        the file is damaged: SQLite may still accept an insert into a damaged file whose other
        pages the delivery passes then cannot read, so the patient would be thanked for a
        request that never goes out. A quick check of the whole file (a few milliseconds for
        a thousand requests) runs in the same transaction, before it commits.
        """
        if not isinstance(idempotency_token, str) or not 0 < len(idempotency_token) <= TOKEN_MAX:
            raise ValueError(f"idempotency_token must be 1-{TOKEN_MAX} characters")
        if request.consent is not True:
            raise ValueError("a request without the patient's consent must not be stored")
        if request.phone is None and request.email is None:
            raise ValueError("a request needs a phone number or an email address")
        now = self._clock.now()
        stamp = to_db_time(now)
        request_id = new_request_id(now)
        with self._write("save the request") as conn:
            inserted = (
                conn.execute(
                    "INSERT INTO requests (id, idempotency_token, created_at, status, name, phone, email,"
                    " topics, contact_time, language, source_topic, consent)"
                    " VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, 1)"
                    " ON CONFLICT (idempotency_token) DO NOTHING",
                    (
                        request_id,
                        idempotency_token,
                        stamp,
                        request.name,
                        request.phone,
                        request.email,
                        json.dumps(list(request.topics)),
                        request.contact_time.value,
                        request.language,
                        request.source_topic,
                    ),
                ).rowcount
                == 1
            )
            if inserted:
                conn.executemany(
                    "INSERT INTO deliveries (request_id, channel, next_attempt_at, updated_at) VALUES (?, ?, ?, ?)",
                    [(request_id, channel, stamp, stamp) for channel in dict.fromkeys(channels)],
                )
            row = conn.execute(
                f"SELECT {_REQUEST_COLUMNS} FROM requests WHERE idempotency_token = ?", (idempotency_token,)
            ).fetchone()
            damage = _quick_check(conn)
            if damage is not None:
                raise DatabaseDamaged(
                    f"could not save the request in {self.path}: the database file is damaged ({damage}); "
                    + DAMAGE_ADVICE
                )
        stored = _row_to_request(row)
        if inserted:
            log.info("stored request %s (%d deliveries queued)", stored.id, len(set(channels)))
        else:
            log.info("request %s was already stored; repeated submit ignored", stored.id)
        return stored

    def get(self, request_id: str) -> StoredRequest | None:
        rows = self._read("read a request", f"SELECT {_REQUEST_COLUMNS} FROM requests WHERE id = ?", (request_id,))
        return _row_to_request(rows[0]) if rows else None

    def list_requests(
        self, status: RequestStatus | None = None, since: datetime | None = None, limit: int | None = None
    ) -> list[StoredRequest]:
        """Requests oldest first, optionally only one status and/or created at or after ``since``."""
        where: list[str] = []
        params: list[object] = []
        if status is not None:
            where.append("status = ?")
            params.append(status.value)
        if since is not None:
            where.append("created_at >= ?")
            params.append(to_db_time(since))
        sql = f"SELECT {_REQUEST_COLUMNS} FROM requests"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [_row_to_request(r) for r in self._read("list requests", sql, params)]

    def counts(self) -> dict[RequestStatus, int]:
        counts = dict.fromkeys(RequestStatus, 0)
        for status, n in self._read("count requests", "SELECT status, COUNT(*) FROM requests GROUP BY status"):
            counts[RequestStatus(str(status))] = int(n)  # type: ignore[call-overload]  # COUNT(*) is an int; rows are typed object
        return counts

    def mark_contacted(self, request_id: str) -> StoredRequest:
        """Staff dealt with the request; retention counts from now."""
        stamp = to_db_time(self._clock.now())
        with self._write("mark a request contacted") as conn:
            updated = conn.execute(
                "UPDATE requests SET status = 'contacted', closed_at = ? WHERE id = ? AND status != 'contacted'",
                (stamp, request_id),
            ).rowcount
            row = conn.execute(f"SELECT {_REQUEST_COLUMNS} FROM requests WHERE id = ?", (request_id,)).fetchone()
        if row is None:
            raise RequestNotFound(request_id)
        if updated:
            log.info("request %s marked contacted", request_id)
        return _row_to_request(row)

    def delete_closed_before(self, cutoff: datetime) -> int:
        """Delete delivered and contacted requests closed at or before ``cutoff`` (with their
        deliveries). See kiosk.core.requests.retention for the policy."""
        with self._write("delete expired requests") as conn:
            deleted = conn.execute(
                "DELETE FROM requests WHERE status IN ('delivered', 'contacted') AND closed_at <= ?",
                (to_db_time(cutoff),),
            ).rowcount
        if deleted:
            with self._lock:
                try:
                    # Old page images in the WAL still hold the deleted rows until checkpointed.
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error as exc:
                    log.warning("could not checkpoint after purge: %s", _reason(exc))
            log.info("deleted %d expired requests", deleted)
        return deleted

    def integrity_check(self) -> str:
        rows = self._read("check integrity", "PRAGMA integrity_check")
        return "; ".join(str(r[0]) for r in rows)

    def health(self) -> StoreHealth:
        """Whether requests can be stored safely now: a quick check of the whole file."""
        with self._lock:
            try:
                damage = _quick_check(self._conn)
            except sqlite3.Error as exc:
                error = storage_error(f"cannot check the requests database {self.path}", exc)
                return StoreHealth(False, isinstance(error, DatabaseDamaged), str(error))
        if damage is None:
            return StoreHealth(True, False, "ok")
        return StoreHealth(False, True, f"the requests database {self.path} is damaged ({damage}); {DAMAGE_ADVICE}")

    # --- deliveries (the outbox of issue 6) ----------------------------------------------

    def add_channels(self, channels: Sequence[str]) -> int:
        """Queue a pending delivery on each channel for every request still ``new`` that has
        none on it (a channel configured after requests were stored). Returns rows added."""
        stamp = to_db_time(self._clock.now())
        added = 0
        with self._write("queue deliveries") as conn:
            for channel in dict.fromkeys(channels):
                added += conn.execute(
                    "INSERT OR IGNORE INTO deliveries (request_id, channel, next_attempt_at, updated_at)"
                    " SELECT id, ?, ?, ? FROM requests WHERE status = 'new'",
                    (channel, stamp, stamp),
                ).rowcount
        if added:
            log.info("queued %d deliveries on new channels", added)
        return added

    def claim_due(
        self, limit: int = 10, lease: timedelta = DEFAULT_LEASE, channel: str | None = None
    ) -> list[Delivery]:
        """Pending deliveries whose time has come, oldest request first, hidden from other
        claims for ``lease`` (so the returned ``next_attempt_at`` is the lease's end). Record
        each outcome with one of the ``record_*`` methods."""
        now = self._clock.now()
        stamp, until = to_db_time(now), to_db_time(now + lease)
        params: list[object] = [stamp]
        channel_filter = ""
        if channel is not None:
            channel_filter = " AND d.channel = ?"
            params.append(channel)
        params.append(int(limit))
        with self._write("claim deliveries") as conn:
            rows = conn.execute(
                "SELECT d.request_id, d.channel FROM deliveries d JOIN requests r ON r.id = d.request_id"
                " WHERE d.state = 'pending' AND d.next_attempt_at <= ?"
                + channel_filter
                + " ORDER BY r.created_at, r.id, d.channel LIMIT ?",
                params,
            ).fetchall()
            conn.executemany(
                "UPDATE deliveries SET next_attempt_at = ? WHERE request_id = ? AND channel = ?",
                [(until, rid, ch) for rid, ch in rows],
            )
            claimed = [self._delivery(conn, rid, ch) for rid, ch in rows]
        return claimed

    def deliveries(self, request_id: str) -> list[Delivery]:
        with self._lock:
            rows = self._read(
                "read deliveries", "SELECT channel FROM deliveries WHERE request_id = ? ORDER BY channel", (request_id,)
            )
            try:
                return [self._delivery(self._conn, request_id, str(ch)) for (ch,) in rows]
            except sqlite3.Error as exc:
                raise storage_error(f"could not read deliveries from {self.path}", exc) from exc

    def delivery_counts(self) -> dict[DeliveryState, int]:
        counts = dict.fromkeys(DeliveryState, 0)
        for state, n in self._read("count deliveries", "SELECT state, COUNT(*) FROM deliveries GROUP BY state"):
            counts[DeliveryState(str(state))] = int(n)  # type: ignore[call-overload]  # COUNT(*) is an int; rows are typed object
        return counts

    def record_delivered(self, request_id: str, channel: str) -> Delivery:
        stamp = to_db_time(self._clock.now())
        with self._write("record a delivery") as conn:
            self._update_delivery(
                conn,
                request_id,
                channel,
                "state = 'delivered', attempts = attempts + 1, last_error = NULL, delivered_at = ?, updated_at = ?",
                (stamp, stamp),
            )
            self._settle_status(conn, request_id, stamp)
            delivery = self._delivery(conn, request_id, channel)
        log.info("request %s delivered on %s", request_id, channel)
        return delivery

    def record_retry(self, request_id: str, channel: str, error: str, retry_at: datetime) -> Delivery:
        """A temporary failure: try again at ``retry_at``. ``error`` must not contain patient
        data (pass the server's status line or the exception type, not the message sent)."""
        stamp = to_db_time(self._clock.now())
        with self._write("record a failed delivery") as conn:
            self._update_delivery(
                conn,
                request_id,
                channel,
                "attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ?",
                (error[:LAST_ERROR_MAX], to_db_time(retry_at), stamp),
            )
            delivery = self._delivery(conn, request_id, channel)
        log.info("request %s delivery on %s failed (attempt %d), will retry", request_id, channel, delivery.attempts)
        return delivery

    def record_permanent_failure(self, request_id: str, channel: str, error: str) -> Delivery:
        """The channel refused the request for good; the request becomes ``failed``."""
        stamp = to_db_time(self._clock.now())
        with self._write("record a failed delivery") as conn:
            self._update_delivery(
                conn,
                request_id,
                channel,
                "state = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ?",
                (error[:LAST_ERROR_MAX], stamp),
            )
            self._settle_status(conn, request_id, stamp)
            delivery = self._delivery(conn, request_id, channel)
        log.warning("request %s delivery on %s failed permanently", request_id, channel)
        return delivery

    def defer_channel(self, channel: str, until: datetime) -> datetime:
        """The channel cannot be reached: hold every pending delivery on it until ``until``, or
        until the latest retry already set on it if that is later. Returns that time.

        Deliveries that wait together go out together, oldest request first, when the
        channel is back; each with its own backoff would leave the oldest, which failed most
        often and waits longest, behind the newest."""
        with self._write("hold deliveries") as conn:
            (latest,) = conn.execute(
                "SELECT MAX(next_attempt_at) FROM deliveries WHERE channel = ? AND state = 'pending' AND attempts > 0",
                (channel,),
            ).fetchone()
            target = max(to_db_time(until), str(latest) if latest else "")
            conn.execute(
                "UPDATE deliveries SET next_attempt_at = ?"
                " WHERE channel = ? AND state = 'pending' AND next_attempt_at < ?",
                (target, channel, target),
            )
        return from_db_time(target)

    def bring_forward(self, channel: str, latest: datetime) -> int:
        """Pending deliveries on ``channel`` set to wait beyond ``latest`` are due now. Returns
        how many. The outbox passes the farthest any backoff or lease can reach: a retry set
        beyond it was set while the clock ran ahead (a wrong RTC, then an NTP step back), and
        would otherwise wait for the whole jump (months, for a clock that booted in the future)."""
        stamp = to_db_time(self._clock.now())
        with self._write("bring deliveries forward") as conn:
            count = conn.execute(
                "UPDATE deliveries SET next_attempt_at = ? WHERE channel = ? AND state = 'pending' AND next_attempt_at > ?",
                (stamp, channel, to_db_time(latest)),
            ).rowcount
        return int(count)

    def make_due(self, channel: str, keep_waiting: Sequence[str] = ()) -> int:
        """The channel works again: its pending deliveries that wait for a later retry are due
        now (but the requests in ``keep_waiting``). Returns how many."""
        stamp = to_db_time(self._clock.now())
        params: list[object] = [stamp, channel, stamp]
        skip = ""
        if keep_waiting:
            skip = f" AND request_id NOT IN ({', '.join('?' * len(keep_waiting))})"
            params += list(keep_waiting)
        with self._write("queue deliveries again") as conn:
            count = conn.execute(
                "UPDATE deliveries SET next_attempt_at = ?"
                " WHERE channel = ? AND state = 'pending' AND next_attempt_at > ?" + skip,
                params,
            ).rowcount
        return int(count)

    def retry_failed(self, request_id: str | None = None) -> int:
        """Put failed deliveries (of one request, or all) back in the queue, due now."""
        stamp = to_db_time(self._clock.now())
        where, params = "state = 'failed'", [stamp, stamp]
        if request_id is not None:
            where += " AND request_id = ?"
            params.append(request_id)
        with self._write("retry deliveries") as conn:
            if (
                request_id is not None
                and conn.execute("SELECT 1 FROM requests WHERE id = ?", (request_id,)).fetchone() is None
            ):
                raise RequestNotFound(request_id)
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT DISTINCT request_id FROM deliveries WHERE {where}", params[2:]
                ).fetchall()
            ]
            count = conn.execute(
                f"UPDATE deliveries SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE {where}",
                params,
            ).rowcount
            for rid in ids:
                self._settle_status(conn, rid, stamp)
        if count:
            log.info("%d failed deliveries queued again", count)
        return count

    def _update_delivery(
        self, conn: sqlite3.Connection, request_id: str, channel: str, assignments: str, params: Sequence[object]
    ) -> None:
        if (
            conn.execute(
                f"UPDATE deliveries SET {assignments} WHERE request_id = ? AND channel = ?",
                (*params, request_id, channel),
            ).rowcount
            != 1
        ):
            raise StorageError(f"no delivery of request {request_id} on channel {channel}")

    @staticmethod
    def _settle_status(conn: sqlite3.Connection, request_id: str, stamp: str) -> None:
        """Derive a request's status from its deliveries (staff's ``contacted`` always wins)."""
        states = {r[0] for r in conn.execute("SELECT state FROM deliveries WHERE request_id = ?", (request_id,))}
        if "failed" in states:
            status = RequestStatus.FAILED
        elif states == {"delivered"}:
            status = RequestStatus.DELIVERED
        else:
            status = RequestStatus.NEW
        conn.execute(
            "UPDATE requests SET status = ?,"
            " closed_at = CASE WHEN ? = 'delivered' THEN COALESCE(closed_at, ?) ELSE NULL END"
            " WHERE id = ? AND status NOT IN ('contacted', ?)",
            (status.value, status.value, stamp, request_id, status.value),
        )

    @staticmethod
    def _delivery(conn: sqlite3.Connection, request_id: str, channel: str) -> Delivery:
        row = conn.execute(
            "SELECT request_id, channel, state, attempts, last_error, next_attempt_at, delivered_at, updated_at"
            " FROM deliveries WHERE request_id = ? AND channel = ?",
            (request_id, channel),
        ).fetchone()
        if row is None:
            raise StorageError(f"no delivery of request {request_id} on channel {channel}")
        rid, ch, state, attempts, last_error, next_at, delivered_at, updated_at = row
        return Delivery(
            request_id=rid,
            channel=ch,
            state=DeliveryState(state),
            attempts=int(attempts),
            last_error=last_error,
            next_attempt_at=from_db_time(next_at),
            delivered_at=from_db_time(delivered_at) if delivered_at else None,
            updated_at=from_db_time(updated_at),
        )


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """None when SQLite's quick check finds the file sound, else its first finding."""
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return _reason(exc)
        raise
    findings = " ".join(" ".join(str(r[0]) for r in rows).split())
    return None if findings == "ok" else findings[:300]


def _row_to_request(row: tuple[object, ...]) -> StoredRequest:
    (rid, created_at, status, closed_at, name, phone, email, topics, contact_time, language, source_topic, consent) = (
        row
    )
    return StoredRequest(
        id=str(rid),
        created_at=from_db_time(str(created_at)),
        status=RequestStatus(status),
        closed_at=from_db_time(str(closed_at)) if closed_at else None,
        request=InfoRequest(
            name=str(name),
            phone=None if phone is None else str(phone),
            email=None if email is None else str(email),
            topics=tuple(json.loads(str(topics))),
            contact_time=ContactTime(contact_time),
            language=str(language),
            source_topic=None if source_topic is None else str(source_topic),
            consent=bool(consent),
        ),
    )
