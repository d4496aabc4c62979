"""The render service: no QObject in its workers (watched from inside Qt), priorities,
superseded requests, the bounded cache, errors, shutdown, and renders identical to the
GUI thread's."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from kiosk.core.model import Deck, Slide
from kiosk.ui.render.errors import SlideRenderError
from kiosk.ui.render.service import Priority, RenderResult, RenderService, RenderSpec
from kiosk.ui.render.slide_renderer import SlideRenderer
from tests.helpers.decks import deck_of, everyday_slides
from tests.helpers.kiosk import bundled_deck
from tests.helpers.qobject_watch import installed_watch

SIZES = (QSize(1920, 1080), QSize(1080, 1920))


@pytest.fixture(scope="module")
def qobject_watch(tmp_path_factory: pytest.TempPathFactory):
    with installed_watch(tmp_path_factory.mktemp("qobject-watch")) as watch:
        yield watch


def collect(qtbot, service: RenderService, specs: list[RenderSpec], **options) -> dict[tuple, RenderResult]:
    results: dict[tuple, RenderResult] = {}
    for spec in specs:
        service.request(spec, lambda result: results.__setitem__(result.key, result), **options)
    qtbot.waitUntil(lambda: len(results) == len({s.key for s in specs}), timeout=60000)
    return results


def every_way(deck: Deck, slides: list[Slide]) -> list[RenderSpec]:
    specs = []
    for slide in slides:
        for size in SIZES:
            for language, large in (("en", False), ("es", True)):
                specs.append(RenderSpec.of(deck, slide, size, language, large_text=large))
        specs.append(RenderSpec.of(deck, slide, QSize(1080, 1590), "es", large_text=True, scrolled=True))
    return specs


def test_no_render_makes_a_qobject_in_its_worker(qapp, qtbot, qobject_watch, tmp_path: Path) -> None:
    """The clinic's pack (SVG drawings) and photos (PNG, JPEG) in every way the kiosk renders
    them: the workers make no QObject of their own. Only Qt's once-per-thread set-up is
    allowed (the thread's QThread and font cache, the painting helper threads)."""
    pack = bundled_deck()
    photos = deck_of(tmp_path, everyday_slides(tmp_path))
    service = RenderService(workers=2)
    # Both workers started (a worker starts when there is work for it, and ends when idle).
    warm = collect(qtbot, service, [RenderSpec.of(pack, s, SIZES[0]) for s in pack.slides[:4]])
    assert all(r.ok for r in warm.values())
    workers = service.worker_idents()
    assert len(workers) == 2
    specs = every_way(pack, list(pack.slides)) + every_way(photos, list(photos.slides))
    with qobject_watch.watching(workers) as made:
        results = collect(qtbot, service, specs)
    assert service.worker_idents() == workers  # the same two did all the work
    service.stop()
    assert all(r.ok for r in results.values()), [r.error for r in results.values() if not r.ok]
    own = [m.describe() for m in made if not m.is_per_thread_internal]
    assert own == [], "QObjects made in a render worker:\n" + "\n".join(own)
    # Qt's per-thread set-up happens a few times per thread at most, however many renders ran.
    assert len(made) <= 8 * len(workers), [m.describe() for m in made]


def test_the_watch_sees_a_qobject_made_in_a_worker_thread(qapp, qobject_watch) -> None:
    """The check above can fail: a QTextDocument (what slides were laid out with before) made
    in a thread is seen, with its class."""
    from PySide6.QtGui import QTextDocument

    def build() -> None:
        document = QTextDocument()
        document.setPlainText("x")

    start = threading.Event()

    def when_watched() -> None:
        start.wait()
        build()

    holder = threading.Thread(target=when_watched)
    holder.start()
    assert holder.ident is not None
    with qobject_watch.watching([holder.ident]) as made:
        start.set()
        holder.join()
    assert any("QTextDocument" in m.describe() for m in made if not m.is_per_thread_internal), [
        m.describe() for m in made
    ]


def test_renders_match_the_gui_threads_and_are_deterministic(qapp, qtbot, tmp_path: Path) -> None:
    """Four workers rendering everything twice give exactly what the GUI thread draws."""
    slides = everyday_slides(tmp_path)
    deck = deck_of(tmp_path, slides)
    renderer = SlideRenderer(deck)
    specs = [RenderSpec.of(deck, s, size) for s in slides.values() for size in SIZES]
    expected = {spec.key: renderer.render(spec.slide, spec.size) for spec in specs}
    for _ in range(2):
        service = RenderService(workers=4)
        results = collect(qtbot, service, specs)
        service.stop()
        for key, result in results.items():
            assert result.image == expected[key], key[1]


class SlowRenderer:
    """Records the order slides are rendered in; each render takes ``delay`` seconds."""

    def __init__(self, deck: Deck, order: list[str], delay: float = 0.05, gate: threading.Event | None = None) -> None:
        self.order = order
        self.delay = delay
        self.gate = gate

    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        if self.gate is not None:
            self.gate.wait(10)
        self.order.append(slide.id)
        time.sleep(self.delay)  # stands for the work of a real render
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#336699"))
        return image

    def render_scrolled(self, slide: Slide, view: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        return self.render(slide, view, language, large_text=large_text)


def test_urgent_requests_go_first_and_superseded_ones_never_run(qapp, qtbot, tmp_path: Path) -> None:
    deck = deck_of(tmp_path, everyday_slides(tmp_path))
    order: list[str] = []
    gate = threading.Event()
    service = RenderService(renderer_factory=lambda d: SlowRenderer(d, order, 0.0, gate), workers=1)
    first, *others = deck.slides
    done: list[str] = []
    browser, thumbnails = object(), object()
    # The worker takes the first request and waits at the gate; the rest queue up.
    service.request(RenderSpec.of(deck, first, QSize(400, 300)), lambda r: done.append(r.spec.slide.id))
    qtbot.waitUntil(lambda: service.is_pending(RenderSpec.of(deck, first, QSize(400, 300))))
    for slide in others:
        service.request(
            RenderSpec.of(deck, slide, QSize(400, 300)),
            lambda r: done.append(r.spec.slide.id),
            priority=Priority.BACKGROUND,
            owner=thumbnails,
        )
    urgent = RenderSpec.of(deck, others[-1], QSize(800, 600))
    service.request(urgent, lambda r: done.append("urgent"), priority=Priority.SHOWN, owner=browser)
    # The patient moved on before the thumbnails were needed: all but one are dropped.
    keep = RenderSpec.of(deck, others[0], QSize(400, 300)).key
    service.cancel_owner(thumbnails, keep={keep})
    gate.set()
    qtbot.waitUntil(lambda: not service.busy, timeout=10000)
    assert order == [first.id, others[-1].id, others[0].id]
    assert done == [first.id, "urgent", others[0].id]
    service.stop()


def test_a_second_request_for_the_same_image_joins_the_first(qapp, qtbot, tmp_path: Path) -> None:
    deck = deck_of(tmp_path, everyday_slides(tmp_path))
    order: list[str] = []
    service = RenderService(renderer_factory=lambda d: SlowRenderer(d, order), workers=2)
    spec = RenderSpec.of(deck, deck.slides[0], QSize(400, 300))
    got: list[RenderResult] = []
    service.request(spec, got.append, priority=Priority.BACKGROUND)
    service.request(RenderSpec.of(deck, deck.slides[0], QSize(400, 300)), got.append, priority=Priority.SHOWN)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    assert order == [deck.slides[0].id] and got[0].image is got[1].image
    service.stop()


def test_the_cache_is_bounded_by_bytes_and_serves_at_once(qapp, qtbot, tmp_path: Path) -> None:
    deck = deck_of(tmp_path, everyday_slides(tmp_path))
    order: list[str] = []
    one_image = 400 * 300 * 4
    service = RenderService(
        renderer_factory=lambda d: SlowRenderer(d, order, 0.0), workers=1, cache_bytes=2 * one_image
    )
    specs = [RenderSpec.of(deck, s, QSize(400, 300)) for s in deck.slides[:3]]
    collect(qtbot, service, specs)
    assert [service.cached(s) is not None for s in specs].count(True) == 2
    assert service.cached(specs[0]) is None  # the oldest went first
    got: list[RenderResult] = []
    service.request(specs[2], got.append)
    assert len(got) == 1 and got[0].ok  # from the cache, synchronously
    assert order.count(specs[2].slide.id) == 1
    service.stop()


class FailingRenderer(SlowRenderer):
    def render(self, slide: Slide, size: QSize, language: str = "en", *, large_text: bool = False) -> QImage:
        if slide.id.startswith("b"):
            raise SlideRenderError("images/broken.png: cannot decode the image")
        raise ZeroDivisionError("a renderer bug")


@pytest.mark.qt_log_ignore(".*")
def test_errors_come_back_as_results_and_bugs_are_logged(qapp, qtbot, tmp_path: Path, caplog) -> None:
    slides = everyday_slides(tmp_path)
    deck = deck_of(tmp_path, slides)
    service = RenderService(renderer_factory=lambda d: FailingRenderer(d, []))
    bad = replace(slides["info"], id="bad")
    buggy = replace(slides["info"], id="crash")
    results = collect(qtbot, service, [RenderSpec.of(deck, bad, QSize(400, 300)), RenderSpec.of(deck, buggy, SIZES[0])])
    by_id = {r.spec.slide.id: r for r in results.values()}
    assert by_id["bad"].error.endswith("cannot decode the image") and by_id["bad"].expected
    assert "ZeroDivisionError: a renderer bug" in by_id["crash"].error and not by_id["crash"].expected
    assert "renderer crashed on slide crash" in caplog.text
    service.stop()


def test_stop_is_prompt_and_the_timer_runs_only_while_work_is_outstanding(qapp, qtbot, tmp_path: Path) -> None:
    deck = deck_of(tmp_path, everyday_slides(tmp_path))
    order: list[str] = []
    service = RenderService(renderer_factory=lambda d: SlowRenderer(d, order, 0.3), workers=2)
    assert not service._timer.isActive()
    for slide in deck.slides:
        for width in (400, 500, 600):
            service.request(RenderSpec.of(deck, slide, QSize(width, 300)), lambda _r: None)
    assert service._timer.isActive()
    qtbot.waitUntil(lambda: len(order) >= 2, timeout=5000)
    started = time.monotonic()
    assert service.stop(timeout=2.0)
    # The two renders in hand finish (0.3 s); the dozen queued ones never start.
    assert time.monotonic() - started < 1.0
    assert len(order) <= 4 and not service._timer.isActive()
    idle = RenderService(renderer_factory=lambda d: SlowRenderer(d, []), workers=1)
    collect(qtbot, idle, [RenderSpec.of(deck, deck.slides[0], QSize(400, 300))])
    qtbot.waitUntil(lambda: not idle._timer.isActive(), timeout=1000)
    idle.stop()


def test_an_svg_picture_is_drawn_on_the_gui_thread_for_a_worker(qapp, qtbot, tmp_path: Path, monkeypatch) -> None:
    from kiosk.ui.render import service as service_module

    drawn_on: list[bool] = []
    real = service_module.draw_svg

    def spy(data: bytes, size: QSize) -> QImage:
        drawn_on.append(threading.current_thread() is threading.main_thread())
        return real(data, size)

    monkeypatch.setattr(service_module, "draw_svg", spy)
    slides = everyday_slides(tmp_path)
    deck = deck_of(tmp_path, slides)
    service = RenderService()
    results = collect(qtbot, service, [RenderSpec.of(deck, slides["exercise"], SIZES[1])])
    service.stop()
    assert all(r.ok for r in results.values()) and drawn_on and all(drawn_on)


def test_an_svg_picture_in_a_thread_of_no_service_is_an_error_not_a_qobject(qapp, tmp_path: Path) -> None:
    slides = everyday_slides(tmp_path)
    renderer = SlideRenderer(deck_of(tmp_path, slides))
    errors: list[str] = []

    def render() -> None:
        try:
            renderer.render(slides["exercise"], SIZES[0])
        except SlideRenderError as error:
            errors.append(str(error))

    thread = threading.Thread(target=render)
    thread.start()
    thread.join()
    assert errors and "GUI thread or by the render service" in errors[0]


def test_high_contrast_slides_are_light_on_black(qapp, tmp_path: Path) -> None:
    from kiosk.ui.render.contrast import contrast_ratio

    slides = everyday_slides(tmp_path)
    renderer = SlideRenderer(deck_of(tmp_path, slides))
    for slide in slides.values():
        layout = renderer.layout(slide, SIZES[0], high_contrast=True)
        assert layout.background.name() == "#000000"
        for text in layout.texts:
            assert contrast_ratio(text.color, text.background) >= 7.0, (slide.id, text.role)


def test_idle_workers_end_and_come_back_for_new_work(qapp, qtbot, tmp_path: Path, monkeypatch) -> None:
    from kiosk.ui.render import service as service_module

    monkeypatch.setattr(service_module, "IDLE_EXIT_S", 0.2)
    deck = deck_of(tmp_path, everyday_slides(tmp_path))
    service = RenderService(renderer_factory=lambda d: SlowRenderer(d, [], 0.0), workers=2)
    collect(qtbot, service, [RenderSpec.of(deck, deck.slides[0], QSize(400, 300))])
    assert len(service.worker_idents()) == 1  # one job: one worker
    qtbot.waitUntil(lambda: not service.worker_idents(), timeout=3000)
    results = collect(qtbot, service, [RenderSpec.of(deck, s, QSize(300, 200)) for s in deck.slides])
    assert all(r.ok for r in results.values())
    service.stop()
