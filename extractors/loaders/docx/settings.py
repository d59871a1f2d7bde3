"""The DOCX loader's layout thresholds, in one settings object (as the PDF
loader's `PdfLayout`). Word gives paragraph styles and table marks, so
only the guesses need thresholds: a paragraph that looks like a heading,
a table row that looks like column names, a merged row that is a caption.
The loader reads `DEFAULT`. (Word's own limits, such as nine list levels,
are not settings.)"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocxLayout:
    # --- a short paragraph all bold or all capitals is a heading (paragraphs.py)
    heading_max_words: int = 14        # at most this many words ...
    heading_max_chars: int = 120       # ... and characters
    heading_min_letters: int = 2       # at least this many letters
    caps_min_letters: int = 4          # text is "in capitals" with at least this many letters, all upper case
    heading_stop_max_words: int = 3    # ending with "." only when this short (or in capitals)
    heading_colon_max_words: int = 8   # ending with ":" only when this short

    # --- a table row that reads like column names (tables.py) --------------
    header_cell_max_words: int = 8     # each name at most this many words ...
    header_stop_max_words: int = 2     # ... ending with "." only when this short

    # --- a leading full-width merged row above a header row is a caption ----
    caption_min_rows: int = 3          # only in a table of at least this many rows
    caption_max_words: int = 30        # a caption has at most this many words


DEFAULT = DocxLayout()
