"""Building many records at once without CPython's cyclic collector walking the heap."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold CPython's cyclic garbage collector off for the block, then turn it back on.

    Keying, diffing and storing a large edition allocate several records per row. They
    hold no reference cycles and are freed by reference counting, but while they live,
    the records that survive trigger the collector's full passes, and each pass walks
    every object of the process (the caller's too) to free nothing: at 100,000 rows, a
    quarter of a load's time, growing faster than the rows (``bench/store_growth.py``).
    The switch is process-wide, so it is held only for the block, left alone when the
    collector is already off (by the caller, or an enclosing block), and turned back on
    when the block raises too.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
