"""planwatch: published improvement plans into one canonical dataset, and what changed
between editions.

>>> import planwatch
>>> plan = planwatch.read_plan("plan.docx")            # a typed DataFrame
>>> changes = planwatch.compare("old.pdf", "new.pdf")   # a DataFrame of changes

See docs/python.md.
"""

from importlib.metadata import PackageNotFoundError, version

from .api import compare, read_actions, read_plan
from .errors import NotAPlan, PlanwatchError, StoreError, UnreadableFile, UnsupportedFormat
from .model import Action, Change

try:
    __version__ = version("planwatch")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Action",
    "Change",
    "NotAPlan",
    "PlanwatchError",
    "StoreError",
    "UnreadableFile",
    "UnsupportedFormat",
    "__version__",
    "compare",
    "read_actions",
    "read_plan",
]
