"""Read Word 97-2003 (.doc) files by converting them to .docx with LibreOffice first.

No well-kept Python library reads the binary Word format's tables; LibreOffice's
own import does, so a .doc is converted in a private temporary folder, under a
time limit, and the .docx it gives is read by the Word reader.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from planwatch.errors import UnreadableFile
from planwatch.model import Document, Source

from .limits import Limits

_HOW_TO = "open it in Word or LibreOffice and save it as .docx"


def read_doc(path: Path, source: Source, data: bytes, limits: Limits) -> Document:
    """Return the Document of a .doc, read through LibreOffice's .docx export."""
    from .docx_reader import read_docx

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UnreadableFile(
            f"{path.name}: Word 97-2003 (.doc) files are read through LibreOffice, which is"
            f" not installed (package libreoffice-writer-nogui); or {_HOW_TO}"
        )
    with tempfile.TemporaryDirectory(prefix="planwatch-doc-") as work:
        converted = _convert(office, path, data, Path(work), limits.max_convert_seconds)
        return read_docx(path, source, converted, limits)


def _convert(office: str, path: Path, data: bytes, work: Path, seconds: int) -> bytes:
    """Return the .docx bytes LibreOffice makes of ``data``; raise UnreadableFile on failure."""
    original = work / "plan.doc"
    original.write_bytes(data)
    command = [
        office,
        f"-env:UserInstallation=file://{work / 'profile'}",  # its own profile: runs never clash
        "--headless",
        "--norestore",
        "--convert-to",
        "docx",
        "--outdir",
        str(work),
        str(original),
    ]
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # soffice starts helpers of its own
        process.wait()
        raise UnreadableFile(
            f"{path.name}: converting the .doc took over {seconds} s; refusing it"
            f" (broken or hostile); {_HOW_TO}"
        ) from None
    converted = work / "plan.docx"
    if not converted.exists():
        raise UnreadableFile(
            f"{path.name}: LibreOffice could not convert this .doc (damaged, protected or"
            f" not a Word document); {_HOW_TO}"
        )
    return converted.read_bytes()
