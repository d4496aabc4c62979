"""Kiosk Studio's window: the slides at a glance, an editor for the chosen slide or the clinic,
the kiosk's own picture of it, and save, publish and earlier versions.

The window holds no content logic: the Qt-free model (kiosk.core.studio) edits, checks and
saves; the render service draws; slow steps run off the GUI thread (kiosk/ui/studio/tasks.py).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.fields import SLIDE_KINDS
from kiosk.core.paths import stats_db_path
from kiosk.core.studio.checking import CheckResult
from kiosk.core.studio.keys import CLINIC, NOTICES, DocKey
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.observers import Change, ChangeKind
from kiosk.core.studio.pack_state import StudioError
from kiosk.core.studio.problems_map import FieldProblem
from kiosk.core.studio.saving import SaveResult
from kiosk.core.studio.schedule_status import ScheduleState
from kiosk.core.studio.slide_rows import SlideRow
from kiosk.core.studio.versions import Published, PublishFailed, PublishSettings
from kiosk.ui.i18n import Translations
from kiosk.ui.render.service import RenderService
from kiosk.ui.studio.dialogs import DeletedDialog, PublishDialog, VersionsDialog, WhatPlays
from kiosk.ui.studio.field_inputs import InputContext
from kiosk.ui.studio.field_panel import FieldPanel, kind_name
from kiosk.ui.studio.insights_dialog import InsightsDialog
from kiosk.ui.studio.preview_pane import PreviewPane
from kiosk.ui.studio.slide_list import KeyRole, SlideDelegate, SlideListModel, SlideListView, Thumbs
from kiosk.ui.studio.tasks import Tasks

log = logging.getLogger(__name__)

#: Quiet time after an edit before the whole pack is checked again.
CHECK_DEBOUNCE_MS = 300
#: Images the render service keeps for thumbnails (bytes).
THUMBNAIL_CACHE = 96 * 1024 * 1024
PICTURE_FILTER = "Pictures (*.png *.jpg *.jpeg *.svg)"


class StudioWindow(QMainWindow):
    """The studio for one content folder."""

    #: A check finished and its problems are shown (tests wait for it).
    checked = Signal()
    #: A save finished (saved or refused).
    saved = Signal(object)
    #: A publish finished (a Published, or the PublishFailed).
    published = Signal(object)

    def __init__(
        self,
        model: StudioModel,
        *,
        renders: RenderService | None = None,
        translations: Translations | None = None,
        kiosk_size: QSize | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.renders = renders if renders is not None else RenderService(cache_bytes=THUMBNAIL_CACHE, parent=self)
        self.tasks = Tasks(self)
        self._translations = translations if translations is not None else Translations(parent=self)
        self._kiosk_size = QSize(kiosk_size) if kiosk_size is not None else QSize(1920, 1080)
        self._thumbs_check: CheckResult | None = None
        self._busy_saving = False
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DEBOUNCE_MS)
        self._check_timer.timeout.connect(self.check_now)
        self._unsubscribe = model.subscribe(self._changed)
        self._build()
        self.resize(1600, 960)
        rows = self.slides.rows()
        if rows:
            self.select(rows[0].key)
        self.check_now()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        """Every widget; also after a change of the studio's language (rebuilt, not patched)."""
        # "[*]" is where Qt marks unsaved changes (setWindowModified).
        self.setWindowTitle(self.tr("Kiosk Studio — {folder}").format(folder=self.model.root) + "[*]")
        self.slides = SlideListModel(self.renders, self.model.move_slide, self._describe, self)
        self.slide_view = SlideListView(self.slides, SlideDelegate(self._describe, self))
        self.slide_view.setAccessibleName(self.tr("Slides, in the order they play"))
        self.slide_view.selectionModel().currentChanged.connect(self._current_changed)
        self.topic_filter = QComboBox()
        self.topic_filter.setAccessibleName(self.tr("Show the slides of one topic"))
        self.topic_filter.activated.connect(lambda _i: self._refresh_list())
        self._fill_topics()

        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add slide"))
        self.add_button.setAccessibleName(self.tr("Add a slide"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        kinds = QMenu(self.add_button)
        for kind in SLIDE_KINDS:
            action = kinds.addAction(self._kind_name(kind))
            action.triggered.connect(lambda _c=False, k=kind: self.add_slide(k))
        self.add_button.setMenu(kinds)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.hide_button = QPushButton(self.tr("Hide"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.deleted_button = QPushButton(self.tr("Deleted slides…"))
        self.duplicate_button.clicked.connect(self.duplicate_slide)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.delete_button.clicked.connect(self.delete_slide)
        self.deleted_button.clicked.connect(self.show_deleted)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Topic")))
        filter_row.addWidget(self.topic_filter, 1)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.slide_view, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.duplicate_button, self.hide_button, self.delete_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.deleted_button)

        self.slide_panel = FieldPanel(self.model, self._input_context)
        self.clinic_panel = FieldPanel(self.model, self._input_context)
        self.clinic_panel.show_key(CLINIC)
        # notices.yaml: same-day notices for every kiosk, and the phrases staff pick on a kiosk.
        self.notices_panel = FieldPanel(self.model, self._input_context)
        self.notices_panel.show_key(NOTICES)
        self.what_plays = WhatPlays(self.model)
        for panel in (self.slide_panel, self.clinic_panel, self.notices_panel):
            panel.edited.connect(self._edited)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.slide_panel, self.tr("Slide"))
        self.tabs.addTab(self.clinic_panel, self.tr("Clinic details and colours"))
        self.tabs.addTab(self.notices_panel, self.tr("Notices"))
        self.tabs.addTab(self.what_plays, self.tr("What plays when"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.preview = PreviewPane(self.model, self.renders, self.tasks, size=self._kiosk_size)
        self.preview.portrait.toggled.connect(lambda _on: self._thumbnails_from(self._thumbs_check))

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        self.setCentralWidget(splitter)

        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName(self.tr("Problems to fix before saving"))
        self.problem_list.itemActivated.connect(self._problem_chosen)
        self.problem_list.itemClicked.connect(self._problem_chosen)
        dock = QDockWidget(self.tr("Problems"), self)
        dock.setObjectName("problems")
        dock.setWidget(self.problem_list)
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.problem_list.setMaximumHeight(110)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self._problems_dock = dock

        self.state_label = QLabel()
        self.statusBar().addPermanentWidget(self.state_label)
        self._build_actions()
        self._refresh_list()
        self._refresh_buttons()
        self._refresh_state()
        self._thumbnails_from(self._thumbs_check)

    def _build_actions(self) -> None:
        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.publish_action = QAction(self.tr("&Publish to the kiosks…"), self)
        self.publish_action.triggered.connect(self.publish)
        self.versions_action = QAction(self.tr("Earlier &versions…"), self)
        self.versions_action.triggered.connect(self.show_versions)
        self.versions_action.setEnabled(self.model.places is not None)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.save_action, self.publish_action, self.versions_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self.undo_redo(False))
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(lambda: self.undo_redo(True))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        language = view_menu.addMenu(self.tr("Studio language"))
        for code, name in (("en", "English"), ("es", "Español")):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(self._translations.language == code)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
        # The figures of the kiosk whose content home this is (another folder has none).
        self.insights_action = QAction(self.tr("Kiosk &insights…"), self)
        self.insights_action.setEnabled(self.model.places is not None)
        self.insights_action.triggered.connect(self.show_insights)
        view_menu.addAction(self.insights_action)

    # -- what the window shows -----------------------------------------------------------------
    def _describe(self, row: SlideRow) -> str:
        kind = self._kind_name(row.kind or "?")
        return f"{kind} · {self._schedule_words(row)}"

    def _schedule_words(self, row: SlideRow) -> str:
        status = row.schedule
        when = ""
        if isinstance(status.when, datetime):
            when = status.when.strftime("%Y-%m-%d %H:%M")
        elif status.when is not None:
            when = status.when.isoformat()
        words = {
            ScheduleState.PLAYING: self.tr("Playing now"),
            ScheduleState.NOT_NOW: self.tr("Not playing now") + (" " + self.tr("(next: {when})").format(when=when) if when else ""),
            ScheduleState.STARTS: self.tr("Starts on {when}").format(when=when),
            ScheduleState.ENDED: self.tr("Ended on {when}").format(when=when),
            ScheduleState.NEVER: self.tr("Never plays: check its days and dates"),
            ScheduleState.HIDDEN: self.tr("Hidden"),
            ScheduleState.UNLISTED: self.tr("Not in the play order"),
            ScheduleState.UNKNOWN: self.tr("Its schedule has a problem"),
        }  # fmt: skip
        return words[status.state]

    def _kind_name(self, kind: str) -> str:
        return kind_name(kind)

    def _fill_topics(self) -> None:
        current = self.topic_filter.currentData()
        self.topic_filter.clear()
        self.topic_filter.addItem(self.tr("All topics"), None)
        for topic in self.model.topics:
            title = topic.title.english if topic.title is not None else None
            self.topic_filter.addItem(title or topic.id or "?", topic.id)
        index = self.topic_filter.findData(current)
        self.topic_filter.setCurrentIndex(max(0, index))

    def _refresh_list(self) -> None:
        key = self.current_key()
        self.slides.set_rows(self.model.slides(self.topic_filter.currentData()))
        if key is not None:
            self.select(key)

    def _refresh_buttons(self) -> None:
        key = self.current_key()
        row = self._row(key)
        for button in (self.duplicate_button, self.hide_button, self.delete_button):
            button.setEnabled(row is not None and row.not_editable is None)
        self.hide_button.setText(self.tr("Show") if row is not None and row.hidden else self.tr("Hide"))
        self.deleted_button.setEnabled(bool(self.model.deleted_slides()))
        self.undo_action.setEnabled(self.model.can_undo)
        self.redo_action.setEnabled(self.model.can_redo)
        self.undo_action.setText(self.tr("&Undo {what}").format(what=self.model.undo_label or "").strip())
        self.redo_action.setText(self.tr("&Redo {what}").format(what=self.model.redo_label or "").strip())

    def _refresh_state(self) -> None:
        modified = self.model.is_modified
        errors = [p for p in self.model.problems() if p.problem.is_error]
        if not self.model.problems_current:
            checked = self.tr("checking…")
        elif errors:
            checked = self.tr("%n problem(s) to fix before it can be saved", "", len(errors))
        else:
            checked = self.tr("no problems")
        saved = self.tr("Unsaved changes") if modified else self.tr("Everything is saved")
        self.state_label.setText(f"{saved} · {checked}")
        self.save_action.setEnabled(modified and not self._busy_saving)
        self.setWindowModified(modified)
        self.problem_list.clear()
        for problem in self.model.problems():
            item = QListWidgetItem(("✖ " if problem.problem.is_error else "⚠ ") + str(problem.problem))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.problem_list.addItem(item)
        self._problems_dock.setWindowTitle(
            self.tr("Problems ({count})").format(count=self.problem_list.count()) if self.problem_list.count() else self.tr("Problems")
        )  # fmt: skip

    def _row(self, key: DocKey | None) -> SlideRow | None:
        if key is None or not key.is_slide:
            return None
        try:
            return self.model.slide(key)
        except KeyError:
            return None

    # -- selection -----------------------------------------------------------------------------
    def current_key(self) -> DocKey | None:
        index = self.slide_view.currentIndex()
        key = index.data(KeyRole) if index.isValid() else None
        return key if isinstance(key, DocKey) else None

    def select(self, key: DocKey) -> None:
        row = self.slides.row_of(key)
        if row is None and self.topic_filter.currentData() is not None:
            self.topic_filter.setCurrentIndex(0)
            self.slides.set_rows(self.model.slides())
            row = self.slides.row_of(key)
        if row is None:
            return
        index = self.slides.index(row)
        if self.slide_view.currentIndex() != index:
            self.slide_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.slide_view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KeyRole) if current.isValid() else None
        if isinstance(key, DocKey) and key != self.slide_panel.key:
            self.slide_panel.show_key(key)
            self.preview.show_key(key)
            if self.tabs.currentWidget() is not self.slide_panel:
                self.tabs.setCurrentWidget(self.slide_panel)
        self._refresh_buttons()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.what_plays:
            self.what_plays.refresh()
        elif self.tabs.currentWidget() is self.clinic_panel:
            self.preview.show_key(CLINIC)

    # -- changes -------------------------------------------------------------------------------
    def _input_context(self, key: DocKey) -> InputContext:
        return InputContext(
            editor=self.model.editor(key),
            root=self.model.root,
            choose_picture=self._choose_picture,
            report=self._report,
            undo_redo=self.undo_redo,
        )

    def _choose_picture(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a picture"), str(Path.home()), PICTURE_FILTER)
        return Path(path) if path else None

    def _report(self, message: str) -> None:
        """Something went wrong: staff must read it (tests collect these instead)."""
        QMessageBox.warning(self, self.tr("Kiosk Studio"), message)

    def _inform(self, message: str) -> None:
        QMessageBox.information(self, self.tr("Kiosk Studio"), message)

    def _edited(self) -> None:
        self.preview.update_soon()

    def _changed(self, change: Change) -> None:
        """The model's subscriber: refresh what the change touched, check the pack soon."""
        if change.kind is ChangeKind.PROBLEMS:
            return  # shown by _checked
        if change.kind in (ChangeKind.SLIDES, ChangeKind.DELETED, ChangeKind.SAVED):
            self._fill_topics()
            self._refresh_list()
        elif change.kind is ChangeKind.FIELD and change.key is not None:
            row = self.slides.row_of(change.key)
            if row is not None:
                self._refresh_list()
            if change.key.is_clinic and change.field is not None and change.field.startswith("topics"):
                self._fill_topics()
        self._refresh_buttons()
        self._refresh_state()
        if change.kind is not ChangeKind.HISTORY:
            self._check_timer.start()
            self.preview.update_soon()

    def undo_redo(self, redo: bool) -> None:
        done = self.model.redo() if redo else self.model.undo()
        if done:
            self.slide_panel.refresh(force=True)
            self.clinic_panel.refresh(force=True)
            self.notices_panel.refresh(force=True)
            self._refresh_list()
            self._refresh_buttons()

    # -- slide actions -------------------------------------------------------------------------
    def add_slide(self, kind: str) -> DocKey:
        topic = self.topic_filter.currentData()
        key = self.model.add_slide(kind, topic=topic, after=self.current_key())
        self._refresh_list()
        self.select(key)
        return key

    def duplicate_slide(self) -> None:
        key = self.current_key()
        if key is not None:
            self.select(self.model.duplicate_slide(key))

    def toggle_hidden(self) -> None:
        row = self._row(self.current_key())
        if row is not None:
            self.model.set_hidden(row.key, not row.hidden)

    def delete_slide(self) -> None:
        row = self._row(self.current_key())
        if row is None:
            return
        position = self.slides.row_of(row.key) or 0
        self.model.delete_slide(row.key)
        self.statusBar().showMessage(
            self.tr("Deleted “{title}”. Undo, or bring it back from Deleted slides.").format(title=row.label), 8000
        )
        rows = self.slides.rows()
        if rows:
            self.select(rows[min(position, len(rows) - 1)].key)

    def show_deleted(self) -> None:
        dialog = DeletedDialog(self.model.deleted_slides(), self)
        if dialog.exec() and dialog.chosen():
            self.select(self.model.restore_deleted(str(dialog.chosen())))

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        problem = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(problem, FieldProblem) or problem.key is None:
            return
        if problem.key.is_clinic:
            self.tabs.setCurrentWidget(self.clinic_panel)
            self.clinic_panel.focus_field(problem.field)
            return
        if problem.key.is_notices:
            self.tabs.setCurrentWidget(self.notices_panel)
            self.notices_panel.focus_field(problem.field)
            return
        self.select(problem.key)
        self.tabs.setCurrentWidget(self.slide_panel)
        self.slide_panel.focus_field(problem.field)

    # -- checking ------------------------------------------------------------------------------
    def check_now(self) -> None:
        self._check_timer.stop()
        request = self.model.check_request()
        self.tasks.run(
            lambda: request.run(keep_deck=True), self._checked, key="check", discard=lambda result: result.release()
        )

    def _checked(self, result: CheckResult) -> None:
        current = self.model.apply_check(result)
        if result.deck is not None:
            self._thumbnails_from(result)
        else:
            result.release()
        self.slide_panel.refresh()
        self.clinic_panel.refresh()
        self._refresh_list()
        self._refresh_state()
        if not current:
            self._check_timer.start()
        self.checked.emit()

    def _thumbnails_from(self, result: CheckResult | None) -> None:
        previous, self._thumbs_check = self._thumbs_check, result
        deck = result.deck if result is not None else None
        self.slides.set_thumbnail_deck(Thumbs(deck, portrait=self.preview.portrait.isChecked()))
        if previous is not None and previous is not result:
            # Its pictures may still be read by a render asked for before: let those finish.
            QTimer.singleShot(5000, previous.release)

    # -- saving and publishing -----------------------------------------------------------------
    def save(self) -> None:
        if self._busy_saving or not self.model.is_modified:
            return
        self._busy_saving = True
        self._refresh_state()
        self.statusBar().showMessage(self.tr("Saving…"))
        plan = self.model.save_plan()
        self.tasks.run(plan.run, self._saved, failed=self._save_crashed)

    def _saved(self, result: SaveResult) -> None:
        self._busy_saving = False
        result = self.model.apply_save(result)
        self._refresh_state()
        if result.saved:
            written = len(result.written) + len(result.removed)
            self.statusBar().showMessage(
                self.tr("Saved: %n file(s) written. The kiosk shows it within seconds.", "", written), 10000
            )
        elif result.errors:
            lines = "\n".join(f"• {p}" for p in result.errors[:12])
            self._report(self.tr("Nothing was saved. Fix these first:\n\n{problems}").format(problems=lines))
        elif result.conflicts:
            self._report(
                self.tr(
                    "Nothing was saved: someone else changed {files} since the studio opened them. "
                    "Close the studio and open it again to see their changes (yours are lost), or undo yours."
                ).format(files=", ".join(result.conflicts))
            )
        elif result.error:
            self._report(self.tr("The content could not be saved: {error}").format(error=result.error))
        self.saved.emit(result)

    def _save_crashed(self, trace: str) -> None:
        self._busy_saving = False
        log.error("saving crashed:\n%s", trace)
        self._refresh_state()
        self._report(self.tr("The content could not be saved (an error in the studio; see its log)."))

    def publish(self) -> None:
        if self.model.is_modified:
            self._report(self.tr("Save your changes first: only saved content is published."))
            return
        dialog = PublishDialog(self)
        if not dialog.exec():
            return
        self.publish_to(dialog.settings())

    def publish_to(self, settings: PublishSettings) -> None:
        self.statusBar().showMessage(self.tr("Publishing…"))
        self.tasks.run(lambda: self._publish_work(settings), self._published)

    def _publish_work(self, settings: PublishSettings) -> Published | PublishFailed | StudioError:
        try:
            return self.model.publish(settings)
        except (PublishFailed, StudioError) as exc:
            return exc

    def _published(self, outcome: Published | PublishFailed | StudioError) -> None:
        if isinstance(outcome, Published):
            result = outcome.result
            message = self.tr(
                "Published version {serial} to {folder}. Copy that folder to where the kiosks look."
            ).format(serial=result.manifest.serial, folder=result.manifest_path.parent)
            if outcome.key_exposed:
                message += "\n\n" + self.tr("Warning: other users of this computer can read the private key.")
            self.statusBar().showMessage(message.split("\n")[0], 15000)
            self._inform(message)
        else:
            problems = "\n".join(f"• {p}" for p in getattr(outcome, "problems", ())[:12])
            text = str(getattr(outcome, "message", outcome))
            self._report(
                self.tr("Nothing was published: {reason}").format(reason=text) + ("\n\n" + problems if problems else "")
            )
        self.published.emit(outcome)

    def show_versions(self) -> None:
        try:
            versions = self.model.versions()
        except StudioError as exc:
            self._report(str(exc))
            return
        dialog = VersionsDialog(versions, self)
        if not dialog.exec() or dialog.chosen() is None:
            return
        if self.model.is_modified:
            answer = QMessageBox.question(
                self, self.tr("Restore a version"), self.tr("Your unsaved changes will be lost. Restore anyway?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.restore_version(str(dialog.chosen()))

    def show_insights(self) -> InsightsDialog | None:
        """How the kiosk is used (kiosk/core/stats), read-only from its data folder."""
        places = self.model.places
        if places is None:
            return None
        language = self._translations.language

        def topic_title(topic_id: str) -> str:
            topic = next((t for t in self.model.topics if t.id == topic_id), None)
            title = topic.title if topic is not None else None
            return (title.text(language) or title.english or topic_id) if title is not None else topic_id

        def slide_title(slide_id: str) -> str:
            row = next((r for r in self.model.slides() if r.id == slide_id), None)
            title = row.title if row is not None else None
            return (title.text(language) or title.english or slide_id) if title is not None else slide_id

        dialog = InsightsDialog(
            stats_db_path(places.data),
            tasks=self.tasks,
            clock=self.model.clock,
            zone=self.model.timezone,
            topic_title=topic_title,
            slide_title=slide_title,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.load()
        dialog.open()
        return dialog

    def restore_version(self, version: str) -> None:
        snapshot = self.model.restore_version(version, discard_changes=True)
        self.slide_panel.show_key(None)
        self._fill_topics()
        self._refresh_list()
        self.clinic_panel.show_key(CLINIC)
        self.notices_panel.show_key(NOTICES)
        self.check_now()
        self.statusBar().showMessage(self.tr("Restored {version}.").format(version=snapshot.version), 10000)

    # -- language ------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch the studio's own texts (not the content's) and rebuild the window's parts."""
        if language == self._translations.language:
            return
        key = self.current_key()
        self._translations.set_language(language)
        self.preview.release()
        old = self.centralWidget()
        self.removeDockWidget(self._problems_dock)
        self._problems_dock.deleteLater()
        self._build()
        if old is not None:
            old.deleteLater()
        if key is not None:
            self.select(key)

    # -- closing -------------------------------------------------------------------------------
    def ask_before_closing(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel, asked when there are unsaved changes (tests replace it)."""
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save your changes before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.model.is_modified:
            answer = self.ask_before_closing()
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                result = self.model.save()
                if not result.saved:
                    self._saved(result)
                    event.ignore()
                    return
        self.shut_down()
        event.accept()

    def shut_down(self) -> None:
        """Stop background work and remove staging copies (also for tests)."""
        self._check_timer.stop()
        self._unsubscribe()
        self.tasks.stop()
        self.preview.release()
        self.renders.stop()
        if self._thumbs_check is not None:
            self._thumbs_check.release()
            self._thumbs_check = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Someone else (the kiosk's own restore, another editor) changed the files: show them.
        activated = event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
        if activated and not self.model.is_modified and self.model.changed_on_disk():
            self.model.reload()
            self.slide_panel.show_key(self.current_key())
            self.clinic_panel.show_key(CLINIC)
            self.notices_panel.show_key(NOTICES)
            self.check_now()
