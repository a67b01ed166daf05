"""Checks on a zipped XML package (.docx) made before any XML parser sees it."""

from __future__ import annotations

import io
import zipfile

from planwatch.errors import UnreadableFile

from .limits import MB, Limits

_CHUNK = 1 << 20
# Word never writes a DTD; one in a package can only be there to expand entities
# ("billion laughs") or to pull in external files, so any declaration is refused.
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_OVERLAP = max(len(m) for m in _DTD_MARKERS) - 1


def check_office_package(name: str, data: bytes, main_part: str, what: str, limits: Limits) -> None:
    """Return None if ``data`` is a zip holding ``main_part`` ("word/document.xml") and safe to
    parse; raise UnreadableFile naming ``what`` it is not ("Word document"). A damaged zip
    raises zipfile's own errors, for the reader to word."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if main_part not in zf.namelist():
            raise UnreadableFile(f"{name}: not a valid {what} (no {main_part})")
        check_package(name, zf, limits)


def check_package(name: str, zf: zipfile.ZipFile, limits: Limits) -> None:
    """Return None if the package is safe to parse; raise UnreadableFile naming the danger."""
    check_inflated_size(name, zf, limits)
    for info in zf.infolist():
        if not info.is_dir() and _declares_dtd(zf, info):
            raise UnreadableFile(
                f"{name}: part {info.filename} declares a DTD or entities (<!DOCTYPE or"
                " <!ENTITY), which Word never writes; refusing it as unsafe"
            )


def check_inflated_size(name: str, zf: zipfile.ZipFile, limits: Limits) -> None:
    """Return None if the members' declared sizes fit the limit; raise UnreadableFile if not."""
    # zipfile stops inflating a member at its declared size, so the sum is a true bound
    total = sum(info.file_size for info in zf.infolist())
    if total > limits.max_inflated_bytes:
        raise UnreadableFile(
            f"{name}: unpacks to {total / MB:,.0f} MB, over the"
            f" {limits.max_inflated_bytes / MB:,.0f} MB limit for unpacked content;"
            " refusing a possible zip bomb (raise the limit with --max-inflated-mb)"
        )


def _declares_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with zf.open(info) as member:
        while chunk := member.read(_CHUNK):
            window = tail + chunk
            if any(marker in window for marker in _DTD_MARKERS):
                return True
            tail = window[-_OVERLAP:]
    return False
