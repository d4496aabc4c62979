"""The stats writer and the insights recorder as the kiosk wires them, for tests and
benchmarks: events go to a real stats.db through the writer's own thread."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.core.clock import Clock
from kiosk.core.stats.figures import Figures
from kiosk.core.stats.writer import StatsWriter
from kiosk.ui.insights.recorder import InsightsRecorder
from kiosk.ui.shell import KioskShell

#: Longer than any test: the writer writes when asked (flush, figures) or stopped, not on its own.
NEVER_S = 3600.0


@contextmanager
def recording(
    shell: KioskShell, clock: Clock, path: Path, *, retention_days: int = 365
) -> Iterator[tuple[InsightsRecorder, StatsWriter]]:
    writer = StatsWriter(path, clock, retention_days=retention_days, interval=NEVER_S)
    writer.start()
    recorder = InsightsRecorder(clock, writer.put)
    recorder.attach(shell)
    # As kiosk run's "insights" step does: the admin screen reads its figures through the hook.
    shell.hooks = replace(shell.hooks, insights=writer.figures)
    try:
        yield recorder, writer
    finally:
        recorder.finish()
        assert writer.stop(10.0)


def figures_now(writer: StatsWriter, clock: Clock, days: float = 1.0) -> Figures:
    """Everything written up to now, for the ``days`` before the clock's time (UTC hours)."""
    now: datetime = clock.now()
    return writer.figures(now - timedelta(days=days), now + timedelta(hours=1), UTC).result(10)
