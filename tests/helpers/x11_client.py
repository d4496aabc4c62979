"""Another X client, as a stray program on the kiosk PC would be: finds a process' windows and
unmaps or destroys one (XUnmapWindow, XDestroyWindow: what ``xdotool windowunmap`` and the
newer ``xdotool windowclose`` do), through libX11 with ctypes, so no extra package is needed.

Not a test module: the real-window tests import it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Iterator
from contextlib import contextmanager

_ANY_PROPERTY_TYPE = 0
_IS_VIEWABLE = 2


class _WindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("c_class", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


def _library() -> ctypes.CDLL:
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XQueryTree.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
        ctypes.POINTER(ctypes.c_uint),
    ]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XGetWindowProperty.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_int,
        ctypes.c_ulong,
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
    ]
    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_WindowAttributes)]
    x11.XFree.argtypes = [ctypes.c_void_p]
    for name in ("XDestroyWindow", "XUnmapWindow"):
        getattr(x11, name).argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    return x11


class XClient:
    def __init__(self, x11: ctypes.CDLL, display: int) -> None:
        self._x11 = x11
        self._display = display

    def _children(self, window: int) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self._x11.XQueryTree(
            self._display, window, ctypes.byref(root), ctypes.byref(parent), ctypes.byref(children), ctypes.byref(count)
        ):
            return []
        found = [children[i] for i in range(count.value)]
        if children:
            self._x11.XFree(children)
        return found

    def _pid(self, window: int) -> int | None:
        atom = self._x11.XInternAtom(self._display, b"_NET_WM_PID", True)
        kind, form = ctypes.c_ulong(), ctypes.c_int()
        items, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self._x11.XGetWindowProperty(
            self._display,
            window,
            atom,
            0,
            1,
            False,
            _ANY_PROPERTY_TYPE,
            ctypes.byref(kind),
            ctypes.byref(form),
            ctypes.byref(items),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != 0 or not data:
            return None
        try:
            if items.value < 1 or form.value != 32:
                return None
            return int(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0])
        finally:
            self._x11.XFree(data)

    def visible_windows_of(self, pid: int) -> list[int]:
        """The mapped top-level windows of process ``pid`` (by _NET_WM_PID)."""
        root = self._x11.XDefaultRootWindow(self._display)
        found = []
        for window in self._children(root):
            attributes = _WindowAttributes()
            if not self._x11.XGetWindowAttributes(self._display, window, ctypes.byref(attributes)):
                continue
            if attributes.map_state == _IS_VIEWABLE and self._pid(window) == pid:
                found.append(window)
        return found

    def destroy(self, window: int) -> None:
        self._x11.XDestroyWindow(self._display, window)
        self._x11.XSync(self._display, False)

    def unmap(self, window: int) -> None:
        self._x11.XUnmapWindow(self._display, window)
        self._x11.XSync(self._display, False)


@contextmanager
def x_client(display: str) -> Iterator[XClient]:
    x11 = _library()
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        raise RuntimeError(f"cannot open the X display {display}")
    try:
        yield XClient(x11, connection)
    finally:
        x11.XCloseDisplay(connection)
