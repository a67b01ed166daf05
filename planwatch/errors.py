"""One error tree: bad input a user can fix, kept apart from bugs (ordinary exceptions)."""


class PlanwatchError(Exception):
    """Base of every error planwatch reports to a user."""


class UnreadableFile(PlanwatchError):
    """The file cannot be read as the format it claims (corrupt, encrypted, scanned, too big)."""


class UnsupportedFormat(UnreadableFile):
    """The file is of a format planwatch has no reader for."""


class NotAPlan(PlanwatchError):
    """The file reads fine but holds no action table."""


class StoreError(PlanwatchError):
    """The store cannot be opened, migrated or written."""
