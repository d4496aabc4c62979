"""Watching every QObject that chosen threads create, from inside Qt.

Qt calls ``qtHookData[QHooks::AddQObject]`` from every ``QObject`` constructor (the hook
GammaRay uses). The callback must not need the GIL: a render thread holds the GIL while Qt's
painting waits for Qt's own pool threads, and those create QObjects too. So the callback is
a few lines of C, compiled here with the system's C compiler and loaded with ctypes: it
counts the QObjects made on the watched threads and remembers the constructors that made
them (the symbols of the calling frames), for the failure message.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_SOURCE = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#define MAX_THREADS 16
#define MAX_RECORDS 256
#define RECORD 768

static pthread_t watched[MAX_THREADS];
static atomic_int watched_count;
static atomic_int active;
static atomic_long made;
static char records[MAX_RECORDS][RECORD];

void qw_watch(unsigned long thread) {
    int i = atomic_load(&watched_count);
    if (i < MAX_THREADS) { watched[i] = (pthread_t)thread; atomic_store(&watched_count, i + 1); }
}
void qw_start(void) { atomic_store(&active, 1); }
void qw_stop(void) { atomic_store(&active, 0); }
void qw_reset(void) { atomic_store(&made, 0); atomic_store(&watched_count, 0); }
long qw_made(void) { return atomic_load(&made); }
const char *qw_record(int i) { return (i >= 0 && i < MAX_RECORDS) ? records[i] : ""; }

void qw_added(void *object) {
    (void)object;
    if (!atomic_load(&active)) return;
    pthread_t self = pthread_self();
    int n = atomic_load(&watched_count), hit = 0;
    for (int i = 0; i < n; i++) if (pthread_equal(self, watched[i])) hit = 1;
    if (!hit) return;
    long index = atomic_fetch_add(&made, 1);
    if (index >= MAX_RECORDS) return;
    void *frames[6];
    int depth = backtrace(frames, 6);
    char *out = records[index];
    out[0] = 0;
    for (int k = 1; k < depth; k++) {
        Dl_info info;
        char place[96];
        const char *name = place;
        if (dladdr(frames[k], &info) && info.dli_sname) name = info.dli_sname;
        else snprintf(place, sizeof place, "%s+%lx", info.dli_fname ? info.dli_fname : "?",
                      (unsigned long)((char *)frames[k] - (char *)info.dli_fbase));
        strncat(out, name, RECORD - 1 - strlen(out));
        strncat(out, " < ", RECORD - 1 - strlen(out));
    }
}
"""

#: QHooks::AddQObject in qtHookData (qhooks_p.h: version, size, Qt version, AddQObject, ...).
_ADD_QOBJECT = 3

#: Qt's own per-thread set-up, made once per thread and never connected: the QThread that
#: stands for a thread Qt did not start, the thread's font cache, and the threads (and the
#: pool) that Qt's painting starts to share out big fills. Matched on the mangled name of
#: the constructor that called QObject's.
PER_THREAD_INTERNALS = ("_ZN7QThreadC", "_ZN10QFontCacheC", "_ZN11QThreadPoolC")


@dataclass(frozen=True)
class Made:
    """One QObject made on a watched thread: the constructors that made it, innermost first."""

    frames: tuple[str, ...]

    @property
    def maker(self) -> str:
        # frames[0] is QObject's own constructor; the next frame is the class being built.
        return self.frames[1] if len(self.frames) > 1 else "?"

    @property
    def is_per_thread_internal(self) -> bool:
        return self.maker.startswith(PER_THREAD_INTERNALS)

    def describe(self) -> str:
        frames = "\n".join(self.frames)
        demangler = shutil.which("c++filt")  # binutils; without it the names stay mangled
        if demangler is not None:
            names = subprocess.run([demangler], input=frames, capture_output=True, text=True, check=False)
            frames = names.stdout or frames
        return " < ".join(frames.split("\n")[:4])


class QObjectWatch:
    def __init__(self, library: ctypes.CDLL) -> None:
        self._lib = library
        library.qw_made.restype = ctypes.c_long
        library.qw_record.restype = ctypes.c_char_p
        library.qw_watch.argtypes = [ctypes.c_ulong]

    @contextmanager
    def watching(self, thread_ids: list[int]) -> Iterator[list[Made]]:
        """Count QObjects made on ``thread_ids`` inside the block; the list fills at its end."""
        made: list[Made] = []
        self._lib.qw_reset()
        for ident in thread_ids:
            self._lib.qw_watch(ident)
        self._lib.qw_start()
        try:
            yield made
        finally:
            self._lib.qw_stop()
            count = self._lib.qw_made()
            for i in range(min(count, 256)):
                record = self._lib.qw_record(i).decode("utf-8", "replace")
                made.append(Made(tuple(f for f in record.split(" < ") if f)))
            made.extend(Made(("?", "?")) for _ in range(max(0, count - 256)))


def _qtcore_path() -> Path:
    from PySide6 import QtCore

    return Path(QtCore.__file__).parent / "Qt" / "lib" / "libQt6Core.so.6"


@contextmanager
def installed_watch(build_dir: Path) -> Iterator[QObjectWatch]:
    """Compile the hook, install it in Qt for the block, take it out again after."""
    import pytest

    if not sys.platform.startswith("linux"):
        pytest.skip("the QObject hook is built for Linux")
    compiler = shutil.which(os.environ.get("CC", "cc"))
    if compiler is None:
        pytest.skip("no C compiler to build the QObject hook")
    source = build_dir / "qobject_watch.c"
    library_path = build_dir / "qobject_watch.so"
    source.write_text(_SOURCE, encoding="utf-8")
    subprocess.run([compiler, "-shared", "-fPIC", "-O1", "-o", str(library_path), str(source)], check=True)
    library = ctypes.CDLL(str(library_path))
    hooks = (ctypes.c_size_t * (_ADD_QOBJECT + 1)).in_dll(ctypes.CDLL(str(_qtcore_path())), "qtHookData")
    assert hooks[0] >= 1 and hooks[1] > _ADD_QOBJECT, "unexpected qtHookData layout"
    previous = hooks[_ADD_QOBJECT]
    hooks[_ADD_QOBJECT] = ctypes.cast(library.qw_added, ctypes.c_void_p).value or 0
    try:
        yield QObjectWatch(library)
    finally:
        hooks[_ADD_QOBJECT] = previous
