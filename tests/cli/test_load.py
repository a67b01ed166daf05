"""planwatch load: editions into the store, with what changed since the one before."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from planwatch.cli import cli

CFC_NOV, CFC_FEB = "hwfrs-prevention-cfc-2021-11.txt", "hwfrs-prevention-cfc-2022-02.txt"


def _load(tmp_path, *paths):
    args = ["load", "-j", "1", "--store", str(tmp_path / "planwatch.db"), *map(str, paths)]
    return CliRunner().invoke(cli, args)


def test_load_prints_the_changes_since_the_edition_before(tmp_path, samples):
    result = _load(tmp_path, samples / CFC_NOV, samples / CFC_FEB)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{CFC_NOV}: loaded ")
    assert lines[0].endswith("no earlier edition of this plan in the store")
    assert lines[1].startswith(f"{CFC_FEB}: loaded ")
    # closed: 1.5, 2.8, 3.10, 3.12; later: 1.6, 2.10; earlier: 2.12 (samples/README.md)
    assert lines[2].startswith(
        "  hwfrs-prevention-cause-for-concern-action-plan: 2021-11-17 -> 2022-02-15: "
        "4 closed, 2 targets later, 1 target earlier, "
    )
    text = "\n".join(lines)
    # 2.13 dropped, 2.14 renumbered 2.13; 3.15 added; 3.12 signed off by GCP on 11.01.22
    assert "  2.14 -> 2.13  Investigate a body to undertake a peer review" in text
    assert "      ref: 2.14 -> 2.13 (renumbered)" in text
    assert "  2.13 (older edition)  Undertake efficiency based value review" in text
    assert "  3.15  Review the outcomes of the Home Fire Safety Visit quality" in text
    assert "      signed off: (none) -> 2022-01-11 (signed off by GCP)" in text
    assert "      target: 2022-04-30 -> 2022-03-31 (target moved 30 days earlier)" in text


def test_loading_a_file_again_adds_nothing(tmp_path, samples):
    _load(tmp_path, samples / CFC_NOV)
    again = _load(tmp_path, samples / CFC_NOV)
    assert again.exit_code == 0
    assert again.stdout.startswith(f"{CFC_NOV}: already loaded as ")
    assert "2021-11-17" in again.stdout


def test_a_bad_file_is_named_and_the_others_still_load(tmp_path, samples):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    copy = tmp_path / CFC_NOV
    shutil.copy(samples / CFC_NOV, copy)
    result = _load(tmp_path, broken, copy)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: broken.pdf")
    assert f"{CFC_NOV}: loaded " in result.stdout


def test_load_v_prints_the_rows_and_the_documents_warnings(tmp_path, samples):
    # the same edition with its date line taken out: the date is read from the file name
    undated = tmp_path / "cfc-2021-11.txt"
    text = (samples / CFC_NOV).read_text(encoding="utf-8")
    undated.write_text(text.replace("17 November 2021\n", "", 1), encoding="utf-8")
    quiet = _load(tmp_path, undated)
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr
    (tmp_path / "planwatch.db").unlink()
    verbose = CliRunner().invoke(
        cli, ["-v", "load", "-j", "1", "--store", str(tmp_path / "planwatch.db"), str(undated)]
    )
    assert verbose.exit_code == 0, verbose.stderr
    lines = verbose.stderr.splitlines()
    # as extract -v prints them: the document's own first, then each row's
    document = (
        "  warning: edition date not printed in the document: taken from the file name "
        "(cfc-2021-11.txt)"
    )
    # 1.1's lead cell reads "CGP PM": no such code in the key, read as GCP
    row = "  warning: 1.1 entry 1: lead CGP read as GCP"
    assert document in lines and row in lines
    assert lines.index(document) < lines.index(row)
    assert "2021-11-01 (37 entries)" in verbose.stdout
