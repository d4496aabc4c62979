"""While the kiosk runs, garbage cycles are collected on the GUI thread, never in a worker
that happens to be allocating (kiosk/ui/collector.py)."""

from __future__ import annotations

import gc
import threading

from kiosk.ui.collector import GuiThreadCollector


class Sentinel:
    """Garbage in a cycle that remembers which thread collected it."""

    def __init__(self, collected_in: list[str]) -> None:
        self.collected_in = collected_in
        self.me = self

    def __del__(self) -> None:
        self.collected_in.append(threading.current_thread().name)


def test_cycles_are_collected_on_the_gui_thread_not_in_an_allocating_worker(qapp, qtbot) -> None:
    collector = GuiThreadCollector(interval_ms=10)
    collector.start()
    try:
        assert not gc.isenabled()
        collected_in: list[str] = []
        sentinel = Sentinel(collected_in)
        assert sentinel.me is sentinel
        del sentinel  # only its own cycle holds it now

        kept: list[list[int]] = []

        def allocate() -> None:
            # Far past the first generation's threshold: the collector would have run here.
            kept.extend([i] for i in range(gc.get_threshold()[0] * 20))

        worker = threading.Thread(target=allocate, name="allocating-worker")
        worker.start()
        worker.join()
        assert collected_in == []
        qtbot.waitUntil(lambda: collected_in != [], timeout=5000)
        assert collected_in == [threading.main_thread().name]
        assert sum(collector.collections) >= 1
    finally:
        collector.stop()
    assert gc.isenabled()


def test_the_kiosk_runs_its_collector_and_gives_collection_back_when_it_stops(qapp, qtbot) -> None:
    from tests.helpers.kiosk import running_kiosk

    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        assert not gc.isenabled()
        assert kiosk.window.collector is not None
    assert gc.isenabled()
