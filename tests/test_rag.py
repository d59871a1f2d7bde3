"""RAG ratings from cell text, cell colour and column headers, as council
action plans and performance reports print them."""
from __future__ import annotations

import pytest

from extractors.entities.rag import is_rag_header, normalise_rag, rag_from_colour


@pytest.mark.parametrize("text, rag", [
    ("Red", "red"), ("RED", "red"), ("Amber", "amber"), ("Green", "green"), ("Blue", "blue"),
    ("Complete", "complete"), ("Completed", "complete"), ("Achieved", "complete"),
    ("Fully achieved", "complete"),
    ("On track", "green"), ("On Task", "green"), ("On target", "green"),
    ("At risk", "amber"), ("At risk of not achieving", "amber"), ("Partially achieved", "amber"),
    ("Off track", "red"), ("Not achieved", "red"), ("Not met", "red"),
    ("Amber – good progress but recruitment remains a challenge", "amber"),
    ("Green (complete)", "green"),
    ("  green\n", "green"),
])
def test_rating_words(text, rag):
    assert normalise_rag(text) == (rag, text.strip())


@pytest.mark.parametrize("text, rag", [
    ("R", "red"), ("A", "amber"), ("G", "green"), ("B", "blue"), ("g", "green"),
    ("A/G", "amber"), ("G (Complete)", "green"), ("G*", "green"),
])
def test_single_letters_in_a_rag_column(text, rag):
    assert normalise_rag(text, letters_ok=True) == (rag, text)


@pytest.mark.parametrize("text", ["R", "A", "G", "B", "A/G"])
def test_single_letters_outside_a_rag_column_are_not_ratings(text):
    assert normalise_rag(text) is None


def test_combined_rating_takes_the_first_and_keeps_raw():
    assert normalise_rag("Amber/Green") == ("amber", "Amber/Green")
    assert normalise_rag("Red-Amber") == ("red", "Red-Amber")


@pytest.mark.parametrize("text", [
    "Achieved / On Task / At risk of not achieving",          # legend row
    "Red / Amber / Green",
    "Green is showing good progress, amber is on track to deliver in a longer timescale "
    "and red signifies areas requiring further focused work.",
])
def test_legends_are_not_ratings(text):
    assert normalise_rag(text, letters_ok=True) is None


@pytest.mark.parametrize("text", [
    "", "_", "-", "N/A", None,
    "Complete reflective case summaries evidencing QA and decision making",   # an instruction
    "Greenwich", "Reduce drift in care planning", "A review of the cases",
    "Green spaces strategy adopted by Cabinet",
])
def test_non_ratings(text):
    assert normalise_rag(text) is None


def test_fill_colour_when_text_is_blank():
    assert normalise_rag("", "#ffc000") == ("amber", "#ffc000")
    assert normalise_rag(None, "#00b050") == ("green", "#00b050")
    assert normalise_rag("", "#ffffff") is None


def test_printed_rating_beats_fill():
    assert normalise_rag("Green", "#ff0000") == ("green", "Green")
    # unrated text in a coloured cell: the colour is the rating
    assert normalise_rag("Recruitment delayed", "#c00000") == ("red", "#c00000")


@pytest.mark.parametrize("colour, rag", [
    ("#ff0000", "red"), ("#c00000", "red"), ("#e6b8b7", "red"), ("#ffc7ce", "red"),
    ("#ffc000", "amber"), ("#ffbf00", "amber"), ("#ffff00", "amber"), ("#ffeb9c", "amber"),
    ("#f79646", "amber"),
    ("#00b050", "green"), ("#92d050", "green"), ("#c6efce", "green"), ("#00ff00", "green"),
    ("#0070c0", "blue"), ("#00b0f0", "blue"), ("#5b9bd5", "blue"),
    ("FF00B050", "green"), ("00b050", "green"), ("#f00", "red"), ("yellow", "amber"),
    ("#ffffff", None), ("#f2f2f2", None), ("#d9d9d9", None), ("#808080", None), ("#000000", None),
    ("#dbe5f1", None), ("#7030a0", None), ("not a colour", None), ("", None),
])
def test_rag_from_colour(colour, rag):
    assert rag_from_colour(colour) == rag


@pytest.mark.parametrize("header", [
    "RAG", "RAG Status", "Progress RAG", "RAG rating", "Status (RAG)", "BRAG", "Rating", "R/A/G",
    "Overall RAG", "Current RAG status", "Traffic light", "RAG\nStatus",
])
def test_rag_headers(header):
    assert is_rag_header(header)


@pytest.mark.parametrize("header", [
    "Status", "Progress", "Risk", "Lead Officer", "Storage", "Drag", "Timescale", "Evidence", "",
])
def test_not_rag_headers(header):
    assert not is_rag_header(header)
