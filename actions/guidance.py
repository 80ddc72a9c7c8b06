"""The likely source muscles, why, the next ones, what a trigger point is, safety questions about
self-massage, and a stretch instead of massage. Thin adapters over bot.engine and the knowledge.

The muscle offered for coaching is remembered (`offered_muscle`), so a "yes" coaches exactly the
muscle that was named, whatever the ranking does afterwards.
"""

from __future__ import annotations

import base64
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import (
    Events,
    awaiting,
    bot_turns,
    intake_report,
    knowledge,
    safety_report,
    triage_level_of,
)
from bot.engine.bodymap import render_body_map
from bot.engine.cautions import personal_cautions
from core.types import Candidate, PainReport, TriageLevel

SHOWN = 3


def candidate_lines(candidates: List[Candidate]) -> str:
    """Numbered lines: the muscle and its one-line reason."""
    return "\n".join(f"{i}. **{c.muscle.name}**: {c.reason}" for i, c in enumerate(candidates, 1))


def ranked(tracker: Tracker) -> List[Candidate]:
    """The candidates in the order of the `candidate_muscles` slot (set by FactsPolicy), with reasons."""
    kb = knowledge()
    report = intake_report(tracker)
    by_id = {c.muscle.id: c for c in kb.rank(report, limit=len(kb.muscles))}
    order = list(tracker.get_slot("candidate_muscles") or [])
    return [by_id[m] for m in order if m in by_id] or list(by_id.values())[: len(order) or 6]


def body_map_payload(report: PainReport, top: Candidate) -> Dict[str, Any]:
    """The body map for the widget: where it hurts, and where the top muscle refers pain."""
    names = knowledge().region_names
    where = ", ".join(names.get(r, r).lower() for r in report.region_ids)
    alt = (f"Body map: you hurt at {where}. Dark blue: where the {top.muscle.name.lower()} mainly refers "
           f"pain; light blue: where it can spill over.")
    svg = render_body_map(report.regions, top.muscle.primary, top.muscle.spillover, title=alt)
    return {"image": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(), "alt": alt}


def offer_coaching(dispatcher: CollectingDispatcher, tracker: Tracker, candidates: List[Candidate]) -> Events:
    """The coaching offer for the first shown muscle that is safe to massage yourself (a stretch and
    habits where none is), or what to do instead when a red flag says wait."""
    level = triage_level_of(tracker)
    if level >= TriageLevel.URGENT:
        dispatcher.utter_message(response="utter_suggest_no_coaching")
        return [awaiting(None)]
    if level == TriageLevel.SEE_DOCTOR:
        dispatcher.utter_message(response="utter_suggest_see_doctor_first")
        return [awaiting(None)]
    cards = [knowledge().muscle_card(c.muscle.id) for c in candidates[:SHOWN]]
    chosen = next((card for card in cards if card and card.self_massage), None)
    if chosen is None:
        first = cards[0] if cards else None
        dispatcher.utter_message(response="utter_offer_stretch", muscle=first.name.lower() if first else "")
        return [SlotSet("offered_muscle", first.id if first else None), awaiting("coach_offer")]
    dispatcher.utter_message(response="utter_offer_coaching", muscle=chosen.name.lower())
    return [SlotSet("offered_muscle", chosen.id), awaiting("coach_offer")]


class ActionSuggestMuscles(Action):
    """After the intake and the safety questions: the likely source muscles, a body map, an offer."""

    def name(self) -> str:
        return "action_suggest_muscles"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        candidates = ranked(tracker)
        events: Events = [SlotSet("candidate_offset", 0)]
        if not candidates:
            answers = [knowledge().see_professional.get(r) for r in intake_report(tracker).region_ids]
            answer = next((a for a in answers if a), None)
            if answer:
                dispatcher.utter_message(response="utter_see_professional_here", answer=answer)
            else:
                dispatcher.utter_message(response="utter_no_muscle_match")
            return [*events, awaiting(None)]
        dispatcher.utter_message(response="utter_suggestions", candidates=candidate_lines(candidates[:SHOWN]))
        dispatcher.utter_message(json_message={"data": body_map_payload(intake_report(tracker), candidates[0])})
        return events + offer_coaching(dispatcher, tracker, candidates)


