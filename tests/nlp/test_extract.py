"""Extraction with clinical context: the facts the vignettes need, negation, hypotheticals, others."""

from __future__ import annotations

import pytest

from bot.nlp.extract import mentions_from_text
from core.types import Mention, PainReport


def extract(text: str, knowledge) -> list[Mention]:  # type: ignore[no-untyped-def]
    return mentions_from_text(text, knowledge.sided_regions)


def present(mentions: list[Mention], kind: str) -> set[str]:
    return {m.value for m in mentions if m.kind == kind and m.present}


def test_region_with_side_sensation_and_activity(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("I get a dull headache over my right temple most afternoons", knowledge)
    regions = [(m.value, m.side) for m in mentions if m.kind == "region"]
    assert ("temple", "right") in regions
    assert "dull" in present(mentions, "sensation")


def test_several_facts_in_one_message(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("my shoulder and neck are killing me, like 7/10 since monday, worse at the pc", knowledge)
    assert {"shoulder_top", "neck_back"} <= present(mentions, "region")
    assert present(mentions, "intensity") == {"7"}
    assert present(mentions, "duration")
    assert present(mentions, "activity")


@pytest.mark.parametrize(
    "text",
    [
        "No, no numbness anywhere, bladder and bowels are normal and I don't have a temperature",
        "I don't have a fever",
        "no numbness around my bottom",
    ],
)
def test_negated_findings_are_not_present(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract(text, knowledge)
    assert not present(mentions, "finding"), [m for m in mentions if m.kind == "finding"]


def test_someone_elses_history_is_not_the_persons(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("my dad had cancer", knowledge)
    assert "cancer_history" not in present(mentions, "finding")


def test_hypothetical_is_not_present(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("what if I get numbness around my bottom", knowledge)
    assert "saddle_numbness" not in present(mentions, "finding")


def test_stated_finding_is_present(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("now I've got numbness around my bottom and I can't feel when I need to pee", knowledge)
    assert {"saddle_numbness", "bladder_dysfunction"} <= present(mentions, "finding")


def test_longest_phrase_wins_within_a_kind(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("the back of my knee aches", knowledge)
    assert present(mentions, "region") == {"knee_back"}


# --- Activities: what the person does, not when it hurts or what they say to the bot ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "my shoulders are stiff first thing in the morning",  # a time of day says when, not what
        "I wake up with a stiff neck",
        "can I talk to a real physio please",  # talking to / reading this chat
        "is anyone actually reading this?",
        "the pain is sitting at about a 6",  # a score, not a posture
        "should I dig my elbow into it?",  # a massage, not the garden
    ],
)
def test_words_that_are_not_activities_here(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not present(extract(text, knowledge), "activity")


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("getting out of bed hurts my back", "getting_up"),
        ("going down the steps hurts my knee", "stairs"),
        ("talking to customers all day makes my jaw ache", "talking"),
        ("sitting at my desk makes it worse", "sitting"),
        ("my back aches after digging the vegetable patch", "gardening"),
    ],
)
def test_activities_still_found(text: str, activity: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert activity in present(extract(text, knowledge), "activity")


@pytest.mark.parametrize(
    ("text", "felt"),
    [
        ("ease off, that's too much pressure", False),  # the massage pressure being applied
        ("should I keep the pressure on for longer?", False),
        ("am I pressing too hard", False),
        ("there's a lot of pressure behind my eyes", True),  # the sensation
        ("too much pressure in my head", True),
        ("a pressing ache over my temple", True),
    ],
)
def test_applied_pressure_is_not_a_sensation(text: str, felt: bool, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert ("pressure" in present(extract(text, knowledge), "sensation")) is felt


def test_a_body_part_used_to_massage_is_not_a_pain_site(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not present(extract("do I sink my thumb in?", knowledge), "region")


@pytest.mark.parametrize(
    ("text", "is_the_back"),
    [
        ("I'm back", False),  # returning to the chat
        ("hello, back again after the weekend", False),
        ("we spoke on friday, I came back like you asked", False),
        ("can you turn the reminders back on", False),
        ("move my check-in back a week", False),
        ("back", True),  # a whole answer to "where does it hurt?"
        ("my back is killing me", True),
        ("sore back since the move", True),
        ("back ache every evening", True),
        ("it's my back again", True),
        ("the pain goes across my back", True),
    ],
)
def test_back_the_adverb_is_not_the_back(text: str, is_the_back: bool, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert ("low_back" in present(extract(text, knowledge), "region")) is is_the_back


@pytest.mark.parametrize(
    "text",
    [
        "please carry on with the check-ins",  # go on, not carrying
        "you can reach me at sam@example.org",  # contact, not reaching
        "we were talking about my shoulder yesterday",  # this chat, not talking as a strain
        "push the next check-in to friday",  # scheduling, not pushing
    ],
)
def test_conversation_and_scheduling_verbs_are_not_activities(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not present(extract(text, knowledge), "activity")


@pytest.mark.parametrize(("text", "activity"), [("carrying on my shoulder makes it ache", "carrying"),
                                                ("my jaw aches after talking all day", "talking"),
                                                ("reaching for the top shelf hurts", "reaching")])
def test_the_real_activities_with_those_verbs_stay(text: str, activity: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert activity in present(extract(text, knowledge), "activity")


# --- Duration: the pain's, not an activity's, a rate's or another day's -----------------------------------


def durations(text: str, knowledge) -> set[str]:  # type: ignore[no-untyped-def]
    return present(extract(text, knowledge), "duration")


@pytest.mark.parametrize(
    "text",
    [
        "my lower back aches if I drive for more than two hours",  # the drive's length
        "my neck hurts when I sit for ages",
        "I do 10000 steps a day and my heel hurts",  # a rate
        "did you watch the match last night",  # not about pain at all
        "loads better than last week",  # a comparison
        "can you postpone my reminders by ten days",  # when to talk again, not how long it has hurt
    ],
)
def test_times_that_are_not_the_pains_duration(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not durations(text, knowledge)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my knees have hurt for three weeks when I run", "21"),
        ("my neck has been stiff when sitting for 3 months", "90"),  # months are not a sitting's length
        ("my calf cramped last night", "1"),
        ("my wrist has been sore since I took up climbing", "unknown"),  # an onset of unknown length
    ],
)
def test_the_pains_duration(text: str, value: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert durations(text, knowledge) == {value}


def test_an_onset_of_unknown_length_leaves_the_days_unset(knowledge) -> None:  # type: ignore[no-untyped-def]
    report = PainReport.from_mentions(extract("my hip has ached since we moved to the flat", knowledge))
    assert report.duration_days is None
    report = PainReport.from_mentions(extract("for about six weeks, since I started the new job", knowledge))
    assert report.duration_days == 42


# --- Entities for the slots (the Rasa component): spans follow tests/nlu/heldout.yml's conventions ---------


@pytest.fixture(scope="module")
def entities():  # type: ignore[no-untyped-def]
    from tools.nlu.entity_errors import Extractor

    extractor = Extractor()

    def spans(text: str) -> set[tuple[str, str]]:
        return {(e["entity"], text[e["start"]:e["end"]]) for e in extractor.entities(text)}

    return spans


def test_a_body_part_inside_an_activity_is_no_region_entity(entities, knowledge) -> None:  # type: ignore[no-untyped-def]
    text = "craning my neck at the screen gives me a headache"
    assert ("activity", "craning my neck") in entities(text)
    assert not {span for span in entities(text) if span[0] == "body_region" and span[1] == "neck"}
    assert "neck_back" in present(extract(text, knowledge), "region")  # still a mention, for triage


def test_an_activity_inside_an_onset_belongs_to_it(entities, knowledge) -> None:  # type: ignore[no-untyped-def]
    text = "my hamstring has been tight since the half marathon"
    assert ("duration", "since the half marathon") in entities(text)
    assert not {span for span in entities(text) if span[0] == "activity"}
    assert "running" in present(extract(text, knowledge), "activity")  # still a mention, for ranking


def test_region_span_without_sensation_preposition_or_side(entities) -> None:  # type: ignore[no-untyped-def]
    assert {("sensation", "deep"), ("body_region", "ear")} <= entities("deep in my right ear there's a throb")


def test_activity_span_without_how_long(entities) -> None:  # type: ignore[no-untyped-def]
    assert ("activity", "standing") in entities("my soles burn after standing all day")


@pytest.mark.parametrize(("text", "expected"), [
    ("neck. left side", [("neck_back", "left")]),
    ("My neck hurts. It's on the left.", [("neck_back", "left")]),
    ("my neck hurts. my right knee too.", [("neck_back", None), ("knee_front", "right")]),
])
def test_a_side_said_in_a_short_sentence_of_its_own_belongs_to_the_place_before(  # type: ignore[no-untyped-def]
        knowledge, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(m.value, m.side) for m in extract(text, knowledge) if m.kind == "region"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("thumb side of my rigth wrist hurts from picking up the baby", [("thumb", "right"), ("wrist_back", "right")]),
    ("my wirst hurts lol rihgt one", [("wrist_back", "right")]),
    ("lower bak rigth side", [("low_back", "right")]),
])
def test_one_side_in_a_sentence_is_the_side_of_its_places(  # type: ignore[no-untyped-def]
        knowledge, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(m.value, m.side) for m in extract(text, knowledge) if m.kind == "region"] == expected


@pytest.mark.parametrize("text", ["right ok ill ring the gp", "5ish, feels right", "thats a 7, right in the spot",
                                  "oh right. standing at the pass", "right, ill book the doctor"])
def test_right_as_a_word_of_conversation_is_no_side(knowledge, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [m for m in extract(text, knowledge) if m.kind == "side" or m.side]


@pytest.mark.parametrize(("text", "trigger"), [
    ("outside of my right upper arm aches when I paint ceilings, about a 5", "paint ceilings"),
    # ("doing ceilings" is now the vocabulary's overhead work: tests/nlp/test_round11_facts_sets13_15.py)
    ("front of my right shoulder aches. worse doing coving with my arms up all day", "coving"),
])
def test_what_makes_it_worse_in_own_words(knowledge, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert ("trigger_words", trigger) in [(m.kind, m.value) for m in extract(text, knowledge)]


@pytest.mark.parametrize(("text", "side"), [
    ("the left side of my lower back aches", "left"), ("pain low in my back, the two sides", "both"),
    ("an ache between the shoulder blades for a few days, left side mostly", "left"), ("rite wrist hurts", "right"),
])
def test_a_side_said_away_from_the_place(knowledge, text: str, side: str) -> None:  # type: ignore[no-untyped-def]
    regions = [m for m in extract(text, knowledge) if m.kind == "region"]
    assert regions and all(m.side == side for m in regions), [(m.value, m.side) for m in regions]


@pytest.mark.parametrize(("text", "timing"), [("worse first thing in the morning", "morning"),
                                              ("bad by the end of the day", "evening"), ("aches at night", "night")])
def test_when_it_is_worse_answers_what_makes_it_worse(knowledge, text: str, timing: str) -> None:  # type: ignore[no-untyped-def]
    assert timing in present(extract(text, knowledge), "timing")


@pytest.mark.parametrize(("text", "finding"), [
    ("if I cough I wet myself and my back hurts", "bladder_dysfunction"),
    ("my calf cramps if I walk 200 yards and it goes when I rest", "claudication_pattern"),
])
def test_what_happens_every_time_if_i_do_something_is_not_hypothetical(  # type: ignore[no-untyped-def]
        knowledge, text: str, finding: str) -> None:
    assert finding in present(extract(text, knowledge), "finding")


@pytest.mark.parametrize("text", ["what if I get numbness around my bottom?", "if it spreads to my arm should I worry",
                                  "I'm worried about numbness around my bottom"])
def test_a_worry_or_a_what_if_is_wondered_about_not_stated_and_not_denied(knowledge, text: str) -> None:  # type: ignore[no-untyped-def]
    report = PainReport.from_messages([extract(text, knowledge)])
    assert not report.findings & {"saddle_numbness", "pain_spreading_arm_jaw"}
    assert not report.negated_findings & {"saddle_numbness", "pain_spreading_arm_jaw"}


@pytest.mark.parametrize(("text", "finding"), [
    ("I should probably mention the sight in my left eye went completely dark at tea time", "vision_loss"),
    ("it's probably nothing but I've lost about a stone without trying", "weight_loss_amount"),
])
def test_a_hedged_statement_is_still_stated(knowledge, text: str, finding: str) -> None:  # type: ignore[no-untyped-def]
    """"Probably", "possibly", "likely" soften how it is said, not whether it happened."""
    assert finding in present(extract(text, knowledge), "finding")


def test_a_not_that_denies_nothing_does_not_deny_what_follows(knowledge) -> None:  # type: ignore[no-untyped-def]
    """"I can't explain it" or "not sure why" deny the explanation, not the symptoms listed after."""
    mentions = extract("I just feel off, can't explain it, an ache between my shoulder blades, clammy", knowledge)
    assert "sweating" in present(mentions, "finding")


def test_a_phrase_of_auxiliaries_does_not_swallow_a_denial(knowledge) -> None:  # type: ignore[no-untyped-def]
    """"I've not been dieting": "'ve not been" is a retention word too, but its "not" still denies."""
    report = PainReport.from_messages([extract("lost a stone since Easter, I've not been dieting at all", knowledge)])
    assert "intentional_weight_loss" not in report.findings


@pytest.mark.parametrize(("messages", "location"), [
    (["my left shoulder hurts when I reach for the top cupboard", "a dull ache at the front"], "shoulder_front"),
    (["headache", "mostly at the back"], "occiput"),
    (["bad back", "middle bit"], "mid_back"),
])
def test_where_exactly_in_a_vague_place_said_in_a_later_message(  # type: ignore[no-untyped-def]
        knowledge, messages: list[str], location: str) -> None:
    report = PainReport.from_messages([extract(text, knowledge) for text in messages]).refine(knowledge.vague_parts)
    assert report.regions[0][0] == location and location not in report.vague_regions


@pytest.mark.parametrize(("text", "words"), [
    ("my forearm aches after kneading bread", "kneading bread"), ("elbow is sharp when I do the tamping", "tamping"),
    ("my jaw aches after long band rehearsals", "long band rehearsals"),
    ("both feet burn after 10 hour shifts", "10 hour shifts"),
])
def test_what_makes_it_worse_in_words_no_vocabulary_has(knowledge, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    assert present(extract(text, knowledge), "trigger_words") == {words}


@pytest.mark.parametrize("text", ["my neck hurts after a few days", "it aches after 3 hours", "sore when I wake up",
                                  "my back hurts when I bend"])
def test_a_time_or_a_known_activity_is_not_a_trigger_in_words(knowledge, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not present(extract(text, knowledge), "trigger_words")


@pytest.mark.parametrize(("text", "region", "side"), [
    ("Bad back. Low down. Right side.", "low_back", "right"),
    ("Sore knee. Since Monday. Right one. Stairs make it worse.", "knee_front", "right"),
])
def test_a_side_in_a_later_short_sentence_is_the_places(text: str, region: str, side: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    regions = [(m.value, m.side) for m in extract(text, knowledge) if m.kind == "region" and m.present]
    assert (region, side) in regions


@pytest.mark.parametrize(("text", "region", "side"), [
    ("R forearm, back of it. achy 5/10", "forearm_back", "right"),
    ("arch of r foot sore", "sole", "right"),
    ("bicep pain l arm front", "upper_arm_front", "left"),
    ("got pain betwen my sholder blade and spine on the rite side", "upper_back", "right"),
    ("My hands ache, mainly the right, in the palm", "hand_back", "right"),
    ("shins r killin me, both of em", "shin", "both"),
])
def test_sides_as_people_type_them(text: str, region: str, side: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    regions = [(m.value, m.side) for m in extract(text, knowledge) if m.kind == "region" and m.present]
    assert (region, side) in regions, regions


def test_back_of_it_is_the_back_of_the_place_just_named(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert "low_back" not in present(extract("R forearm, back of it. achy 5/10", knowledge), "region")


def test_what_it_hurts_doing_is_what_makes_it_worse(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert present(extract("front of my right shoulder hurts doing butterfly. sore. 5", knowledge),
                   "trigger_words") == {"butterfly"}


def test_knocking_out_a_task_is_not_being_knocked_out(knowledge) -> None:  # type: ignore[no-untyped-def]
    mentions = extract("worst when im tamping espresso all morning and knocking out the pucks", knowledge)
    assert not present(mentions, "finding") & {"loss_of_consciousness", "minor_trauma"}
    assert "loss_of_consciousness" in present(extract("I was knocked out for a minute", knowledge), "finding")


def test_the_part_of_a_vague_place_that_is_the_place_itself_keeps_it(knowledge) -> None:  # type: ignore[no-untyped-def]
    """"top of both shoulders": the top is what "shoulder" stands for; the place must not vanish."""
    report = PainReport.from_messages([extract("top of both shoulders, tight, 6", knowledge)])
    assert report.refine(knowledge.vague_parts).regions == [("shoulder_top", "both")]


@pytest.mark.parametrize(("text", "words"), [
    ("Back of both thighs, 4, for a month, worse in forward folds.", "forward folds"),
    ("right calf super tight, 5/10, been 10 days, worse on hill reps", "hill reps"),
])
def test_worse_on_or_in_something_is_what_makes_it_worse(text: str, words: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert present(extract(text, knowledge), "trigger_words") == {words}


def test_both_in_place_of_my(knowledge) -> None:  # type: ignore[no-untyped-def]
    regions = [(m.value, m.side) for m in extract("Back of both thighs, 4", knowledge) if m.kind == "region"]
    assert regions == [("thigh_back", "both")]


@pytest.mark.parametrize(("text", "words"), [
    ("worst on long climbs out of the saddle", "long climbs out of the saddle"),
    ("yo right calf super tight, 5/10, been 10 days, worse on hill reps 🏃", "hill reps"),
    ("right shoulder blade, knotty ache 6/10, 3 wks, drumming", "drumming"),
    ("When I practise long, more than two hours.", "practise long"),
])
def test_what_makes_it_worse_said_tersely_or_alone(text: str, words: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert present(extract(text, knowledge), "trigger_words") == {words}


@pytest.mark.parametrize("text", ["neck, 5/10, 2 weeks, left side", "knee, 4, a month, thanks"])
def test_the_last_item_of_a_list_is_no_trigger_when_it_is_a_side_or_a_courtesy(text: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not present(extract(text, knowledge), "trigger_words")


@pytest.mark.parametrize(("text", "region", "side"), [
    ("left. round the back in the bum cheek", "buttock", "left"),
    ("Oh sorry. The right one. It is the inside of the knee mostly.", "knee_inner", "right"),
])
def test_a_side_in_a_short_sentence_before_the_place(text: str, region: str, side: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    regions = [(m.value, m.side) for m in extract(text, knowledge) if m.kind == "region" and m.present]
    assert (region, side) in regions


@pytest.mark.parametrize(("text", "side"), [("rite one", "right"), ("both side", "both")])
def test_a_side_said_alone_as_typed(text: str, side: str, knowledge) -> None:  # type: ignore[no-untyped-def]
    assert present(extract(text, knowledge), "side") == {side}


def test_sleeping_right_is_no_side(knowledge) -> None:  # type: ignore[no-untyped-def]
    assert not present(extract("4. Not been sleeping right since the wife passed.", knowledge), "side")


def test_a_part_of_a_joint_named_later_refines_the_bare_joint(knowledge) -> None:  # type: ignore[no-untyped-def]
    messages = ["I am writing about my left knee", "It is a dull ache, mostly on the inside of the knee."]
    report = PainReport.from_messages([extract(text, knowledge) for text in messages])
    assert report.refine(knowledge.vague_parts).regions == [("knee_inner", "left")]


@pytest.mark.parametrize(("text", "kind", "value"), [
    # feelings in other words
    ("my calf keeps pulling when I walk uphill", "sensation", "tight"),
    ("a bruisy ache in my shin", "sensation", "sore"),
    ("band like headache over my eyes", "sensation", "pressure"),
    # a score hedged in a run-on message, and one written straight after a feeling word
    ("back hurts when i lift boxes maybe 7 like stab", "intensity", "7"),
    ("stiff 4 about a week", "intensity", "4"),
    # what makes it worse: a doing-word straight after "worse", the last item of a terse list
    ("my wrist, 5/10, worse hanging wallpaper", "trigger_words", "hanging wallpaper"),
    ("achy, 6, 2 wks, up ladders all day", "activity", "stairs"),  # ladders are climbed like stairs
    # texting shorthand for the back
    ("bk pain since monday", "region", "low_back"),
])
def test_facts_said_in_everyday_shorthand(knowledge, text: str, kind: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert value in present(extract(text, knowledge), kind)


@pytest.mark.parametrize(("text", "location"), [
    ("my left knee hurts, the outside bit", "knee_outer"),
    ("right elbow, on the inside", "elbow_inner"),
    ("my wrist aches, underneath", "wrist_front"),
    ("sore knee, worse going up the back stairs", "knee_front"),
])
def test_a_part_said_next_to_a_bare_joint_refines_it(knowledge, text: str, location: str) -> None:  # type: ignore[no-untyped-def]
    report = PainReport.from_messages([extract(text, knowledge)]).refine(knowledge.vague_parts)
    assert report.regions[0][0] == location


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("LBP for a fortnight, 4/10", "region", "low_back"),
    ("an awfy sair neck", "sensation", "sore"),
    ("7/10, since monday, worse after a long day of plastering", "trigger_words", "a long day of plastering"),
])
def test_clinical_shorthand_and_dialect(knowledge, text: str, kind: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert value in present(extract(text, knowledge), kind)


def test_an_ache_named_as_a_likeness_is_no_place_and_a_side_letter_counts(knowledge) -> None:  # type: ignore[no-untyped-def]
    places = present(extract("a dull ache in my arm, a bit like toothache", knowledge), "region")
    assert places == {"upper_arm_outer"}
    report = PainReport.from_messages([extract("lower back, L side, 5/10", knowledge)])
    assert report.regions == [("low_back", "left")]


@pytest.mark.parametrize(("text", "place"), [
    ("my right shoulder hurts, the outer bit", ("shoulder_outer", "right")),
    ("left arm aches, top part", ("upper_arm_outer", "left")),
    ("pain in the shoulder, the left, in the front part", ("shoulder_front", "left")),
    ("I have an ache in the back, lower down", ("low_back", None)),
    ("ache behind the nee", ("knee_back", None)),
])
def test_places_in_learners_english_and_typos(knowledge, text: str, place: tuple[str, str | None]) -> None:  # type: ignore[no-untyped-def]
    report = PainReport.from_messages([extract(text, knowledge)]).refine(knowledge.vague_parts)
    assert report.regions[0] == place


def test_a_slip_that_looks_like_an_inflection_is_still_corrected(knowledge) -> None:  # type: ignore[no-untyped-def]
    feelings = present(extract("calf feels tite and knoted", knowledge), "sensation")
    assert {"tight", "knot"} <= feelings
    places = present(extract("pain betwen my sholder blads", knowledge), "region")
    assert places == {"upper_back"}


def test_an_illness_named_after_a_body_part_is_no_place_and_actually_is_no_correction(knowledge) -> None:  # type: ignore[no-untyped-def]
    said = extract("Actually, I should mention I had breast cancer five years ago", knowledge)
    assert "chest" not in present(said, "region") and not present(said, "correction")
    assert present(extract("sorry, actually it's my left knee", knowledge), "correction")
