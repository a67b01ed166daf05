"""Plan identity: a cosmetic line above the title files no edition under a new plan, and a
new plan id that looks like a stored plan is named, with the way to merge it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planwatch.cli import cli as main
from planwatch.extract.metadata import read_plan_info
from planwatch.extract.settings import ExtractSettings
from planwatch.model import Document, Paragraph, Source
from planwatch.pipeline import extract_file
from planwatch.store import Store

HEADER = "Ref\tAction\tLead\tTarget date\tStatus\n"
ROWS = (
    "1.1\tReview the risk methodology used to target home fire safety visits.\tAM\tMar 2024\tOpen\n"
    "1.2\tPublish the annual prevention evaluation report.\tAM\tJun 2024\tOpen\n"
)


def _plan_file(tmp_path, name: str, *opening: str, closed: bool = False) -> str:
    rows = ROWS.replace("Jun 2024\tOpen", "Jun 2024\tComplete") if closed else ROWS
    path = tmp_path / name
    path.write_text("\n".join(opening) + "\n" + HEADER + rows, encoding="utf-8")
    return str(path)


def _document(*paragraphs: Paragraph) -> Document:
    return Document(Source("plan.docx", "0" * 64, "docx"), paragraphs)


@pytest.mark.parametrize(
    "opening",
    [
        ("Draft plan for consultation", "HMICFRS Improvement Plan 2023/24"),
        ("HMICFRS Improvement Plan 2023/24", "Draft plan for consultation"),
        ("Westshire Fire and Rescue Service", "Draft plan for consultation",
         "HMICFRS Improvement Plan 2023/24"),
    ],
    ids=["noise above", "noise below", "noise between"],
)  # fmt: skip
def test_a_line_about_the_document_is_not_the_title(opening):
    """Unstyled lines: the title is the line written as a name (title case)."""
    plan, _ = read_plan_info(_document(*(Paragraph(line) for line in opening)), ExtractSettings())
    assert plan.title == "HMICFRS Improvement Plan 2023/24"


def test_the_styled_title_wins_over_a_line_in_body_text():
    """Where the document styles its title, the style says which line it is, even in
    sentence case."""
    document = _document(
        Paragraph("Draft Plan For Consultation", "Normal"),
        Paragraph("Improvement plan 2023 to 2025", "Title"),
        Paragraph("Action plan", "Heading 1"),
    )
    assert read_plan_info(document, ExtractSettings())[0].title == "Improvement plan 2023 to 2025"


def test_a_draft_line_above_the_title_keeps_the_plan_id(tmp_path):
    """Two editions, the second with a "Draft plan for consultation" line above the title:
    one plan, and the second load compares against the first."""
    head = ("Westshire Fire and Rescue Service", "HMICFRS Improvement Plan 2023/24")
    first = _plan_file(tmp_path, "ws-2023-10.txt", *head, "Updated: October 2023")
    second = _plan_file(
        tmp_path,
        "ws-2024-01.txt",
        head[0],
        "Draft plan for consultation",
        head[1],
        "Updated: January 2024",
        closed=True,
    )
    store = tmp_path / "store.db"
    runner = CliRunner()
    assert runner.invoke(main, ["load", "--store", str(store), first]).exit_code == 0
    done = runner.invoke(main, ["load", "--store", str(store), second])
    assert done.exit_code == 0, done.output
    assert "1 closed" in done.stdout
    with Store(store) as opened:
        assert [p.plan_id for p in opened.plans()] == ["wfrs-hmicfrs-improvement-plan-2023-24"]


def test_a_new_plan_id_like_a_stored_plan_is_named_with_the_way_to_merge(tmp_path):
    """A retitled edition makes a new plan id; the load says which stored plan of the same
    organisation it resembles and how to file it there."""
    org = "Westshire Fire and Rescue Service"
    first = _plan_file(tmp_path, "ws-2023-10.txt", org, "HMICFRS Improvement Plan 2023/24",
                       "Updated: October 2023")  # fmt: skip
    retitled = _plan_file(tmp_path, "ws-2024-01.txt", org,
                          "HMICFRS Improvement Plan 2023/24 (revised)", "Updated: January 2024",
                          closed=True)  # fmt: skip
    other = _plan_file(tmp_path, "ws-cfc.txt", org, "Protection Cause for Concern Action Plan",
                       "Updated: February 2024")  # fmt: skip
    store = str(tmp_path / "store.db")
    runner = CliRunner()
    assert runner.invoke(main, ["load", "--store", store, first]).exit_code == 0
    done = runner.invoke(main, ["load", "--store", store, retitled])
    assert done.exit_code == 0
    assert (
        "ws-2024-01.txt: wfrs-hmicfrs-improvement-plan-2023-24-revised is a new plan; the store "
        "holds wfrs-hmicfrs-improvement-plan-2023-24 of the same organisation, "
        '"HMICFRS Improvement Plan 2023/24": if this is an edition of it, load with '
        "--plan wfrs-hmicfrs-improvement-plan-2023-24"
    ) in done.stderr
    unlike = runner.invoke(main, ["load", "--store", store, other])
    assert unlike.exit_code == 0 and "is a new plan" not in unlike.stderr

    merged = runner.invoke(
        main, ["load", "--store", store, "--replace", "--plan",
               "wfrs-hmicfrs-improvement-plan-2023-24", retitled],
    )  # fmt: skip
    assert merged.exit_code == 0 and "1 closed" in merged.stdout
    assert "is a new plan" not in merged.stderr


def test_similar_plans_are_named_by_the_library(tmp_path):
    org = "Westshire Fire and Rescue Service"
    first = _plan_file(tmp_path, "a.txt", org, "HMICFRS Improvement Plan 2023/24",
                       "Updated: October 2023")  # fmt: skip
    second = _plan_file(tmp_path, "b.txt", org, "Draft HMICFRS Improvement Plan 2023/24",
                        "Updated: January 2024")  # fmt: skip
    with Store(tmp_path / "store.db") as store:
        assert store.load(first).similar_plans == ()
        result = store.load(extract_file(second))
        assert [p.plan_id for p in result.similar_plans] == [
            "wfrs-hmicfrs-improvement-plan-2023-24"
        ]


def test_how_alike_a_title_must_be_is_the_stores_setting(tmp_path):
    # "Draft " before the title: lower-cased and without punctuation the stored title (32
    # letters) is all of the new one (38), which fuzz.ratio scores 200 * 32 / 70 = 91.4.
    from planwatch.diff import DiffSettings

    org = "Westshire Fire and Rescue Service"
    first = _plan_file(tmp_path, "a.txt", org, "HMICFRS Improvement Plan 2023/24",
                       "Updated: October 2023")  # fmt: skip
    second = _plan_file(tmp_path, "b.txt", org, "Draft HMICFRS Improvement Plan 2023/24",
                        "Updated: January 2024")  # fmt: skip
    strict = DiffSettings(similar_title_min=95)
    with Store(tmp_path / "store.db", diff_settings=strict) as store:
        store.load(first)
        assert store.load(second).similar_plans == ()
    with pytest.raises(TypeError, match="diff_settings must be a DiffSettings"):
        Store(tmp_path / "other.db", diff_settings={"similar_title_min": 95})


# One plan's editions, written by hand: the retitled ones (January on) were filed under
# a plan id of their own until loaded again with --plan. January closes 1.2, April moves
# 1.1's target from Mar 2024 to Sep 2024, July closes 1.1.
_WS_ORG = "Westshire Fire and Rescue Service"
_WS_EDITIONS = {  # file: (title, updated, 1.1's target and status, 1.2's status)
    "ws-2023-10.txt": ("HMICFRS Improvement Plan 2023/24", "October 2023",
                       "Mar 2024\tOpen", "Open"),
    "ws-2024-01.txt": ("HMICFRS Improvement Plan 2023/24 (revised)", "January 2024",
                       "Mar 2024\tOpen", "Complete"),
    "ws-2024-04.txt": ("HMICFRS Improvement Plan 2023/24 (revised)", "April 2024",
                       "Sep 2024\tOpen", "Complete"),
    "ws-2024-07.txt": ("HMICFRS Improvement Plan 2023/24 (revised)", "July 2024",
                       "Sep 2024\tComplete", "Complete"),
}  # fmt: skip
_WS_PLAN, _WS_REVISED = (
    "wfrs-hmicfrs-improvement-plan-2023-24",
    "wfrs-hmicfrs-improvement-plan-2023-24-revised",
)


def _ws_files(tmp_path) -> dict[str, str]:
    files = {}
    for name, (title, updated, first, second) in _WS_EDITIONS.items():
        rows = (
            "1.1\tReview the risk methodology used to target home fire safety visits.\tAM\t"
            f"{first}\n1.2\tPublish the annual prevention evaluation report.\tAM\tJun 2024\t"
            f"{second}\n"
        )
        path = tmp_path / name
        path.write_text(f"{_WS_ORG}\n{title}\nUpdated: {updated}\n{HEADER}{rows}", encoding="utf-8")
        files[name] = str(path)
    return files


def _kinds_by_edition(store: Store, plan: str) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for change in store.changes(plan):
        found.setdefault(change.new_edition.isoformat(), []).append((change.action_id, change.kind))
    return found


def test_several_editions_moved_into_a_plan_with_replace_and_plan(tmp_path):
    files = _ws_files(tmp_path)
    store_path = str(tmp_path / "store.db")
    runner = CliRunner()
    assert runner.invoke(main, ["load", "--store", store_path, *files.values()]).exit_code == 0
    with Store(store_path) as store:
        assert [p.plan_id for p in store.plans()] == [_WS_PLAN, _WS_REVISED]
        assert len(store.editions(_WS_REVISED)) == 3
    retitled = [files["ws-2024-04.txt"], files["ws-2024-07.txt"], files["ws-2024-01.txt"]]
    moved = runner.invoke(
        main, ["load", "--store", store_path, "--replace", "--plan", _WS_PLAN, *retitled]
    )
    assert moved.exit_code == 0, moved.stderr
    assert moved.stdout.count(f"moved from {_WS_REVISED}") == 3
    with Store(store_path) as store:
        assert [p.plan_id for p in store.plans()] == [_WS_PLAN]  # the emptied plan is gone
        assert [str(e.edition_date) for e in store.editions(_WS_PLAN)] == [
            "2023-10-01", "2024-01-01", "2024-04-01", "2024-07-01"
        ]  # fmt: skip
        assert _kinds_by_edition(store, _WS_PLAN) == {
            "2024-01-01": [("1.2", "closed")],
            "2024-04-01": [("1.1", "target_later")],
            "2024-07-01": [("1.1", "closed")],
        }
        story = [(e.edition_date.month, [a.status for a in rows]) for e, rows in
                 store.history(_WS_PLAN, "1.2")]  # fmt: skip
        assert story == [(10, ["open"]), (1, ["complete"]), (4, ["complete"]), (7, ["complete"])]


def test_an_edition_moved_out_of_the_middle_of_a_plan_mends_both_plans(tmp_path):
    files = _ws_files(tmp_path)
    store_path = str(tmp_path / "store.db")
    runner = CliRunner()
    assert runner.invoke(main, ["load", "--store", store_path, *files.values()]).exit_code == 0
    moved = runner.invoke(
        main,
        ["load", "--store", store_path, "--replace", "--plan", _WS_PLAN, files["ws-2024-04.txt"]],
    )
    assert moved.exit_code == 0, moved.stderr
    with Store(store_path) as store:
        assert [str(e.edition_date) for e in store.editions(_WS_REVISED)] == [
            "2024-01-01", "2024-07-01"
        ]  # fmt: skip
        # the plan left behind is compared over the gap: January to July
        assert _kinds_by_edition(store, _WS_REVISED) == {
            "2024-07-01": [("1.1", "closed"), ("1.1", "target_later")]
        }
        assert _kinds_by_edition(store, _WS_PLAN) == {
            "2024-04-01": [("1.1", "target_later"), ("1.2", "closed")]
        }
