"""Table cells from drawn rules (ingest/pdf_cells.py), on rules laid out by hand."""

from __future__ import annotations

from planwatch.ingest import PdfSettings
from planwatch.ingest.pdf_cells import cell_groups
from planwatch.ingest.pdf_records import Shape


def _line(x0: float, top: float, x1: float, bottom: float) -> Shape:
    return Shape("line", x0, top, x1, bottom, ((x0, top), (x1, bottom)), True, False, None, None, 1)


def _grid(xs: list[float], ys: list[float]) -> list[Shape]:
    """Rules of a table: one horizontal per y across, one vertical per x down."""
    across = [_line(xs[0], y, xs[-1], y) for y in ys]
    down = [_line(x, ys[0], x, ys[-1]) for x in xs]
    return across + down


def test_a_two_by_two_grid_gives_its_four_cells() -> None:
    assert cell_groups(_grid([10, 60, 110], [20, 40, 70])) == [
        [(10, 20, 60, 40), (10, 40, 60, 70), (60, 20, 110, 40), (60, 40, 110, 70)]
    ]


def test_rules_under_three_points_apart_are_one_rule() -> None:
    # the frame drawn half a point wider than the inner rules, as LibreOffice draws it;
    # the rules come together on the mean of their positions
    rules = _grid([10, 60, 110], [20, 40, 70]) + [_line(10, 20.5, 110, 20.5)]
    cells = cell_groups(rules)[0]
    assert len(cells) == 4
    assert {c[1] for c in cells} == {(20 + 20.5) / 2, 40}


def test_a_rule_broken_by_a_gap_up_to_three_points_is_one_rule() -> None:
    # the foot under the left cell drawn in two pieces
    rules = _grid([10, 60, 110], [20, 70])
    rules[1] = _line(10, 70, 40, 70)
    assert len(cell_groups([*rules, _line(43, 70, 110, 70)])[0]) == 2  # 3 pt apart: joined
    # 4 pt apart: the left cell has no foot of its own, the right one is alone
    assert cell_groups([*rules, _line(44, 70, 110, 70)]) == []
    # unless the caller allows wider gaps
    wide = PdfSettings(cell_join=4.0)
    assert len(cell_groups([*rules, _line(44, 70, 110, 70)], wide)[0]) == 2


def test_a_box_of_four_rules_alone_is_no_table() -> None:
    # one cell: a framed paragraph, not a table of two or more cells
    assert cell_groups(_grid([10, 110], [20, 70])) == []


def test_two_grids_apart_are_two_tables_top_first() -> None:
    lower = _grid([10, 60, 110], [200, 230])
    upper = _grid([10, 60, 110], [20, 50])
    tables = cell_groups(lower + upper)
    assert [t[0][1] for t in tables] == [20, 200]
    assert [len(t) for t in tables] == [2, 2]


def test_a_filled_box_gives_its_four_edges() -> None:
    box = Shape("rect", 10, 20, 60, 40, (), False, True, "000000", None, 0)
    other = Shape("rect", 60, 20, 110, 40, (), False, True, "000000", None, 0)
    assert cell_groups([box, other]) == [[(10, 20, 60, 40), (60, 20, 110, 40)]]
