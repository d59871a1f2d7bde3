"""Quality: scoring the extraction against the gold fixtures.

- gold.py      load and check tests/fixtures/gold
- matching.py  match predicted rows to gold rows and count P/R/F1
- validate.py  `council-extract validate`: extract the gold papers (through
               the engine), score them, check quality/thresholds.toml

It uses the engine to extract; the engine never imports it.
"""
