"""The vocabulary's `{a|b|}` phrase syntax."""

from core.phrases import expand


def test_alternatives_and_empty_option() -> None:
    assert expand("behind {my|the|} eye") == ["behind my eye", "behind the eye", "behind eye"]


def test_several_groups_multiply() -> None:
    assert len(expand("{can't|cant} feel {when|if} i pee")) == 4


def test_plain_phrase_is_lower_cased_and_single_spaced() -> None:
    assert expand("Shoulder  Blade") == ["shoulder blade"]