class ActionExplainWhy(Action):
    """Why these muscles: the reason for each and where the referral maps come from."""

    def name(self) -> str:
        return "action_explain_why"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        candidates = ranked(tracker)
        if not candidates:
            dispatcher.utter_message(response="utter_explain_why_none")
            return []
        shown = candidates[:SHOWN]
        sources = "; ".join(sorted({s.label() for c in shown for s in c.muscle.sources}))
        dispatcher.utter_message(response="utter_explain_why", candidates=candidate_lines(shown), sources=sources)
        return []


class ActionNextCandidate(Action):
    """"That's not it": the next candidates, and the offer for the first of them."""

    def name(self) -> str:
        return "action_next_candidate"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        candidates = ranked(tracker)
        offset = int(tracker.get_slot("candidate_offset") or 0) + SHOWN
        following = candidates[offset: offset + SHOWN]
        if not following:
            dispatcher.utter_message(response="utter_no_more_candidates")
            shown = candidates[offset - SHOWN: offset]
            # the offer still stands: "yes this one, show me" after all were shown starts the coaching
            if not shown or triage_level_of(tracker) >= TriageLevel.SEE_DOCTOR:
                return [awaiting(None)]
            return offer_coaching(dispatcher, tracker, shown)
        dispatcher.utter_message(response="utter_next_candidates", candidates=candidate_lines(following))
        return [SlotSet("candidate_offset", offset), SlotSet("coaching_muscle", None),
                *offer_coaching(dispatcher, tracker, following)]


class ActionExplainTriggerPoint(Action):
    """What a trigger point is, from the knowledge base's sourced explainer."""

    def name(self) -> str:
        return "action_explain_trigger_point"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        explainer = knowledge().guidance.get("trigger_point_explainer") or {}
        dispatcher.utter_message(response="utter_trigger_point", explainer=str(explainer.get("text") or ""))
        if tracker.get_slot("awaiting") in ("screening", "age"):
            return [FollowupAction("action_screen")]  # asked amid the safety questions: the pending one again
        return []


class ActionAnswerCaution(Action):
    """"Is it safe with my blood thinners?": the caution that applies to this person, else the list."""

    def name(self) -> str:
        return "action_answer_caution"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        cautions = personal_cautions(safety_report(tracker), knowledge().guidance, knowledge().groups_of)
        # asked amid the safety questions: answered, then the pending question again
        then: Events = [FollowupAction("action_screen")] if tracker.get_slot("awaiting") in ("screening", "age") else []
        if not cautions:
            dispatcher.utter_message(response="utter_caution_general")
            return then
        for caution in cautions:
            dispatcher.utter_message(response="utter_caution_answer", caution=caution.text)
        return [SlotSet("light_pressure", True), *then]


class ActionStretchOnly(Action):
    """No massage: the stretch and the habits for the muscle offered, then the check-in offer."""

    def name(self) -> str:
        return "action_stretch_only"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        muscle = tracker.get_slot("offered_muscle") or next(iter(tracker.get_slot("candidate_muscles") or []), None)
        card = knowledge().muscle_card(str(muscle)) if muscle else None
        if card is None:
            dispatcher.utter_message(response="utter_no_muscle_chosen")
            return [awaiting(None)]
        turns = bot_turns(tracker)
        if len(turns) > 1 and {"utter_stretch_only", "utter_stretch_meanwhile"} & set(turns[-2]):
            # "got a stretch i can do in the cab?" right after the stretch: not the same screen of text again
            dispatcher.utter_message(response="utter_stretch_again", muscle=card.name.lower())
            offered = {"utter_offer_checkins", "utter_offer_checkins_again"} & set(turns[-2])
            return [awaiting("checkin_offer" if offered else None)]
        habits = "\n".join(f"- {h}" for h in card.habits[:3])
        # after "please get checked first" it is what is fine meanwhile, not "no problem, massage isn't the only way"
        meanwhile = triage_level_of(tracker) == TriageLevel.SEE_DOCTOR
        dispatcher.utter_message(response="utter_stretch_meanwhile" if meanwhile else "utter_stretch_only",
                                 muscle=card.name.lower(), stretch=card.stretch, habits=habits)
        return [awaiting(None), FollowupAction("action_offer_checkin")]
