"""Safety questions before any self-massage advice, and clarifying questions about worrying words.

The answer is read by the safety policy as the question's finding (bot/dialogue/state.py), so a
"yes" (or a "not sure", the safer answer) raises the triage level on that very turn, before this
action runs. This action then explains the question if asked what it means, asks it again if the
person answered something else, or moves on to the next question, the age, or the suggestions.
"""

from __future__ import annotations

from typing import Any, Dict

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge_access import Events, awaiting, bot_turns, knowledge, state_of, triage_level_of
from bot.dialogue.state import AGE_QUESTION, SCREENING_SLOT, ConversationState, stated_age
from bot.engine.screening import AGE, concern_question, next_question
from bot.nlp.replies import Answer
from core.types import TriageLevel

SUGGEST = "action_suggest_muscles"
_REMINDER = {TriageLevel.URGENT: "utter_triage_reminder_urgent", TriageLevel.EMERGENCY: "utter_emergency_reminder"}
_REMINDER_AGAIN = {TriageLevel.URGENT: "utter_triage_reminder_urgent_again",
                   TriageLevel.EMERGENCY: "utter_emergency_reminder_again"}
_TRIAGE_ADVICE = frozenset({"utter_triage_emergency", "utter_triage_urgent", *_REMINDER.values(),
                            *_REMINDER_AGAIN.values()})


def _pending_question_id(tracker: Tracker) -> str | None:
    """The id of the question asked last (the last entry of `screening_done`)."""
    done = list(tracker.get_slot("screening_done") or [])
    return done[-1] if done and tracker.get_slot(SCREENING_SLOT) else None


def _answered(state: ConversationState) -> bool:
    """Did the latest message answer the pending question (yes, no, not sure, or an age)?"""
    turn = state.latest
    if turn is None or not turn.asked:
        return True
    if turn.asked == AGE_QUESTION:
        return stated_age(turn.text) is not None or turn.answer in (Answer.UNSURE, Answer.NO)
    return turn.answer is not None


class ActionScreen(Action):
    """Explain, repeat or go on with the safety questions; hand over to the suggestions at the end."""

    def name(self) -> str:
        return "action_screen"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        level = triage_level_of(tracker)
        if level >= TriageLevel.URGENT:
            # no questions after urgent advice; but a message never goes unanswered ("worse, and now the
            # calf is swollen" after the advice): the advice again, unless it was given on this turn
            turns = bot_turns(tracker) or [[]]
            if not _TRIAGE_ADVICE & set(turns[-1]):
                before = turns[-2] if len(turns) > 1 else []
                dispatcher.utter_message(response=_REMINDER_AGAIN[level] if _REMINDER[level] in before
                                         else _REMINDER[level])
            return [SlotSet(SCREENING_SLOT, None), awaiting(None)]
        state = state_of(tracker)
        pending = _pending_question_id(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if pending and intent == "ask_meaning":
            return self._explain(dispatcher, pending)
        if pending and not _answered(state):
            return self._repeat(dispatcher, pending)
        return self._next(dispatcher, tracker, state)

    @staticmethod
    def _explain(dispatcher: CollectingDispatcher, pending: str) -> Events:
        if pending == AGE:
            dispatcher.utter_message(response="utter_ask_age")
            return []
        question = knowledge().question(pending)
        if question is None:
            return []
        dispatcher.utter_message(response="utter_screen_explain", explain=question.explain, question=question.text)
        return []

    @staticmethod
    def _repeat(dispatcher: CollectingDispatcher, pending: str) -> Events:
        if pending == AGE:
            dispatcher.utter_message(response="utter_ask_age_again")  # not the same sentence twice in a row
            return []
        question = knowledge().question(pending)
        if question is not None:
            dispatcher.utter_message(response="utter_screen_repeat", question=question.text)
        return []

    @staticmethod
    def _next(dispatcher: CollectingDispatcher, tracker: Tracker, state: ConversationState) -> Events:
        kb = knowledge()
        done = list(tracker.get_slot("screening_done") or [])
        report = state.safety_report()
        latest = state.latest
        if latest and latest.asked and latest.asked != AGE_QUESTION and latest.answer is Answer.UNSURE \
                and triage_level_of(tracker) == TriageLevel.NONE:
            dispatcher.utter_message(response="utter_screen_unsure")
        asked = concern_question(report, done, kb.questions, kb.concern_of)
        form = tracker.active_loop.get("name") if tracker.active_loop else None
        in_form = bool(form)
        if asked is None and not in_form:
            asked = next_question(report, done, kb.questions, kb.rules, kb.groups_of(report),
                                  triage_level_of(tracker))
        if asked is None:
            events: Events = [SlotSet(SCREENING_SLOT, None), awaiting(None)]
            # back to the form's own next question (or its end): not to an earlier unreadable answer to it
            return [*events, FollowupAction(str(form))] if form else [*events, FollowupAction(SUGGEST)]
        if asked.id == AGE:
            dispatcher.utter_message(response="utter_ask_age")
            return [SlotSet(SCREENING_SLOT, AGE_QUESTION), SlotSet("screening_done", [*done, AGE]), awaiting("age")]
        question = kb.question(asked.id)
        # one short introduction for the whole screening, however many areas it spans
        first = not any(entry != AGE for entry in done)
        dispatcher.utter_message(response="utter_screen_first_question" if first else "utter_screen_question",
                                 question=question.text if question else "")
        return [SlotSet(SCREENING_SLOT, asked.finding), SlotSet("screening_done", [*done, asked.id]),
                awaiting("screening")]
