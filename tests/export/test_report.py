"""The HTML comparison report: headline figures, redline, pages, and a file safe to email."""

from __future__ import annotations

import re

import pytest

from planwatch.errors import PlanwatchError
from planwatch.export import write_changes
from planwatch.export.redline import redline
from planwatch.export.report import render_report, write_report
from planwatch.export.summary import summarise


def test_summary_figures(editions):
    summary = summarise(*editions)
    assert summary.closed == ("1.1",)
    assert summary.added == ("3.1",)
    assert summary.removed == ("2.2",)
    assert summary.moved_later == ("1.3",)
    assert summary.moved_earlier == ("2.1",)
    assert summary.newly_overdue == ("2.3",)
    assert summary.reopened == ()


@pytest.mark.parametrize(
    ("old", "new", "old_html", "new_html"),
    [
        (
            "Draft written.",
            "Draft written. Consultation closed.",
            "Draft written.",
            "Draft written. <ins>Consultation closed.</ins>",
        ),
        (
            "Courses booked for March",
            "Courses delivered in March",
            "Courses <del>booked for</del> March",
            "Courses <ins>delivered in</ins> March",
        ),
        ("a < b", "a > b", "a <del>&lt;</del> b", "a <ins>&gt;</ins> b"),
        ("", "New", "", "<ins>New</ins>"),
    ],
)
def test_redline_marks_changed_words(old, new, old_html, new_html):
    assert redline(old, new) == (old_html, new_html)


@pytest.fixture(scope="module")
def html(editions) -> str:
    return render_report(*editions)


def test_report_is_self_contained(html):
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "<link" not in html
    assert "@import" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert html.count("<svg") == 2
    assert "@media print" in html


def test_report_escapes_document_text(html):
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Review referrals &amp; backlog" in html
    )
    assert "Referrals &lt;from partners&gt;" in html


def test_report_heads_with_both_editions(html):
    assert (
        "<title>Prevention Cause for Concern Action Plan: 1 July 2021 to 17 November 2021" in html
    )
    assert "plan-2021-07.pdf" in html and "plan-2021-11.pdf" in html


def test_changed_action_shows_old_and_new_side_by_side(html):
    card = re.search(r'<span class="id">1\.2</span>.*?</article>', html)
    assert card, "no card for 1.2"
    heads = re.findall(r"<th>(Older|Newer) edition · (.*?)</th>", card.group())
    assert heads == [
        ("Older", '1 July 2021<span class="page">p.&nbsp;2</span>'),
        ("Newer", '17 November 2021<span class="page">p.&nbsp;3</span>'),
    ]
    cells = re.findall(r"<td>(.*?)</td>", card.group())
    assert cells == ["Draft written.", "Draft written. <ins>Consultation closed in October.</ins>"]


def test_rows_on_different_pages_show_their_own(editions, make_action, make_change):
    old, new, changes = editions
    entries = [
        make_action(action_id="4.1", entry_no=1, progress="Started.", source_page=4),
        make_action(action_id="4.1", entry_no=2, progress="Carried on.", source_page=5),
    ]
    html = render_report(old, [*new, *entries], [make_change(action_id="4.1", change="added")])
    card = re.search(r'<span class="id">4\.1</span>.*?</article>', html).group()
    cells = re.findall(r"<td>(.*?)</td>", card)
    assert '<span class="page">p.&nbsp;4</span>Started.' in cells
    assert '<span class="page">p.&nbsp;5</span>Carried on.' in cells


def test_dates_moves_and_closures_are_noted(html):
    card = re.search(r'<span class="id">1\.3</span>.*?</article>', html).group()
    assert "target moved 3 months later" in card
    assert "31 <del>Dec 2021</del>" in card and "31 <ins>Mar 2022</ins>" in card
    card = re.search(r'<span class="id">1\.1</span>.*?</article>', html).group()
    assert '<span class="badge">closed</span>' in card
    assert "<del>Open</del>" in card and "<ins>Complete</ins>" in card


def test_sections_follow_the_newer_edition(html):
    refs = re.findall(r'<h3><span class="ref">(.*?)</span>', html)
    assert refs == ["Objective 1", "Objective 2", "Objective 3"]
    ids = re.findall(r'<span class="id">(.*?)</span>', html)
    assert ids == ["1.1", "1.2", "1.3", "2.1", "2.3", "2.2", "3.1"]  # removed: end of section


def test_write_report_and_write_changes_html(tmp_path, editions):
    old, new, changes = editions
    write_report(old, new, changes, tmp_path / "report.html")
    write_changes(changes, tmp_path / "via-suffix.html", old=old, new=new)
    assert (tmp_path / "report.html").read_text("utf-8") == (
        tmp_path / "via-suffix.html"
    ).read_text("utf-8")
    with pytest.raises(PlanwatchError, match="needs both editions"):
        write_changes(changes, tmp_path / "no-editions.html")


def test_nothing_changed(editions):
    old = editions[0]
    html = render_report(old, old, [])
    assert "Nothing changed between the two editions." in html
    assert "No target date moved." in html


def test_a_dollar_sign_in_a_ref_or_file_name_is_text_not_maths(make_action, make_change):
    from datetime import date

    odd = r"$\frac{$"
    old = [make_action(action_id=odd, due_end=date(2021, 9, 30), source_file=f"{odd}.pdf")]
    new = [make_action(action_id=odd, due_end=date(2021, 12, 31), source_file="b$x$.pdf")]
    moved = make_change(
        action_id=odd,
        change="changed",
        field="due_end",
        old_value="2021-09-30",
        new_value="2021-12-31",
        note="target moved 92 days later",
    )
    page = render_report(old, new, [moved])
    assert odd in page  # drawn as the characters themselves in the chart's SVG text
