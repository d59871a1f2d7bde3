"""Numbering as council papers print it."""
import pytest

from extractors.numbering import numbering_level, split_numbering


@pytest.mark.parametrize("text,num,rest", [
    ("5.1.2 A screening tool has been developed", "5.1.2", "A screening tool has been developed"),
    ("2. RECOMMENDATIONS", "2", "RECOMMENDATIONS"),
    ("2.1 That Cabinet notes the report", "2.1", "That Cabinet notes the report"),
    ("a) The LSCB complies", "a)", "The LSCB complies"),
    ("(iii) ENDORSE the plan", "(iii)", "ENDORSE the plan"),
    ("A. Agree to TRANSFER", "A", "Agree to TRANSFER"),
    ("Action 4 - Establish robust processes", "Action 4", "Establish robust processes"),
    ("Recommendation 2: Leaders should", "Recommendation 2", "Leaders should"),
    ("• Thresholds between early help", "•", "Thresholds between early help"),
    ("◼ The quality of support", "•", "The quality of support"),
    ("- 3.1 The Ofsted Inspection Report", "3.1", "The Ofsted Inspection Report"),
    ("5 OFSTED IMMEDIATE ACTIONS;", "5", "OFSTED IMMEDIATE ACTIONS;"),
])
def test_numbering_is_split_off(text, num, rest):
    assert split_numbering(text) == (num, rest)


@pytest.mark.parametrize("text", [
    "3 months later the plan was reviewed",
    "12 CAF courses were delivered",
    "2024 was a difficult year",
    "5.1 percent of children",
    "-5% fall in referrals",
    "1 st April 14",
])
def test_numbers_that_are_not_numbering(text):
    assert split_numbering(text)[0] is None


def test_levels():
    assert numbering_level("5") == 1
    assert numbering_level("5.1.2") == 3
    assert numbering_level("a)") == 0


def test_a_reviews_r_numbers():
    from extractors.numbering import split_numbering
    assert split_numbering("R12 The Council should decide") == ("R12", "The Council should decide")
    assert split_numbering("R3: We recommend that") == ("R3", "We recommend that")
    assert split_numbering("R2 is the measure used") == (None, "R2 is the measure used")
    assert split_numbering("R&D spending rose") == (None, "R&D spending rose")


def test_a_letter_before_what_a_meeting_decides_is_numbering():
    from extractors.numbering import split_numbering
    assert split_numbering("b. agree a revised deadline of 31 March 2014") == ("b", "agree a revised deadline of 31 March 2014")
    assert split_numbering("A. accepts the grant of £1,742,000;") == ("A", "accepts the grant of £1,742,000;")
    assert split_numbering("e. the figures are provisional") == (None, "e. the figures are provisional")
