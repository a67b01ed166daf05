"""One watch run: check every source, load each new edition, report what changed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from planwatch.errors import PlanwatchError
from planwatch.extract import ExtractSettings
from planwatch.ingest import DEFAULT_LIMITS, DEFAULT_PDF_SETTINGS, Limits, PdfSettings

from .archive import Archive
from .fetch import FetchError, FetchSettings, Validators, fetch, make_client
from .links import find_link
from .sources import WatchSource


@dataclass(frozen=True)
class WatchSettings:
    """Where a run keeps its files, and how it fetches and reads them."""

    store: str | Path  # a SQLite file, or a postgresql:// URL
    archive: Path
    report_dir: Path
    fetch: FetchSettings = field(default_factory=FetchSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    limits: Limits = DEFAULT_LIMITS
    pdf: PdfSettings = DEFAULT_PDF_SETTINGS


@dataclass(frozen=True)
class SourceOutcome:
    """What checking one source did: ``unchanged``, ``loaded`` or ``failed``, and the detail."""

    source: WatchSource
    result: str
    message: str
    reports: tuple[Path, ...] = ()

    @property
    def line(self) -> str:
        """Return the one line a run prints for this source."""
        return f"{self.source.url}: {self.message}"


def watch(sources: Sequence[WatchSource], settings: WatchSettings) -> Iterator[SourceOutcome]:
    """Yield one outcome per source, in order, holding the archive's lock for the whole run.

    Raise WatchBusy if another run holds the lock. A source that fails is an
    outcome, not an exception: the other sources are still checked.
    """
    from planwatch.store import Store

    archive = Archive(settings.archive)
    with archive.locked(), make_client(settings.fetch) as client:
        conn = Store(settings.store)
        try:
            state = archive.state()
            for source in sources:
                outcome, new_state = _check(
                    source, state.get(source.key, {}), _Run(settings, archive, client, conn)
                )
                if new_state is not None:
                    state[source.key] = new_state
                    archive.save_state(state)
                yield outcome
        finally:
            conn.close()


@dataclass(frozen=True)
class _Run:
    settings: WatchSettings
    archive: Archive
    client: object
    conn: object


def _check(
    source: WatchSource, state: dict[str, str], run: _Run
) -> tuple[SourceOutcome, dict[str, str] | None]:
    """Return the source's outcome and the state to keep (None: keep the old one)."""
    try:
        file_url, page_state = _file_url(source, state, run)
        same_file = state.get("file_url") == file_url
        known = (
            Validators(state.get("etag", ""), state.get("last_modified", "")) if same_file else None
        )
        fetched = fetch(run.client, file_url, dict(source.headers), known, run.settings.fetch)
        new_state = {
            **page_state,
            "file_url": file_url,
            "etag": fetched.validators.etag,
            "last_modified": fetched.validators.last_modified,
        }
        if fetched.data is None:
            return SourceOutcome(source, "unchanged", "unchanged (not modified)"), new_state
        outcome = _take(source, fetched, run)
        return outcome, {**new_state, "sha256": hashlib.sha256(fetched.data).hexdigest()}
    except PlanwatchError as exc:
        return SourceOutcome(source, "failed", f"failed: {exc}"), None


def _file_url(source: WatchSource, state: dict[str, str], run: _Run) -> tuple[str, dict[str, str]]:
    """Return the plan file's address (following the page's link) and the page's validators."""
    if not source.link:
        return source.url, {}
    known = Validators(state.get("page_etag", ""), state.get("page_last_modified", ""))
    page = fetch(run.client, source.url, dict(source.headers), known, run.settings.fetch)
    page_state = {
        "page_etag": page.validators.etag,
        "page_last_modified": page.validators.last_modified,
    }
    if page.data is None and state.get("file_url"):
        return state["file_url"], page_state
    linked = find_link(page.data or b"", page.url, source.link)
    if linked is None:
        raise FetchError(f"{source.url}: no link matches {source.link!r} on the page")
    return linked, page_state


def _take(source: WatchSource, fetched, run: _Run) -> SourceOutcome:
    """Archive a fetched file, check it is a plan file, load it and report the changes."""
    from planwatch.ingest.formats import sniff_format

    name = _file_name(fetched)
    fmt = sniff_format(Path(name), fetched.data)
    if fmt is None:
        raise FetchError(
            f"{fetched.url}: not a plan file (content type {fetched.content_type or 'not given'},"
            " content not recognised)"
        )
    if not Path(name).suffix:
        name = f"{name}.{fmt.value}"
    when = datetime.now(UTC).isoformat(timespec="seconds")
    path = run.archive.keep(fetched.data, name, fetched.url, when, fetched.content_type)
    return _load(source, path, fetched.url, run)


def _file_name(fetched) -> str:
    """Return the file's own name: from Content-Disposition, else the address's last part."""
    name = fetched.filename or unquote(PurePosixPath(urlsplit(fetched.url).path).name)
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '/\\:*?"<>|').strip(". ")
    return name or "plan"


def _load(source: WatchSource, path: Path, url: str, run: _Run) -> SourceOutcome:
    from planwatch.pipeline import extract_file

    actions = extract_file(
        path,
        plan_id=source.plan or None,
        settings=run.settings.extract,
        limits=run.settings.limits,
        pdf=run.settings.pdf,
    )
    actions = [replace(a, source_url=url) for a in actions]
    result = run.conn.load(actions, archive_path=str(path))
    edition = result.edition
    name = f"{edition.plan_id} {edition.edition_date or '(undated)'}"
    if not result.loaded:
        return SourceOutcome(source, "unchanged", f"unchanged (already loaded as {name})")
    head = f"new edition {name} ({result.rows} entries)"
    reports, summary = _report(run, result, actions)
    return SourceOutcome(source, "loaded", f"{head}; {summary}", reports)


def _report(run: _Run, result, actions) -> tuple[tuple[Path, ...], str]:
    """Write the comparison with the edition before; return the files and a headline."""
    from planwatch.export import write_changes

    edition, before, changes = result.edition, result.previous, list(result.changes)
    if before is None:
        return (), "no earlier edition of this plan in the store"
    old = run.conn.edition_actions(before)
    stem = f"{edition.plan_id}-{before.edition_date}-to-{edition.edition_date}"
    folder = run.settings.report_dir
    folder.mkdir(parents=True, exist_ok=True)
    reports = (folder / f"{stem}.html", folder / f"{stem}-changes.csv")
    write_changes(changes, reports[0], old=old, new=actions)
    write_changes(changes, reports[1])
    return reports, f"since {before.edition_date}: {headline(changes)}"


def headline(changes: Sequence) -> str:
    """Return "3 actions changed, 1 added, 1 removed": how many actions each kind touched."""
    kinds: dict[str, set[str]] = {"changed": set(), "added": set(), "removed": set()}
    for change in changes:
        kinds.setdefault(change.change, set()).add(change.action_id)
    if not any(kinds.values()):
        return "no changes"
    return ", ".join(
        f"{len(ids)} {'actions' if len(ids) != 1 else 'action'} {kind}"
        if kind == "changed"
        else f"{len(ids)} {kind}"
        for kind, ids in kinds.items()
        if ids
    )
