"""Errors a loader raises when a file cannot be turned into a Document.

The runner turns a LoadError into one `errors` row (stage "load") with its
error_type and message; any other exception becomes error_type "exception".
"""
from __future__ import annotations


class LoadError(Exception):
    """A file that cannot be loaded. error_type is one of:
    unsupported_format, encrypted, corrupt, empty, no_text."""

    def __init__(self, error_type: str, message: str):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
