"""Errors the request store raises. Messages carry paths, ids and SQLite's reason, never
anything the patient typed."""

from __future__ import annotations


class StorageError(Exception):
    """The request could not be saved or read (disk full, read-only, corrupt, locked...).

    The UI answers a failed submit with "could not save, please ask the front desk".
    """


class DatabaseDamaged(StorageError):
    """The database file is damaged (SQLite finds it malformed, or not a database at all).

    Nothing more is stored in it: a request written there might never be read back or sent.
    IT restores it from a backup or moves it aside (docs/deploy.md).
    """


class SchemaTooNewError(StorageError):
    """The database was written by a newer kiosk; this code must not touch it."""


class RequestNotFound(StorageError):
    def __init__(self, request_id: str):
        self.request_id = request_id
        super().__init__(f"no request with id {request_id}")
