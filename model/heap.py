"""Keep freed heap memory in the process (glibc only): numpy's large temporaries then cost no page faults.

A training step allocates and frees the same few arrays every time.  With
glibc's defaults, arrays of 128 kB and more (a (16, 500, 8) stack of hidden
activations is 512 kB) are mapped fresh from the kernel and handed back on
free, or trimmed off the heap's top, so every step touches new pages: hundreds
of page faults per step, which made 16 stacked spiral runs no faster than 16
separate ones.  Raising the trim and mmap thresholds keeps that memory for
reuse.  The cost is that up to ``TRIM`` bytes of freed memory stay with the
process.  Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
TRIM = 64 * 1024 * 1024
MMAP = 16 * 1024 * 1024

_done = False


def keep_freed_heap() -> bool:
    """Set glibc's thresholds once per process; True if they are set (False elsewhere or on failure)."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    _done = bool(mallopt(M_TRIM_THRESHOLD, TRIM)) and bool(mallopt(M_MMAP_THRESHOLD, MMAP))
    return _done
