"""Analysts' tools over published tables: SQL (query.py, with the
action_plan view of sql/action_plan.sql) and an Excel workbook (export.py).
They read the Parquet tables only; neither imports the engine.
"""
