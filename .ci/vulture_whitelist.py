"""Names vulture cannot see used: methods that Qt, the standard library or a test server call
on our subclasses, and names that pytest reads. Checked by vulture (pyproject.toml)."""

# ruff: noqa: B018 - each line is a name, not an expression whose value matters
# mypy: ignore-errors - `_` stands for "any object"; this file is read by vulture, never run

_ = object()

# Qt calls these overrides (QWidget, QObject, QAbstractButton, QRunnable).
_.paintEvent
_.resizeEvent
_.changeEvent
_.event
_.eventFilter
_.showEvent
_.hideEvent
_.keyPressEvent
_.mousePressEvent
_.mouseReleaseEvent
_.mouseMoveEvent
_.wheelEvent
_.contextMenuEvent
_.closeEvent
_.sizeHint
_.minimumSizeHint
_.hasHeightForWidth
_.heightForWidth
_.hitButton
_.run

# The standard library calls these (logging.Handler, urllib's redirect handler, argparse
# actions, http.server, a module's lazy attributes).
_.handleError
_.redirect_request
_.fp
_.newurl
_.namespace
_.option_string
_.do_POST
_.log_message
_.__getattr__

# aiosmtpd calls these on the test SMTP server's handler and authenticator.
_.handle_RCPT
_.handle_DATA
_.rcpt_options
_.mechanism

# The standard library calls these on our subclasses of its servers, sockets, streams and
# tar entries (http.server, socketserver, smtplib, io, tarfile).
_.do_GET
_.log_request
_.protocol_version
_.close_connection
_.daemon_threads
_._get_socket
_.readable
_.readinto
_.makefile
_.mtime
_.uid
_.gid
_.uname
_.gname

# ruamel.yaml reads these settings from its YAML object (kiosk/core/studio/round_trip.py).
_.preserve_quotes
_.allow_duplicate_keys

# The content studio's model API, there for its editor screens, which are not written yet
# (kiosk/core/studio): drop a name here once a caller uses it, or the code if none will.
_.editor
_.playlist_positions
_.plain_languages

# pytest reads module marks.
_.pytestmark

# DeliveryWorker's documented progress attribute (kiosk/core/delivery/outbox.py); nothing
# reads it yet.
_.last_summary

# Qt's item models call these on our list model (drag and drop).
_.supportedDropActions
_.mimeTypes

# The kiosk-studio program's entry point (pyproject.toml [project.scripts], the bundle).
_.studio_main

# Qt reads these flags of the QAccessible.State an accessible interface returns
# (kiosk/ui/assistive/interfaces.py).
_.offscreen
_.checkable
_.defaultButton
_.readOnly

# The import system reads a module's __spec__ (kiosk/ui/render/qr.py's stand-in for urllib.request).
_.__spec__
