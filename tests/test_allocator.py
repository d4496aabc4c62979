from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_large_freed_blocks_go_back_to_the_system_after_the_fix() -> None:
    # In a fresh process: free an 8 MB block (which raises glibc's dynamic threshold), then
    # allocate, touch and free another; with the fix it is mmap'd and returned at once.
    code = (
        "import ctypes, sys\n"
        "from kiosk.runtime.allocator import fix_mmap_threshold\n"
        "if sys.argv[1] == 'fix': assert fix_mmap_threshold()\n"
        "def rss():\n"
        "    return int(open('/proc/self/statm').read().split()[1]) * 4096 // 2**20\n"
        "libc = ctypes.CDLL(None); libc.malloc.restype = ctypes.c_void_p; libc.free.argtypes = [ctypes.c_void_p]\n"
        "size = 8 * 2**20\n"
        "p = libc.malloc(size); ctypes.memset(p, 1, size); libc.free(p)\n"
        "before = rss()\n"
        "p = libc.malloc(size); ctypes.memset(p, 1, size); libc.free(p)\n"
        "print(rss() - before)\n"
    )
    fixed = subprocess.run([sys.executable, "-c", code, "fix"], capture_output=True, text=True, check=True)
    unfixed = subprocess.run([sys.executable, "-c", code, "nofix"], capture_output=True, text=True, check=True)
    assert int(fixed.stdout) < 2, "with the fix a freed 8 MB image must not stay resident"
    assert int(unfixed.stdout) >= 6, "without it glibc keeps the block (else this test proves nothing)"
