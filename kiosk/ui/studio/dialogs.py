"""The studio's small windows: publish a signed bundle, go back to a kept version, bring back a
deleted slide, and see what plays on a given day."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QSettings, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.content_history import Snapshot
from kiosk.core.studio.model import StudioModel
from kiosk.core.studio.trash import DeletedSlide
from kiosk.core.studio.versions import PublishSettings
from kiosk.ui.studio.field_panel import kind_name

SETTINGS_KEY = "studio/publish"


def _settings() -> QSettings:
    return QSettings("clinic-kiosk", "kiosk-studio")


class PublishDialog(QDialog):
    """Where the signed bundle goes and which key signs it (both remembered)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish to the kiosks"))
        stored = _settings()
        self.key = QLineEdit(str(stored.value(f"{SETTINGS_KEY}/key", "")))
        self.out = QLineEdit(str(stored.value(f"{SETTINGS_KEY}/out", "")))
        self.key.setAccessibleName(self.tr("Private key file"))
        self.out.setAccessibleName(self.tr("Publish folder"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        browse_key = QPushButton(self.tr("Choose…"))
        browse_key.setAccessibleName(self.tr("Choose the private key file"))
        browse_key.clicked.connect(self._choose_key)
        key_row.addWidget(browse_key)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        browse_out = QPushButton(self.tr("Choose…"))
        browse_out.setAccessibleName(self.tr("Choose the publish folder"))
        browse_out.clicked.connect(self._choose_out)
        out_row.addWidget(browse_out)
        form = QFormLayout()
        form.addRow(self.tr("Private key (content.key)"), key_row)
        form.addRow(self.tr("Publish folder"), out_row)
        note = QLabel(
            self.tr(
                "The saved content is checked, signed with the key and written to the publish folder. "
                "Copy that folder to where the kiosks look (a bucket, a web server or a shared folder); "
                "each kiosk then takes it at its next check."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish = buttons.addButton(self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _choose_key(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The private key"), self.key.text(), "content.key (*.key)"
        )
        if path:
            self.key.setText(path)

    def _choose_out(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("The publish folder"), self.out.text())
        if path:
            self.out.setText(path)

    def _accept(self) -> None:
        if self.key.text().strip() and self.out.text().strip():
            stored = _settings()
            stored.setValue(f"{SETTINGS_KEY}/key", self.key.text().strip())
            stored.setValue(f"{SETTINGS_KEY}/out", self.out.text().strip())
            self.accept()

    def settings(self) -> PublishSettings:
        return PublishSettings(Path(self.key.text().strip()).expanduser(), Path(self.out.text().strip()).expanduser())


class VersionsDialog(QDialog):
    """The versions the kiosk kept (each one loaded without errors); restore one."""

    def __init__(self, versions: tuple[Snapshot, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Earlier versions"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Versions, newest first"))
        for snapshot in versions:
            item = QListWidgetItem(snapshot.describe())
            item.setData(Qt.ItemDataRole.UserRole, snapshot.version)
            self.list.addItem(item)
        if versions:
            self.list.setCurrentRow(0)
        note = QLabel(
            self.tr(
                "Each version here once played on the kiosk. Restoring one puts it back in the "
                "content folder; the kiosk shows it within seconds. Unsaved changes are lost."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore = buttons.addButton(self.tr("Restore this version"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setEnabled(bool(versions))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class DeletedDialog(QDialog):
    """Slides deleted from this content folder; bring one back."""

    def __init__(self, deleted: tuple[DeletedSlide, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deleted slides"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Deleted slides, newest first"))
        for slide in deleted:
            when = slide.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M") if slide.deleted_at else ""
            label = f"{slide.title or slide.slide_id or slide.name}  ({slide.kind or '?'}, {when})"
            if slide.pending:
                label += "  " + self.tr("(deleted since the last save)")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, slide.name)
            self.list.addItem(item)
        if deleted:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.bring_back = buttons.addButton(self.tr("Bring back"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.bring_back.setEnabled(bool(deleted))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class WhatPlays(QWidget):
    """Pick a day and time: the slides that play then, in order."""

    def __init__(self, model: StudioModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(self.tr("Day and time"))
        self.when.dateTimeChanged.connect(lambda _v: self.refresh())
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Slides that play then, in order"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("What plays on")))
        row.addWidget(self.when)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def refresh(self) -> None:
        value = self.when.dateTime().toPython()
        at = value if isinstance(value, datetime) else datetime.now()
        playing = self._model.playing_at(at.replace(tzinfo=None))
        self.list.clear()
        for number, row in enumerate(playing.slides, start=1):
            self.list.addItem(f"{number}. {row.label}  ({kind_name(row.kind or '?')})")
        for row in playing.uncertain:
            self.list.addItem(self.tr("? {title}: its schedule has a problem").format(title=row.label))
        self.summary.setText(
            self.tr("%n slide(s) play at that time, in this order:", "", len(playing.slides))
            if playing.slides
            else self.tr("Nothing plays then: the kiosk shows its welcome screen.")
        )
