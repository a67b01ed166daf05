"""Fetching a published file over HTTP: conditional, bounded in time, size and redirects."""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.message import Message

from planwatch.errors import PlanwatchError


class FetchError(PlanwatchError):
    """A source could not be fetched; the message says why in one line."""


@dataclass(frozen=True)
class FetchSettings:
    """How far a fetch may go before it is given up."""

    timeout_s: float = 30.0  # for the whole response, not only between bytes
    max_bytes: int = 200 * 2**20
    max_redirects: int = 5
    user_agent: str = "planwatch (+https://pypi.org/project/planwatch/)"

    def __post_init__(self) -> None:
        for name in ("timeout_s", "max_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(
                    f"fetch setting {name} must be positive, got {getattr(self, name)!r}"
                )
        if self.max_redirects < 0:
            raise ValueError(
                f"fetch setting max_redirects must be 0 or more, got {self.max_redirects!r}"
            )


@dataclass(frozen=True)
class Validators:
    """What a server said of the copy we hold, for a conditional request."""

    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True)
class Fetched:
    """A response: its final address, body (None when not modified) and validators."""

    url: str
    data: bytes | None
    validators: Validators
    content_type: str = ""
    filename: str = ""  # from Content-Disposition, where the server names the file


def fetch(
    client, url: str, headers: dict[str, str], known: Validators | None, settings: FetchSettings
) -> Fetched:
    """Return ``url``'s body, or no body if unchanged since ``known``; raise FetchError."""
    import httpx

    request_headers = {"User-Agent": settings.user_agent, **headers}
    if known and known.etag:
        request_headers["If-None-Match"] = known.etag
    if known and known.last_modified:
        request_headers["If-Modified-Since"] = known.last_modified
    try:
        with client.stream("GET", url, headers=request_headers) as response:
            return _read(response, url, known, settings)
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url}: more than {settings.max_redirects} redirects") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: no answer within {settings.timeout_s:g} s") from exc
    except httpx.UnsupportedProtocol as exc:
        raise FetchError(f"{url}: only http and https addresses are fetched") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc


def _read(response, url: str, known: Validators | None, settings: FetchSettings) -> Fetched:
    if response.status_code == 304 and known:
        return Fetched(str(response.url), None, known)
    if response.status_code >= 400 or response.status_code < 200 or response.status_code == 304:
        raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
    validators = Validators(
        response.headers.get("etag", ""), response.headers.get("last-modified", "")
    )
    return Fetched(
        str(response.url),
        _body(response, url, settings),
        validators,
        response.headers.get("content-type", "").split(";")[0].strip().lower(),
        _filename(response.headers.get("content-disposition", "")),
    )


def _body(response, url: str, settings: FetchSettings) -> bytes:
    """Return the body, stopping at the size limit and at the overall deadline."""
    limit_mb = settings.max_bytes / 2**20
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchError(f"{url}: file is over the {limit_mb:,.0f} MB limit")
    deadline = time.monotonic() + settings.timeout_s
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise FetchError(f"{url}: file is over the {limit_mb:,.0f} MB limit; stopped reading")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: no whole answer within {settings.timeout_s:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _filename(disposition: str) -> str:
    if not disposition:
        return ""
    message = Message()
    message["content-disposition"] = disposition
    name = message.get_filename() or ""
    return name.replace("/", "_").replace("\\", "_").strip(". ")


def make_client(settings: FetchSettings):
    """Return an httpx client bounded by ``settings``, with no proxies or .netrc from the env."""
    import httpx

    return httpx.Client(
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        timeout=httpx.Timeout(settings.timeout_s),
        trust_env=False,
    )
