"""council-extract: UK council papers -> provenanced Parquet tables."""
__version__ = "0.1.0"
