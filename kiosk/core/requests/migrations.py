"""The requests database schema, as numbered steps kept in ``PRAGMA user_version``.

Each step runs in its own transaction together with the version bump, so a crash mid-upgrade
leaves the database at the previous version, and the next start retries the step. Steps are
only ever appended: a released step is never edited.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.core.requests.errors import SchemaTooNewError, StorageError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """
    CREATE TABLE requests (
        id                TEXT PRIMARY KEY,
        idempotency_token TEXT NOT NULL UNIQUE,
        created_at        TEXT NOT NULL,
        status            TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted')),
        contacted_at      TEXT,
        name              TEXT NOT NULL,
        phone             TEXT,
        email             TEXT,
        topics            TEXT NOT NULL DEFAULT '[]',
        contact_time      TEXT NOT NULL,
        language          TEXT NOT NULL,
        source_topic      TEXT,
        consent           INTEGER NOT NULL CHECK (consent = 1),
        CHECK (phone IS NOT NULL OR email IS NOT NULL)
    )
    """,
    "CREATE INDEX requests_by_created ON requests (created_at, id)",
)

# v2: the delivery outbox (issue 6). SQLite cannot change a CHECK constraint in place, so the
# requests table is rebuilt to allow the delivered/failed states; contacted_at becomes
# closed_at (when a request became delivered or contacted; retention counts from it).
_V2 = (
    """
    CREATE TABLE requests_v2 (
        id                TEXT PRIMARY KEY,
        idempotency_token TEXT NOT NULL UNIQUE,
        created_at        TEXT NOT NULL,
        status            TEXT NOT NULL DEFAULT 'new'
                          CHECK (status IN ('new', 'delivered', 'failed', 'contacted')),
        closed_at         TEXT,
        name              TEXT NOT NULL,
        phone             TEXT,
        email             TEXT,
        topics            TEXT NOT NULL DEFAULT '[]',
        contact_time      TEXT NOT NULL,
        language          TEXT NOT NULL,
        source_topic      TEXT,
        consent           INTEGER NOT NULL CHECK (consent = 1),
        CHECK (phone IS NOT NULL OR email IS NOT NULL)
    )
    """,
    """
    INSERT INTO requests_v2 (id, idempotency_token, created_at, status, closed_at, name, phone,
                             email, topics, contact_time, language, source_topic, consent)
    SELECT id, idempotency_token, created_at, status, contacted_at, name, phone,
           email, topics, contact_time, language, source_topic, consent
    FROM requests
    """,
    "DROP TABLE requests",
    "ALTER TABLE requests_v2 RENAME TO requests",
    "CREATE INDEX requests_by_created ON requests (created_at, id)",
    "CREATE INDEX requests_by_status ON requests (status, closed_at)",
    """
    CREATE TABLE deliveries (
        request_id      TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        channel         TEXT NOT NULL,
        state           TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error      TEXT,
        next_attempt_at TEXT NOT NULL,
        delivered_at    TEXT,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (request_id, channel)
    )
    """,
    "CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "requests", _V1),
    Migration(2, "delivery outbox; delivered/failed states; closed_at", _V2),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Bring the database up to ``target``; returns the version it is at afterwards.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so that each step's
    BEGIN/COMMIT here is the only transaction.
    """
    if not 0 <= target <= LATEST_VERSION:
        raise ValueError(f"no schema version {target} (latest is {LATEST_VERSION})")
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise SchemaTooNewError(
            f"the requests database has schema version {current}, but this kiosk only knows "
            f"versions up to {LATEST_VERSION}; it was written by a newer kiosk - upgrade the "
            "kiosk software instead of opening it with this one"
        )
    for step in MIGRATIONS:
        if step.version <= current or step.version > target:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            # Another process may have migrated while we waited for the write lock.
            if schema_version(conn) >= step.version:
                conn.execute("COMMIT")
                continue
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageError(
                f"could not upgrade the requests database to schema version {step.version} ({step.description}): {exc}"
            ) from exc
        current = step.version
    return schema_version(conn)
