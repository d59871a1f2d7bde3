"""Word documents built in a test, read by the whole pipeline: the helpers
the session tests share."""
from extractors.entities.passes import extract_all
from extractors.loaders import load_document
from extractors.metadata import extract_metadata


def extracted(d, tmp_path, name="paper.docx"):
    """The entity rows of a python-docx Document `d`, saved under tmp_path."""
    path = tmp_path / name
    d.save(path)
    doc = load_document(path)
    return extract_all(doc, extract_metadata(doc))


def add_table(d, rows):
    """A Word table in `d` holding rows (lists of cell texts)."""
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    return t


def word_doc(paragraphs=(), tables=()):
    """A python-docx Document of `paragraphs` ("# Title" a heading, "* item" a
    bulleted item, else a plain paragraph) followed by `tables` (lists of rows)."""
    import docx
    d = docx.Document()
    for p in paragraphs:
        if p.startswith("# "):
            d.add_heading(p[2:], level=1)
        elif p.startswith("* "):
            d.add_paragraph(p[2:], style="List Bullet")
        else:
            d.add_paragraph(p)
    for rows in tables:
        add_table(d, rows)
    return d

