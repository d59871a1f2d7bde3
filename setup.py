"""The compiled parts: the PDF loader's per-character work in C (issue 16):
extractors/loaders/_pdfium_chars.c reads a page's glyphs from PDFium,
extractors/loaders/_pdf_words.c cleans a page's characters and finds its
words. Everything else is in pyproject.toml. Both extensions are optional:
where they cannot be built (no C compiler or Python headers) the install goes
on and the loader does the same work in Python, with the same output, more
slowly. -ffp-contract=off: no fused multiply-add, so the C arithmetic rounds
exactly as Python's does."""
from setuptools import Extension, setup

_FLAGS = ["-O2", "-ffp-contract=off"]

setup(ext_modules=[
    Extension("extractors.loaders._pdfium_chars", ["extractors/loaders/_pdfium_chars.c"],
              optional=True, extra_compile_args=_FLAGS),
    Extension("extractors.loaders._pdf_words", ["extractors/loaders/_pdf_words.c"],
              optional=True, extra_compile_args=_FLAGS),
])
