"""Forms read in session 32 (see docs/design.md, "session 32")."""
from extractors.loaders.pdf.tables import _closing_lines


def _v(x, top, bottom):
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def _h(x0, x1, y):
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


def test_a_row_cut_by_the_page_break_is_closed_across_a_filled_rag_cell():
    # the column rulings stop at the page's foot (y 779) with no border under the cut row; the
    # RAG cell's fill draws a short edge under its own column (496-544) only
    xs = (51, 80, 185, 280, 330, 496, 544)
    edges = [_v(x, 682, 779) for x in xs] + [_h(51, 544, 682), _h(51, 544, 697), _h(51, 544, 758), _h(496, 544, 779)]
    got = _closing_lines(edges)
    assert len(got) == 1
    assert (got[0]["x0"], got[0]["x1"], round(got[0]["top"])) == (51, 544, 779)


def test_a_closed_table_gets_no_closing_line():
    xs = (51, 185, 330, 544)
    edges = [_v(x, 100, 300) for x in xs] + [_h(51, 544, 100), _h(51, 544, 300)]
    assert _closing_lines(edges) == []
