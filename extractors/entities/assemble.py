"""Entity extraction entry point (filled in by the entity extractors)."""
from __future__ import annotations

from extractors.model import Document


def extract_all(doc: Document, meta: dict) -> dict[str, list[dict]]:
    return {"recommendations": [], "actions": [], "owners": [], "timescales": [], "metrics": []}
