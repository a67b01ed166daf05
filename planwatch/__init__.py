"""planwatch: published improvement plans into one canonical dataset, and what changed
between editions.

>>> import planwatch
>>> plan = planwatch.read_plan("plan.docx")            # a typed DataFrame
>>> changes = planwatch.compare("old.pdf", "new.pdf")   # a DataFrame of changes
>>> store = planwatch.Store("planwatch.db")             # or "postgresql://..."

See docs/python.md.
"""

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from .api import compare, read_actions, read_plan, to_frame
from .errors import NotAPlan, PlanwatchError, StoreError, UnreadableFile, UnsupportedFormat
from .model import Action, Change

try:
    __version__ = version("planwatch")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

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
    # the store (and its database driver) loads on first use, not on `import planwatch`
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'planwatch' has no attribute {name!r}")
