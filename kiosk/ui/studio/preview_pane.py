"""The live preview: the slide being edited, drawn by the kiosk's own renderer at the kiosk's
size, as it stands (unsaved changes included); landscape or portrait, English or Spanish,
normal or larger text, and high contrast.

Each change builds a one-slide pack off the GUI thread (kiosk.core.studio.preview_pack: the
real loader, so what is drawn is exactly what the kiosk would draw) and asks the render
service for the picture; a newer change supersedes one still on its way.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.studio.keys import DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.preview_pack import Preview, PreviewRequest
from kiosk.ui.render.service import Priority, RenderResult, RenderService, RenderSpec
from kiosk.ui.studio.tasks import Tasks

LANDSCAPE = QSize(1920, 1080)
#: Quiet time after a keystroke before the preview is redrawn: typing stays smooth.
DEBOUNCE_MS = 120


class PreviewPane(QWidget):
    """Shows one slide as the kiosk draws it."""

    #: A new picture is on screen (tests and the keystroke benchmark wait for it).
    shown = Signal()

    def __init__(
        self,
        model: StudioModel,
        renders: RenderService,
        tasks: Tasks,
        *,
        size: QSize = LANDSCAPE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._renders = renders
        self._tasks = tasks
        self._landscape = QSize(size)
        self._key: DocKey | None = None
        self._preview: Preview | None = None
        #: Built, its picture not drawn yet (released if a newer one comes first).
        self._pending: Preview | None = None
        self._image: QImage | None = None
        #: What the picture on screen shows, for tests: (slide id, model revision).
        self.showing: tuple[str, int] | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._build)

        self.portrait = QRadioButton(self.tr("Portrait"))
        self.landscape = QRadioButton(self.tr("Landscape"))
        self.landscape.setChecked(True)
        self.spanish = QCheckBox(self.tr("Español"))
        self.large_text = QCheckBox(self.tr("Larger text"))
        self.high_contrast = QCheckBox(self.tr("High contrast"))
        orientation = QButtonGroup(self)
        for button in (self.landscape, self.portrait):
            orientation.addButton(button)
        for toggle in (self.landscape, self.portrait, self.spanish, self.large_text, self.high_contrast):
            toggle.toggled.connect(lambda _on: self.update_soon(now=True))
        self.landscape.setAccessibleName(self.tr("Preview in landscape"))
        self.portrait.setAccessibleName(self.tr("Preview in portrait"))
        self.spanish.setAccessibleName(self.tr("Preview in Spanish"))
        self.large_text.setAccessibleName(self.tr("Preview with larger text"))
        self.high_contrast.setAccessibleName(self.tr("Preview in high contrast"))

        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(QSize(320, 180))
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.picture.setStyleSheet("background: #1b2a33;")
        self.picture.setAccessibleName(self.tr("Preview of the slide as the kiosk shows it"))
        self.status = QLabel()
        self.status.setWordWrap(True)

        toggles = QHBoxLayout()
        for toggle in (self.landscape, self.portrait, self.spanish, self.large_text, self.high_contrast):
            toggles.addWidget(toggle)
        toggles.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(toggles)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.status)

    @property
    def kiosk_size(self) -> QSize:
        if self.portrait.isChecked():
            return QSize(self._landscape.height(), self._landscape.width())
        return QSize(self._landscape)

    @property
    def language(self) -> str:
        return "es" if self.spanish.isChecked() else "en"

    @property
    def image(self) -> QImage | None:
        """The kiosk's picture of the slide now shown (full size)."""
        return self._image

    def show_key(self, key: DocKey | None) -> None:
        self._key = key
        self.update_soon(now=True)

    def update_soon(self, *, now: bool = False) -> None:
        """Redraw after the next quiet moment (at once with ``now``)."""
        if now:
            self._debounce.stop()
            self._build()
        else:
            self._debounce.start()

    def _build(self) -> None:
        key = self._key
        if key is None or key.is_clinic:
            # Clinic details show on whichever slide was last previewed: rebuild that one.
            key = self._last_slide_key()
            if key is None:
                self.status.setText(self.tr("Choose a slide to see it as the kiosk shows it."))
                return
        try:
            row = self._model.slide(key)
        except KeyError:  # deleted meanwhile
            self.status.setText(self.tr("Choose a slide to see it as the kiosk shows it."))
            return
        text = self._model.file_text(key.path)
        if row.id is None or text is None:
            self.status.setText(self.tr("This slide has no id yet, so it cannot be previewed."))
            return
        request = PreviewRequest(
            root=self._model.root,
            clinic_yaml=self._model.file_text("clinic.yaml"),
            slide_file=key.path,
            slide_yaml=text,
            slide_id=row.id,
            revision=self._model.revision,
            screen_size=(self.kiosk_size.width(), self.kiosk_size.height()),
            now=None,
        )
        self._tasks.run(request.run, self._built, key="preview", discard=lambda preview: preview.release())

    def _last_slide_key(self) -> DocKey | None:
        if self._preview is not None and self._preview.slide is not None:
            return self._model.find(self._preview.slide.id)
        rows = self._model.slides()
        return rows[0].key if rows else None

    def _built(self, preview: Preview) -> None:
        if preview.deck is None or preview.slide is None:
            first = preview.errors[0] if preview.errors else None
            self.status.setText(
                self.tr("Not drawn: {problem}").format(problem=first) if first else self.tr("Not drawn.")
            )
            self.status.setStyleSheet("color: #b3261e;")
            preview.release()
            return
        spec = RenderSpec.of(
            preview.deck,
            preview.slide,
            self.kiosk_size,
            self.language,
            large_text=self.large_text.isChecked(),
            high_contrast=self.high_contrast.isChecked(),
        )
        self._renders.cancel_owner(self)
        if self._pending is not None:
            self._pending.release()
        self._pending = preview
        self._renders.request(spec, lambda result: self._drawn(preview, result), priority=Priority.SHOWN, owner=self)

    def _drawn(self, preview: Preview, result: RenderResult) -> None:
        if self._pending is preview:
            self._pending = None
        if self._preview is not None and self._preview is not preview:
            self._preview.release()
        self._preview = preview
        if result.image is None:
            self.status.setText(self.tr("The kiosk could not draw this slide: {reason}").format(reason=result.error))
            self.status.setStyleSheet("color: #b3261e;")
            return
        self._image = result.image
        self.showing = (preview.slide_id, preview.revision)
        self._fit()
        size = self.kiosk_size
        warnings = [p for p in preview.problems if not p.is_error]
        note = self.tr("As the kiosk shows it, {width}x{height}").format(width=size.width(), height=size.height())
        if warnings:
            note += " — " + self.tr("%n warning(s): see the fields", "", len(warnings))
        self.status.setText(note)
        self.status.setStyleSheet("color: #5b6b73;")
        self.shown.emit()

    def _fit(self) -> None:
        if self._image is None:
            return
        scaled = self._image.scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.picture.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def release(self) -> None:
        """Remove the preview's staging pack (the window is closing)."""
        self._renders.cancel_owner(self)
        for preview in (self._preview, self._pending):
            if preview is not None:
                preview.release()
        self._preview = self._pending = None
