"""The stats database's schema, as numbered steps kept in ``PRAGMA user_version`` (the same
scheme as the requests database's: each step and its version bump in one transaction; steps
are only ever appended).

Nothing here can point at a request: no table has a request id, a name or contact details,
and every time of a patient's action is a whole hour (``hour``: hours since 1970 UTC). The
tables of counts are ``WITHOUT ROWID``, stored in key order, so not even the order rows were
first written in says which counts came from the same visit.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


class StatsError(Exception):
    """The stats database cannot be opened, read or written (full, read-only, locked...).
    Messages carry the path and SQLite's reason: there is no patient data to leak."""


class StatsDamaged(StatsError):
    """The file is damaged (malformed, or not a database)."""


class StatsTooNew(StatsError):
    """The file was written by a newer kiosk; this code must not change it."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    # Slide ids and content versions once each; plays refer to them by number (a year of
    # proof of play is mostly these references: bench/stats.py).
    """
    CREATE TABLE shown_slides (
        id      INTEGER PRIMARY KEY,
        slide   TEXT NOT NULL,
        version TEXT NOT NULL,
        UNIQUE (slide, version)
    )
    """,
    # Raw proof of play, one row per slide shown, for RAW_DAYS; then rolled up into play_hours.
    """
    CREATE TABLE plays (
        shown_at INTEGER NOT NULL,
        slide    INTEGER NOT NULL,
        ms       INTEGER NOT NULL CHECK (ms >= 0)
    )
    """,
    "CREATE INDEX plays_by_time ON plays (shown_at)",
    """
    CREATE TABLE play_hours (
        hour  INTEGER NOT NULL,
        slide INTEGER NOT NULL,
        shows INTEGER NOT NULL CHECK (shows >= 0),
        ms    INTEGER NOT NULL CHECK (ms >= 0),
        PRIMARY KEY (hour, slide)
    ) WITHOUT ROWID
    """,
    # Raw visits: the hour each began, its length and how it ended; rolled up into tallies.
    """
    CREATE TABLE visits (
        hour    INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('back', 'idle', 'request', 'other')),
        ms      INTEGER NOT NULL CHECK (ms >= 0)
    )
    """,
    "CREATE INDEX visits_by_hour ON visits (hour)",
    """
    CREATE TABLE tallies (
        hour  INTEGER NOT NULL,
        kind  TEXT NOT NULL,
        key   TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        ms    INTEGER NOT NULL CHECK (ms >= 0),
        PRIMARY KEY (hour, kind, key)
    ) WITHOUT ROWID
    """,
)

MIGRATIONS: tuple[Migration, ...] = (Migration(1, "proof of play, visits and hourly counts", _V1),)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection, path: object) -> int:
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise StatsTooNew(
            f"the stats database {path} has schema version {current}, but this kiosk only knows versions up to "
            f"{LATEST_VERSION}; it was written by a newer kiosk - upgrade the kiosk software"
        )
    return current


def migrate(conn: sqlite3.Connection, path: object) -> int:
    """Bring the database up to the latest version (``conn`` in autocommit mode)."""
    current = check_version(conn, path)
    for step in MIGRATIONS:
        if step.version <= current:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            if schema_version(conn) >= step.version:  # another process got there first
                conn.execute("COMMIT")
                continue
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        current = step.version
    return schema_version(conn)
