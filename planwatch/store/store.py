"""``Store``: every edition loaded, in a SQLite file or a PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from planwatch.diff.settings import DEFAULT_DIFF, DiffSettings
from planwatch.errors import StoreError
from planwatch.model import Action, Change

from . import loader, queries
from .backend import Backend, open_backend
from .migrate import migrate
from .queries import Edition, Plan

if TYPE_CHECKING:
    from planwatch.extract import ExtractSettings
    from planwatch.ingest import Limits

DEFAULT_STORE = Path("planwatch.db")
LATEST = "latest"


class Store:
    """A store of plan editions: a SQLite file path, or a ``postgresql://`` URL.

    >>> store = Store(tmp / "planwatch.db")                     # doctest: +SKIP
    >>> store.load("samples/hwfrs-prevention-cfc-2021-11.txt")  # doctest: +SKIP

    ``create=False`` refuses to make a new store where there is none. ``diff_settings``
    pairs the actions of its editions (keys and changes) and names similar plans.
    """

    def __init__(
        self,
        url: str | Path = DEFAULT_STORE,
        *,
        create: bool = True,
        diff_settings: DiffSettings = DEFAULT_DIFF,
    ) -> None:
        if not isinstance(diff_settings, DiffSettings):
            raise TypeError(
                f"diff_settings must be a DiffSettings, got {type(diff_settings).__name__}"
            )
        self.diff_settings = diff_settings
        self.backend: Backend = open_backend(url, create=create)
        try:
            migrate(self.backend, diff_settings)
        except BaseException:
            self.backend.close()
            raise

    @property
    def location(self) -> str:
        """The store as named: a path, or the URL without its password."""
        return self.backend.location

    def load(
        self,
        source: str | Path | Sequence[Action],
        *,
        plan_id: str | None = None,
        settings: ExtractSettings | None = None,
        limits: Limits | None = None,
        archive_path: str = "",
        replace: bool = False,
    ) -> loader.LoadResult:
        """Add a plan file (or one file's actions) as an edition; return what was done.

        A different file of an edition already stored is a conflict, stored only with
        ``replace`` (the rows it replaces are kept in ``revisions``). ``archive_path``
        is where ``planwatch watch`` keeps its copy of a fetched file.
        """
        if isinstance(source, str | Path):
            from planwatch.ingest import DEFAULT_LIMITS
            from planwatch.pipeline import extract_file

            source = extract_file(
                Path(source), plan_id=plan_id, settings=settings, limits=limits or DEFAULT_LIMITS
            )
        return loader.load_edition(
            self.backend,
            source,
            archive_path=archive_path,
            replace=replace,
            settings=self.diff_settings,
        )

    def plans(self) -> list[Plan]:
        """Return every plan in the store, by plan id."""
        return queries.plans(self.backend)

    def editions(self, plan: str | None = None) -> list[Edition]:
        """Return the editions of one plan (or of all), oldest first."""
        return queries.editions(self.backend, plan)

    def edition(self, plan: str, when: Edition | date | str = LATEST) -> Edition:
        """Return one edition of a plan: by date, ISO date text, or the latest."""
        if isinstance(when, Edition):
            return when
        found = queries.editions(self.backend, plan)
        if not found:
            raise StoreError(f"{self.location}: no editions of {plan} loaded")
        if when == LATEST:
            dated = [e for e in found if e.edition_date is not None]
            return (dated or found)[-1]
        day = when if isinstance(when, date) else date.fromisoformat(str(when))
        for edition in found:
            if edition.edition_date == day:
                return edition
        known = ", ".join(str(e.edition_date or "(undated)") for e in found)
        raise StoreError(f"{self.location}: {plan} has no edition of {day}; loaded: {known}")

    def previous_edition(self, edition: Edition) -> Edition | None:
        """Return the edition of the same plan dated just before ``edition``."""
        return queries.previous_edition(self.backend, edition.plan_id, edition.edition_date)

    def actions(
        self, plan: str | None = None, edition: Edition | date | str | None = LATEST
    ) -> list[Action]:
        """Return the actions of a plan's edition (the latest by default; None: every one).

        With no plan, the same edition of every plan: by default each plan's latest.
        """
        if plan is None:
            return [a for p in self.plans() for a in self.actions(p.plan_id, edition)]
        if edition is None:
            return [a for e in self.editions(plan) for a in self.edition_actions(e)]
        return self.edition_actions(self.edition(plan, edition))

    def edition_actions(self, edition: Edition) -> list[Action]:
        """Return the actions of one edition in document order."""
        return queries.edition_actions(self.backend, edition.edition_id)

    def all_actions(self) -> Iterator[Action]:
        """Yield every action of every edition: by plan, edition date, document order."""
        return queries.all_actions(self.backend)

    def history(self, plan: str, action: str) -> list[tuple[Edition, list[Action]]]:
        """Return, edition by edition, the entries of one action (empty where absent).

        ``action`` is a series key or an action id; an id that named two actions over
        time follows the first (see ``series``).
        """
        keys = self.series(plan, action)
        return queries.action_history(
            self.backend, plan, action if action in keys else (keys or [action])[0]
        )

    def series(self, plan: str, action: str) -> list[str]:
        """Return the series keys of every action that had id ``action``, oldest first."""
        return queries.series_keys(self.backend, plan, action)

    def status_counts(self, edition: Edition) -> dict[str, int]:
        """Return how many actions of the edition have each status."""
        return queries.status_counts(self.backend, edition.edition_id)

    def changes(
        self,
        plan: str,
        old: Edition | date | str | None = None,
        new: Edition | date | str | None = None,
    ) -> list[Change]:
        """Return what changed in a plan: between two editions, or (by default) every
        change stored between its consecutive editions, oldest first."""
        if old is None and new is None:
            return queries.stored_changes(self.backend, plan)
        newer = self.edition(plan, new if new is not None else LATEST)
        older = self.edition(plan, old) if old is not None else self.previous_edition(newer)
        if older is None:
            return []
        if self.previous_edition(newer) == older:
            return queries.stored_changes(self.backend, plan, newer.edition_id)
        from planwatch.diff import diff_editions

        return diff_editions(
            self.edition_actions(older),
            self.edition_actions(newer),
            settings=self.diff_settings,
        )

    def close(self) -> None:
        """Close the store's connection."""
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.location!r})"
