"""The command-line habits of the field: - for standard input and output, --format, -q / -v,
--debug anywhere, a closed pipe, export filters, --no-bom, and output fit for a terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import planwatch.pipeline
from planwatch.cli import cli

NOV, FEB = "hwfrs-prevention-cfc-2021-11.txt", "hwfrs-prevention-cfc-2022-02.txt"
PLAN = "hwfrs-prevention-cause-for-concern-action-plan"
PLANWATCH = Path(sys.executable).parent / "planwatch"


def _run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def _csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_dash_reads_standard_input_and_writes_standard_output(samples):
    data = (samples / NOV).read_bytes()
    result = _run("extract", "-j", "1", "-", "-o", "-", input=data)
    assert (result.exit_code, result.stderr) == (0, "")  # no summary beside the table
    rows = _csv_rows(result.stdout)
    assert len(rows) == 37 and rows[0]["source_file"] == "stdin"
    # the same rows as from the file itself, but for where they came from
    from_file = _csv_rows(_run("extract", samples / NOV).stdout)
    assert [r["action_id"] for r in rows] == [r["action_id"] for r in from_file]


def test_diff_and_load_read_standard_input_too(samples, tmp_path):
    diff = _run("diff", "-", samples / FEB, input=(samples / NOV).read_bytes())
    assert diff.exit_code == 0, diff.stderr
    assert "  3.15  Review the outcomes of the Home Fire Safety Visit quality" in diff.stdout
    store = tmp_path / "s.db"
    load = _run("load", "--store", store, "-", input=(samples / NOV).read_bytes())
    assert load.exit_code == 0, load.stderr
    assert load.stdout.startswith(f"stdin: loaded {PLAN} 2021-11-17 (37 entries)")


def test_format_names_what_the_suffix_cannot(samples, tmp_path):
    result = _run("extract", samples / NOV, "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 37 and records[0]["edition_date"] == "2021-11-17"
    out = tmp_path / "actions.dat"
    assert _run("extract", samples / NOV, "-o", out, "--format", "json").exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 37
    changes = _run("diff", samples / NOV, samples / FEB, "--format", "json")
    assert {c["action_id"] for c in json.loads(changes.stdout) if c["change"] == "added"} == {
        "3.15"
    }


def test_an_unknown_suffix_is_a_usage_error_before_any_file_is_read(tmp_path):
    result = _run("extract", tmp_path / "missing.docx", "-o", tmp_path / "out.txt")
    assert result.exit_code == 2
    assert "out.txt" in result.stderr and "--format" not in result.stdout


def test_no_bom_for_tools_other_than_excel(samples, tmp_path):
    out = tmp_path / "actions.csv"
    assert _run("extract", samples / NOV, "-o", out, "--no-bom").exit_code == 0
    assert out.read_bytes().startswith(b"plan_id,")


def test_quiet_and_verbose(samples, tmp_path):
    out = tmp_path / "a.csv"
    plain = _run("extract", samples / NOV, "-o", out)
    assert plain.stderr == f"{NOV}: 37 entries (19 complete, 17 open, 1 ongoing; 1 overdue)\n"
    assert _run("extract", samples / NOV, "-o", out, "-q").stderr == ""
    assert _run("-q", "extract", samples / NOV, "-o", out).stderr == ""
    verbose = _run("extract", samples / NOV, "-o", out, "-v").stderr.splitlines()
    # 1.1's lead cell reads "CGP PM": no such code in the key, read as GCP
    assert "  warning: 1.1 entry 1: lead CGP read as GCP" in verbose


def test_debug_is_taken_before_or_after_the_command(samples, tmp_path, monkeypatch):
    def broken(path, **options):
        raise RuntimeError("a bug")

    monkeypatch.setattr(planwatch.pipeline, "read_file", broken)
    args = ["extract", "-j", "1", samples / NOV, "-o", tmp_path / "a.csv"]
    plain = _run(*args)
    assert plain.stderr == (
        f"error: {NOV}: internal error (RuntimeError: a bug); rerun with --debug\n"
    )
    for where in (["--debug", *args], [*args, "--debug"]):
        shown = _run(*where)
        assert "Traceback (most recent call last)" in shown.stderr, where
        assert shown.exit_code == 1


def test_no_input_read_leaves_an_existing_output_as_it_was(tmp_path):
    out = tmp_path / "actions.csv"
    out.write_text("yesterday's rows\n", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    result = _run("extract", bad, "-o", out)
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "yesterday's rows\n"
    assert "left as it was" in result.stderr
    assert not (tmp_path / "datapackage.json").exists()


def test_a_batch_summary_says_how_many_files_went_through(samples, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    result = _run("extract", "-j", "1", samples / NOV, bad, "-o", tmp_path / "a.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "1 of 2 files read, 1 failed"
    load = _run("load", "-j", "1", "--store", tmp_path / "s.db", samples / NOV, bad, samples / NOV)
    assert load.exit_code == 1
    assert load.stderr.splitlines()[-1] == "1 of 3 files loaded, 1 already loaded, 1 failed"


@pytest.fixture
def store(tmp_path, samples) -> Path:
    path = tmp_path / "planwatch.db"
    other = tmp_path / "other.txt"  # a second plan: the same rows under another plan id
    other.write_bytes((samples / NOV).read_bytes() + b"\n")
    _run("load", "-j", "1", "--store", path, samples / NOV, samples / FEB)
    _run("load", "-j", "1", "--store", path, "--plan", "other-plan", other)
    return path


def test_export_writes_standard_output_by_default_with_plan_and_latest(store):
    every = _csv_rows(_run("export", "--store", store).stdout)
    assert len(every) == 37 * 3
    one = _csv_rows(_run("export", "--store", store, "--plan", PLAN).stdout)
    assert {r["edition_date"] for r in one} == {"2021-11-17", "2022-02-15"}
    latest = _csv_rows(_run("export", "--store", store, "--latest").stdout)
    assert {(r["plan_id"], r["edition_date"]) for r in latest} == {
        (PLAN, "2022-02-15"),
        ("other-plan", "2021-11-17"),
    }
    both = _run("export", "--store", store, "--plan", PLAN, "--latest", "--format", "jsonl")
    assert {json.loads(line)["edition_date"] for line in both.stdout.splitlines()} == {"2022-02-15"}
    missing = _run("export", "--store", store, "--plan", "no-such-plan")
    assert missing.exit_code == 1 and "no editions of plan no-such-plan" in missing.stderr


def test_escape_sequences_in_a_document_never_reach_the_terminal(samples, tmp_path):
    text = (samples / NOV).read_text(encoding="utf-8")
    hostile = text.replace(
        "Undertake efficiency based value review",
        "Undertake \x1b]0;owned\x07efficiency \x1b[2Jbased\x07 value review",
        1,
    )
    assert hostile != text
    old = tmp_path / "old.txt"
    old.write_text(hostile, encoding="utf-8")
    result = _run("diff", old, samples / FEB)
    assert "  2.13 (older edition)  Undertake efficiency based value review" in result.stdout
    assert not any(ch in result.stdout for ch in "\x1b\x07")


def test_a_newline_in_a_file_name_cannot_fake_an_output_line(samples, tmp_path):
    odd = tmp_path / "plan\nerror: fake.txt"
    shutil.copy(samples / NOV, odd)
    result = _run("extract", odd, "-o", tmp_path / "a.csv")
    assert result.stderr.splitlines() == [
        "'plan\\nerror: fake.txt': 37 entries (19 complete, 17 open, 1 ongoing; 1 overdue)"
    ]
    bad = tmp_path / "bad\n.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    failed = _run("extract", bad, "-o", tmp_path / "a.csv")
    assert failed.stderr.startswith("error: 'bad\\n.pdf': ")
    assert len(failed.stderr.splitlines()) == 2  # the reason, and the -o file left as it was


@pytest.mark.skipif(not PLANWATCH.exists(), reason="needs the installed planwatch command")
def test_a_closed_pipe_ends_quietly_with_status_0(samples):
    files = " ".join(str(samples / n) for n in (NOV, FEB) * 4)
    shell = f"set -o pipefail; '{PLANWATCH}' extract -j 1 {files} | head -c 100 > /dev/null"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.skipif(
    not PLANWATCH.exists() or sys.platform == "win32", reason="needs a pseudo-terminal"
)
def test_summaries_go_through_the_progress_bar_never_onto_it(samples, tmp_path):
    names = [NOV, FEB, NOV.replace(".txt", ".docx"), FEB.replace(".txt", ".docx")]
    args = [str(PLANWATCH), "extract", "-j", "1", *(str(samples / n) for n in names)]
    text = _on_a_terminal([*args, "-o", str(tmp_path / "a.csv")], stream="stderr")
    assert "0/4 [" in text, "no progress bar was drawn"
    summaries = [line for line in text.split("\n") if " entries (" in line]
    assert len(summaries) == len(names)
    for line, name in zip(summaries, names, strict=True):
        # what the terminal shows on that line: the text after the last carriage return
        shown = line.rstrip("\r").split("\r")[-1]  # the terminal ends each line with \r\n
        for sequence in ("\x1b[A", "\x1b[K"):
            shown = shown.replace(sequence, "")
        assert shown.startswith(f"{name}: "), repr(line)


def test_the_html_report_can_go_to_standard_output(samples, tmp_path):
    result = _run("diff", samples / NOV, samples / FEB, "-o", "-", "--format", "jsonl")
    assert len(result.stdout.splitlines()) >= 10
    page = _run("diff", samples / NOV, samples / FEB, "-o", tmp_path / "c.csv", "--html", "-")
    assert page.exit_code == 0, page.stderr
    assert page.stdout.lstrip().lower().startswith("<!doctype html>")
    assert "3.15" in page.stdout


def _on_a_terminal(args: list[str], *, stream: str) -> str:
    """Run a command with ``stream`` on a pseudo-terminal 100 columns wide; return what it shows."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    # a new pseudo-terminal has no size, and tqdm draws nothing on one
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(args, **{stream: follower}, stdin=subprocess.DEVNULL)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command has ended and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(leader)
    return seen.decode("utf-8", "replace")


@pytest.mark.skipif(
    not PLANWATCH.exists() or sys.platform == "win32", reason="needs a pseudo-terminal"
)
def test_a_table_shown_on_a_terminal_carries_no_escape_sequence(samples, tmp_path):
    hostile = tmp_path / "hostile.txt"
    text = (samples / NOV).read_text(encoding="utf-8")
    hostile.write_text(
        text.replace("Undertake efficiency", "Undertake \x1b]0;owned\x07eff"), encoding="utf-8"
    )
    shown = _on_a_terminal([str(PLANWATCH), "extract", str(hostile)], stream="stdout")
    assert "Undertake eff" in shown and "\x1b" not in shown and "\x07" not in shown
    piped = subprocess.run([str(PLANWATCH), "extract", str(hostile)], capture_output=True)
    assert b"Undertake \x1b]0;owned\x07eff" in piped.stdout  # data through a pipe is untouched
    binary = _on_a_terminal(
        [str(PLANWATCH), "extract", str(hostile), "--format", "parquet"], stream="stdout"
    )
    assert "PAR1" not in binary
