"""Kiosk Studio's window: staff edit a content pack and see exactly what the lobby will show.
The editing itself is the Qt-free model in :mod:`kiosk.core.studio`."""
