"""planwatch: published improvement plans into one canonical dataset, and what changed
between editions.

>>> import planwatch
>>> plan = planwatch.read_plan("plan.docx")            # a typed DataFrame
>>> changes = planwatch.compare("old.pdf", "new.pdf")   # a DataFrame of changes
>>> store = planwatch.Store("planwatch.db")             # or "postgresql://..."

See docs/python.md.
"""

from typing import TYPE_CHECKING

from .api import compare, read_actions, read_plan, to_frame
from .errors import NotAPlan, PlanwatchError, StoreError, UnreadableFile, UnsupportedFormat
from .model import Action, Change

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "Action",
    "Change",
    "NotAPlan",
    "PlanwatchError",
    "Store",
    "StoreError",
    "UnreadableFile",
    "UnsupportedFormat",
    "__version__",
    "compare",
    "read_actions",
    "read_plan",
    "to_frame",
]


def __getattr__(name: str) -> object:
    # the store (and its database driver) loads on first use, not on `import planwatch`;
    # so does the version, as importlib.metadata costs a command about 40 ms to import
    if name == "Store":
        from .store import Store

        return Store
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("planwatch")
        except PackageNotFoundError:  # run from a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'planwatch' has no attribute {name!r}")
