"""Damaging a real request database the way a failing disk does: garbage over whole pages.

Not a test module: the damaged-database tests (core and ui) import it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def damage_table_page(path: Path, table: str = "deliveries") -> int:
    """Overwrite the first leaf page of ``table`` (its oldest rows) with garbage; the file
    must be closed (no WAL left). Returns the page number. New rows go to the last leaf, so
    SQLite still accepts inserts into such a file while reads of old rows fail "malformed"."""
    with sqlite3.connect(path) as conn:
        try:
            pages = conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,)
            ).fetchall()
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find a table's pages")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert len(pages) >= 2, f"{table} needs more than one page to damage one of them"
    page = int(pages[0][0])
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xa5" * page_size)
    return page
