"""Text similarity as validation and the cross-paper linker measure it:
NFKC, lower case, punctuation and symbols to spaces, then token-set F1."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

_WS = re.compile(r"\s+")


def norm_text(s: Any) -> str:
    """NFKC, lower-case, punctuation and symbols -> space, whitespace folded."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).lower()
    s = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in s)
    return _WS.sub(" ", s).strip()


def tokens(s: Any) -> frozenset[str]:
    t = norm_text(s)
    return frozenset(t.split()) if t else frozenset()


def token_f1(a: Any, b: Any) -> float:
    """Token-set F1 = 2|A & B| / (|A| + |B|); two empty texts give 1.0,
    one empty text gives 0.0."""
    ta = a if isinstance(a, frozenset) else tokens(a)
    tb = b if isinstance(b, frozenset) else tokens(b)
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))
