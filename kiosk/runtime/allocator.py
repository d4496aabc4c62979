"""Keep the C allocator from hoarding freed slide images (glibc only).

Every slide is an 8 MB image at 1080p (32 MB at 4K), rendered on a worker thread. glibc raises
its mmap threshold each time such a block is freed, so later images come from per-thread heap
arenas that keep the memory after the image is gone: measured, 135 MB PSS after a minute of
play instead of 118 MB. A fixed threshold makes large blocks always mmap'd, and so returned to
the system the moment a slide is dropped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)

#: mallopt() parameter number of M_MMAP_THRESHOLD in glibc's <malloc.h>.
M_MMAP_THRESHOLD = -3
#: glibc's default starting threshold; setting it explicitly turns off the dynamic raise.
MMAP_THRESHOLD_BYTES = 128 * 1024


def fix_mmap_threshold() -> bool:
    """True when the threshold was set (Linux with glibc); False elsewhere, harmlessly."""
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and other C libraries have no mallopt
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    ok = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
    if not ok:
        log.warning("could not fix the allocator's mmap threshold; memory use may be higher")
    return ok
