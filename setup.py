"""The one compiled part: the PDF loader's per-character read in C
(extractors/loaders/_pdfium_chars.c, issue 16). Everything else is in
pyproject.toml. The extension is optional: where it cannot be built (no C
compiler or Python headers) the install goes on and the loader reads the
characters through ctypes instead, with the same output, more slowly."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("extractors.loaders._pdfium_chars", ["extractors/loaders/_pdfium_chars.c"],
                             optional=True, extra_compile_args=["-O2"])])
