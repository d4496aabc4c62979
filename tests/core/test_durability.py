"""Acknowledged means stored: a child submits requests in a loop and is killed with SIGKILL
at random moments, again and again, on the same database.

The child prints ``<index> <id>`` only after ``submit`` returned (what the thank-you screen
waits for). The parent waits for a seeded-random number of new acknowledgements, kills the
child, restarts it from the next index. A request whose commit landed but whose
acknowledgement did not is resubmitted with the same idempotency token, as a form would after
a crash, and must come back with the same id rather than a second row.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

KILLS = 60
MAX_ACKS_BEFORE_KILL = 6
SEED = 20261126
LINE_TIMEOUT_S = 20.0  # a child that acknowledges nothing for this long is hung: fail, don't wait

CHILD = textwrap.dedent(
    """
    import sys
    from kiosk.core.requests.model import RequestInput, parse_request
    from kiosk.core.requests.store import RequestStore

    path, index = sys.argv[1], int(sys.argv[2])
    store = RequestStore(path)
    request = parse_request(RequestInput(name="Durable Patient", phone="303-555-0123",
                                         topics=["back-pain"], consent=True))
    out = sys.stdout.buffer
    while True:
        stored = store.submit(request, f"token-{index}", channels=["smtp", "webhook"])
        out.write(f"{index} {stored.id}\\n".encode())
        out.flush()
        index += 1
    """
)


class LineReader:
    """Complete lines from a child's stdout pipe, waiting on the pipe itself (no sleeps)."""

    def __init__(self, proc: subprocess.Popen[bytes]):
        assert proc.stdout is not None
        self._stdout = proc.stdout
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._stdout, selectors.EVENT_READ)
        self._buffer = b""
        self.eof = False

    def _fill(self, timeout: float | None) -> None:
        if not self._selector.select(timeout):
            raise TimeoutError("the child acknowledged nothing in time")
        chunk = os.read(self._stdout.fileno(), 65536)
        if chunk:
            self._buffer += chunk
        else:
            self.eof = True

    def lines(self, want: int) -> list[bytes]:
        """At least ``want`` complete lines (fewer only if the child exited)."""
        deadline = time.monotonic() + LINE_TIMEOUT_S
        while self._buffer.count(b"\n") < want and not self.eof:
            self._fill(max(0.0, deadline - time.monotonic()))
        return self._take()

    def rest(self) -> list[bytes]:
        """Everything left after the child died; a torn last line was never acknowledged."""
        while not self.eof:
            self._fill(LINE_TIMEOUT_S)
        return self._take()

    def _take(self) -> list[bytes]:
        *complete, self._buffer = self._buffer.split(b"\n")
        return complete

    def close(self) -> None:
        self._selector.close()
        self._stdout.close()


@pytest.mark.slow
def test_every_acknowledged_request_survives_sigkill(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    db = tmp_path / "data" / "requests.db"
    acked: dict[int, str] = {}
    next_index = 0
    kills_after_acks = 0
    for kill in range(KILLS):
        stderr_path = tmp_path / f"child-{kill}.err"
        with open(stderr_path, "wb") as stderr:
            proc = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(db), str(next_index)],
                stdout=subprocess.PIPE,
                stderr=stderr,
                bufsize=0,
            )
        reader = LineReader(proc)
        try:
            # Zero means "kill while it is still starting up" (opening, migrating, recovering).
            want = rng.randint(0, MAX_ACKS_BEFORE_KILL)
            got = reader.lines(want)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            got += reader.rest()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            reader.close()
        assert proc.returncode == -signal.SIGKILL, stderr_path.read_text(errors="replace")[-3000:]
        for line in got:
            index_text, request_id = line.decode().split()
            index = int(index_text)
            assert index not in acked, f"index {index} acknowledged twice"
            acked[index] = request_id
            next_index = index + 1
        kills_after_acks += bool(want)
    assert len(acked) >= KILLS, "the children acknowledged too little to prove anything"
    assert kills_after_acks >= KILLS // 2

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = dict(conn.execute("SELECT idempotency_token, id FROM requests").fetchall())
        # Every acknowledged request is there, under the id the patient's screen was given.
        for index, request_id in acked.items():
            assert rows.get(f"token-{index}") == request_id, index
        # Nothing duplicated: one row per token, ids unique, and at most one committed but
        # never-acknowledged request (the one in flight at the last kill).
        assert len(set(rows.values())) == len(rows)
        assert set(rows) - {f"token-{i}" for i in acked} <= {f"token-{next_index}"}
        assert sorted(acked) == list(range(len(acked)))
        # Each request's outbox rows were committed with it.
        assert conn.execute(
            "SELECT COUNT(*) FROM requests r WHERE (SELECT COUNT(*) FROM deliveries d WHERE d.request_id = r.id) != 2"
        ).fetchone() == (0,)
    finally:
        conn.close()
    for path in db.parent.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
