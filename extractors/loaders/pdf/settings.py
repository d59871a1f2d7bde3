"""The PDF loader's layout thresholds, in one settings object (as
pdfplumber's TableSettings gathers its table finder's). Distances are in
PDF points (1/72 inch); "× size" means times the font size of the text
concerned; shares are fractions (0-1). The loader reads `DEFAULT`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdfLayout:
    # --- words and lines (pages.py, lines.py) -----------------------------
    word_x_tolerance: int = 2        # pdfplumber extract_words: largest gap between characters of one word
    word_y_tolerance: int = 3        # pdfplumber extract_words: largest vertical offset between them
    line_lookback: int = 3           # a word may join one of this many most recent lines
    line_overlap: float = 0.5        # a word joins a line it overlaps vertically by this share of the shorter height
    stacked_min_words: int = 3       # a line of fewer words is never split around a tall word
    tall_word: float = 1.5           # a word taller than this × the median word height of its line is "tall"

    # --- the document's usual type and spacing (lines.DocStats) -----------
    size_steps: int = 2              # sizes and gaps are counted in steps of 1/size_steps point
    default_body_size: float = 11.0  # body font size when a document has no lines
    size_tolerance: float = 0.6      # two font sizes within this are the same type
    gap_min: float = -2              # a line gap counted for the usual gap is above this ...
    gap_max: float = 1.5             # ... and below this × the body size
    default_gap: float = 0.2         # usual gap (× body size) when no gap could be counted
    right_edge_min_chars: int = 30   # lines longer than this (characters) find a page's right margin ...
    right_edge_quantile: float = 0.9  # ... as this quantile of their right ends

    # --- paragraphs and headings (lines.py) -------------------------------
    bold_min: float = 0.8            # text is bold when at least this share of its characters is bold
    plain_max: float = 0.2           # text is plain when at most this share is bold
    para_gap: float = 0.33           # a gap wider than the usual gap + this × size starts a paragraph
    para_size_change: float = 1.2    # a font size change larger than this starts a paragraph
    indent_tolerance: float = 3      # lines (or list markers) within this of each other are at the same indent
    para_short_line: float = 0.15    # a line ending more than this × paragraph width before the margin is short
    para_min_width: float = 50.0     # narrowest paragraph width used for that test
    heading_bigger: float = 1.5      # a heading may be set this much (points) larger than body text
    heading_max_words: int = 20      # a heading has at most this many words ...
    heading_max_lines: int = 3       # ... on at most this many lines
    caps_min_letters: int = 4        # text in capitals has at least this many letters ...
    caps_share: float = 0.9          # ... and more than this share of them upper case
    caps_heading_max_words: int = 12  # a heading set in capitals only has at most this many words
    figures_row: int = 2             # a would-be heading holding this many figures is a row of an unruled table
    full_line: float = 3.0           # a last line ending within this × size of the margin runs on
    footnote_smaller: float = 1.0    # a numbered paragraph this much (points) below body size is a footnote
    heading_max_level: int = 3       # deepest level given to an unnumbered heading
    list_indent_step: float = 6      # list markers further apart than this are at different depths
    list_max_indents: int = 3        # deepest list level below the first

    # --- cover blocks: "Label:  value" in two columns (lines.py) ----------
    label_max_words: int = 6         # a label is at most this many words, ending with ":" ...
    label_max_chars: int = 45        # ... and at most this many characters
    label_gap: float = 2.0           # a gap wider than this × size sets the value in a second column
    value_bold_max: float = 0.5      # after a bold label, a value below this bold share is set off
    cover_column: float = 4          # value lines within this of the value's x are in its column ...
    cover_max_gap: float = 3.5       # ... and follow within this × size (+ the usual gap)

    # --- ruled tables on a page (tables.py) --------------------------------
    ruling_min_length: float = 15    # a vertical ruling at least this long can leave a table open
    closing_min_rulings: int = 3     # a closing line is added where this many rulings end open
    closing_tolerance: float = 3     # a ruling end this close to a horizontal rule is closed;
    #                                  open ends this close in height make one closing line
    closing_span_slack: float = 3    # a closing line spans a table when its ends are within 2 × this of its sides ...
    closing_edge: float = 2          # ... and it lies within this of the table's top or bottom
    stacked_offset_min: float = 2.5  # rows whose outer edges jump sideways by more than this ...
    stacked_offset_max: float = 15   # ... and less than this are two tables stacked (scanned pages)
    gradient_slice_max: float = 12   # a gradient slice is at most this thick ...
    gradient_slice_aspect: float = 2  # ... and more than this many times as long as thick
    gradient_min_slices: int = 4     # a gradient is at least this many adjacent slices ...
    gradient_min_colours: int = 3    # ... in at least this many colours ...
    gradient_gap: float = 0.8        # ... each starting within this of the last one's end
    fill_slack: float = 1            # a filled rectangle covers a cell's centre within this
    fill_min_cover: float = 0.5      # a cell's fill covers at least this × its area ...
    fill_max_cover: float = 3.0      # ... and at most this × (larger is a page or table background)
    cell_slack: float = 0.5          # a word's centre within this of a cell is in the cell
    min_table_columns: int = 2       # fewer columns (or columns with words) is a framed text box
    box_max_rows: int = 2            # a grid of at most this many rows with words in one column is a box
    chart_max_filled: float = 0.5    # a grid with words in at most this share of its cells, numbers only, is a chart
    cell_line_gap: float = 0.5       # in a cell, a gap wider than the smallest + this × size breaks the line
    column_min_lines: int = 6        # a two-column passage splits at least this many lines at its gutter
    column_share: float = 0.3        # ... and this share of the page's lines
    column_gap: float = 8.0          # the gutter is at least this wide (points; word spaces are ~3)
    column_prose: float = 0.6        # ... and this share of the split lines have words of prose on both sides
    column_reach: float = 0.25       # left-column lines end within this share of the column's width of the gutter
    column_side_lines: int = 4       # two columns at different heights: at least this many lines on each side
    cell_short_line: float = 0.2     # in a cell, a sentence ending this × cell width before its right side breaks
    cell_fit_margin: float = 1.0     # in a cell, a line whose next line's first word would have fitted on it with
                                     # this × size to spare ended by hand (a list of posts or dates, one a line)

    # --- header rows and tables over page breaks (tables.py) --------------
    header_max_rows: int = 3         # at most this many leading bold rows are a header
    repeated_header_max: int = 4     # at most this many rows repeated from the first page are its header
    column_tolerance: float = 6      # column left edges within this are the same columns
    ocr_row_similarity: float = 0.85  # cells this similar (difflib ratio) are one header printed twice

    # --- scanned pages (scans.py): rough rules snap and join more loosely --
    scan_snap_tolerance: float = 4
    scan_join_tolerance: float = 8
    scan_intersection_tolerance: float = 6

    # --- running headers and footers (furniture.py) -----------------------
    furniture_band: float = 0.12     # the top and bottom band: this share of the page height ...
    furniture_band_slack: float = 20  # ... plus this
    furniture_max_lines: int = 4     # only the first / last this many lines of a page are looked at
    furniture_table_slack: float = 1  # lines outside the page's tables (within this)
    furniture_share: float = 0.3     # furniture recurs on at least this share of the pages ...
    furniture_min_repeats: int = 2   # ... and at least this many
    furniture_share_from: int = 3    # documents of fewer pages need only furniture_min_repeats
    furniture_table_max_rows: int = 2  # a repeated table of at most this many rows is a running box


DEFAULT = PdfLayout()
