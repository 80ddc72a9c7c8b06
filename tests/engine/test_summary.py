"""The hand-over summary says what was reported, what was suggested, and that it is no diagnosis."""

from bot.engine.summary import HandoverSummary, summary_text
from core.types import PainReport


def test_summary_lists_the_facts_and_the_booking_link() -> None:
    report = PainReport(regions=[("low_back", "left")], sensations=["dull"], activities=["bending"],
                        intensity=6, duration_days=14)
    text = summary_text(HandoverSummary(report, {"low_back": "Low back"}, "see_doctor", ["weight_loss"],
                                        ["quadratus_lumborum"], ["guided self-massage"], "Riverside", "https://x/book"))
    assert "left low back" in text and "dull" in text and "6" in text and "about 2 week(s)" in text
    assert "see doctor (flags: weight_loss)" in text and "quadratus_lumborum" in text
    assert "not a diagnosis" in text and "https://x/book" in text


def test_summary_with_nothing_known_says_so() -> None:
    text = summary_text(HandoverSummary(PainReport(), {}, "none"))
    assert "Where it hurts: not stated" in text and "Book with" not in text


def test_body_map_draws_zones_on_both_views() -> None:
    from bot.engine.bodymap import render_body_map

    svg = render_body_map([("buttock", "right")], primary=("low_back", "buttock"), spillover=("lower_abdomen",))
    assert svg.count('fill="#1565c0" fill-opacity') == 4  # low back and buttock, both sides, back view
    assert 'stroke="#c62828"' in svg and 'width="440"' in svg
