"""A hook through which a reader reports its pages, for a progress bar on a long file.

A context variable, not an argument: readers keep one signature, and a batch's worker
processes (which must not draw on a shared terminal) simply never set it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

PageCallback = Callable[[str, int, int], None]  # file name, pages done, pages in all

_on_page: ContextVar[PageCallback | None] = ContextVar("on_page", default=None)


def page_done(name: str, done: int, total: int) -> None:
    """Tell whoever is watching that ``done`` of ``total`` pages of ``name`` are read."""
    callback = _on_page.get()
    if callback is not None:
        callback(name, done, total)


@contextmanager
def watching_pages(callback: PageCallback) -> Iterator[None]:
    """Call ``callback`` for every page a reader reports inside the ``with`` block."""
    token = _on_page.set(callback)
    try:
        yield
    finally:
        _on_page.reset(token)
