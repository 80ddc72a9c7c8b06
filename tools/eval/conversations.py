"""`make eval` (conversations): play the scripted conversations over REST against the real servers
and print, per criterion, how many held up.

    python -m tools.eval.conversations tests/conversations/set1 [--out results/conversations]

Criteria (issue #14): facts kept and never asked again; free-text pressure replies understood; no
stray or repeated prompt; goal reached without a fallback loop (every request understood); red flags
caught on their turn. A conversation is fully successful when all five hold.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any, Iterator

from core.types import TriageLevel
from tools.eval.moves import Observation, observe
from tools.eval.scripts import Played, Script, Step, Turn, Verdict, judge, load_scripts
from tools.servers import Servers, running_servers

__all__ = ["Player", "summarise"]

MAX_AUTO_ANSWERS = 6
_REPLIES_TO_SUGGESTION = frozenset({"coach_start", "explain_why", "next_candidates", "stretch_habits",
                                    "answer_caution", "explain_trigger_point", "refer_professional"})


def _answers_pending_question(turn: Turn, previous: Step | None) -> bool:
    """Is this scripted turn the person's answer to the safety question the bot just asked?

    Authors could not know how many safety questions come, so a turn is taken as the answer only when
    its expectations say so (the next question, the suggestions, a flag) or the author scripted the
    previous reply as exactly one safety question; otherwise the runner answers in the persona's words.
    """
    if turn.flag is not None:
        return True
    # "yes please" expected to start coaching (or, the author allowed, to meet one more safety question)
    # answers the coaching offer, not a safety question the author could not see coming
    if set(turn.expect) & _REPLIES_TO_SUGGESTION:
        return False
    if {"safety_question", "suggest_muscles"} & set(turn.expect):
        return True
    return previous is not None and previous.turn is not None and tuple(previous.turn.expect) == ("safety_question",)


class Player:
    """Plays scripts against running servers (tools.servers.Servers)."""

    def __init__(self, servers: Any):
        self.servers = servers

    def _events(self, sender: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        tracker = self.servers.tracker(sender)
        return list(tracker.get("events") or []), dict(tracker.get("slots") or {})

    def _send(self, sender: str, text: str) -> tuple[Observation, TriageLevel, dict[str, Any]]:
        before, _ = self._events(sender)
        reply = self.servers.say(sender, text)
        after, slots = self._events(sender)
        if len(after) < len(before):  # the conversation was deleted and purged: read the reply instead
            seen = Observation(texts=[str(m.get("text")) for m in reply if m.get("text")])
            if any((m.get("custom") or {}).get("data", {}).get("event") == "data_deleted" for m in reply):
                seen.add("deleted")
            return seen, TriageLevel.NONE, slots
        return observe(after, len(before)), TriageLevel.parse(slots.get("triage_level")), slots

    def _checkin_due(self, sender: str) -> tuple[Observation, TriageLevel, dict[str, Any]]:
        """Make the person's next check-in due now and deliver it the way the scheduler does."""
        from sqlalchemy import select, update

        from bot.checkins.delivery import DeliveryConfig
        from bot.checkins.models import ScheduleRow
        from bot.checkins.scheduler import run_once
        from bot.checkins.store import CheckinStore, utcnow
        from kb.database import make_engine, migrate

        engine = make_engine(f"sqlite:///{self.servers.log_dir / 'kb.sqlite'}")
        migrate(engine)  # a check-in due before any was ever planned on these servers: no table yet, none due
        before, _ = self._events(sender)
        with engine.begin() as connection:
            first = connection.execute(select(ScheduleRow.id).where(
                ScheduleRow.sender_id == sender, ScheduleRow.status == "scheduled").order_by(ScheduleRow.due_at)
            ).scalar()
            if first is not None:
                connection.execute(update(ScheduleRow).where(ScheduleRow.id == first).values(
                    due_at=utcnow() - timedelta(minutes=1)))
        config = DeliveryConfig(rasa_url=self.servers.rasa_url, api_token=self.servers.token,
                                public_url="http://clinic.example", link_secret="eval")
        run_once(CheckinStore(engine), config, "eval")
        after, slots = self._events(sender)
        seen = observe(after, len(before))
        if first is None:
            seen.texts.append("(no check-in was scheduled)")
        return seen, TriageLevel.parse(slots.get("triage_level")), slots

    def play(self, script: Script) -> Played:
        """Play one script; an exception ends it with the error recorded."""
        played = Played(script)
        sender = self.servers.new_sender()
        last: Observation | None = None
        previous: Step | None = None
        try:
            for turn in script.turns:
                if turn.event == "returns":
                    continue
                if turn.event == "checkin_due":
                    seen, level, _ = self._checkin_due(sender)
                    previous = Step(turn, "(check-in due)", seen, level)
                    played.steps.append(previous)
                    last = seen
                    continue
                auto = 0
                while (last is not None and "safety_question" in last.moves and auto < MAX_AUTO_ANSWERS
                       and not _answers_pending_question(turn, previous)):
                    seen, level, _ = self._send(sender, script.on_safety_question)
                    previous = Step(None, script.on_safety_question, seen, level)
                    played.steps.append(previous)
                    last, auto = seen, auto + 1
                text = self._message_for(turn, last)
                seen, level, _ = self._send(sender, text)
                previous = Step(turn, text, seen, level)
                played.steps.append(previous)
                last = seen
            _, played.final_slots = self._events(sender)
        except Exception as error:  # a crashed turn is a failed conversation, not a crashed evaluation
            played.error = f"{type(error).__name__}: {error}"
        return played

    @staticmethod
    def _message_for(turn: Turn, last: Observation | None) -> str:
        """The typed text, or the payload of the button with that title (its title if not offered)."""
        if turn.button is None:
            return turn.user or ""
        for button in (last.buttons if last else []):
            if str(button.get("title", "")).strip().lower() == turn.button.strip().lower():
                return str(button.get("payload"))
        return turn.button


def summarise(verdicts: dict[str, Verdict]) -> dict[str, Any]:
    """Totals per criterion."""
    values = list(verdicts.values())
    return {
        "conversations": len(values),
        "fully_successful": sum(v.success for v in values),
        "facts_kept_never_asked_again": sum(v.facts_kept for v in values),
        "pressure_replies_understood": f"{sum(v.pressure_understood for v in values)}/"
                                       f"{sum(v.pressure_turns for v in values)}",
        "no_stray_or_repeated_prompt": sum(v.no_stray for v in values),
        "goal_without_fallback_loop": sum(v.goal_no_loop for v in values),
        "red_flags_caught_on_their_turn": f"{sum(v.flags_caught for v in values)}/"
                                          f"{sum(v.flags_total for v in values)}",
    }


def _transcript(played: Played) -> list[dict[str, Any]]:
    return [{"sent": s.sent, "scripted": s.turn is not None, "moves": s.seen.moves, "intent": s.seen.intent,
             "triage": s.triage_after.slug, "bot": s.seen.texts} for s in played.steps]


# The day the scripts' authors wrote for ("since monday", "since the 3rd"; FORMAT.md says so)
SCRIPTS_WRITTEN_FOR = "2026-11-30"


@contextlib.contextmanager
def _servers(attach: Path | None, work: Path) -> Iterator[Servers]:
    """Servers started for this run, or ones a developer already runs (saves a minute and a gigabyte)."""
    if attach is None:
        with running_servers(work, extra_env={"BOT_TODAY": SCRIPTS_WRITTEN_FOR}) as servers:
            yield servers
        return
    running = json.loads(attach.read_text(encoding="utf-8"))
    yield Servers(running["rasa"], running["action"], running["token"], Path(running["work"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="script files or folders")
    parser.add_argument("--out", type=Path, default=Path("results/conversations"))
    parser.add_argument("--only", help="play only scripts whose id contains this")
    parser.add_argument("--attach", type=Path, metavar="JSON",
                        help='play against servers already running (tools.servers.running_servers): a file '
                             '{"rasa": url, "action": url, "token": t, "work": their work folder}')
    args = parser.parse_args(argv)

    scripts = [s for p in args.paths for s in load_scripts(p) if not args.only or args.only in s.id]
    verdicts: dict[str, Verdict] = {}
    played_all: dict[str, Played] = {}
    with tempfile.TemporaryDirectory() as work, _servers(args.attach, Path(work)) as servers:
        player = Player(servers)
        for index, script in enumerate(scripts, 1):
            print(f"\rconversations: {index}/{len(scripts)} {script.id:<40}", end="", flush=True)
            played_all[script.id] = played = player.play(script)
            verdicts[script.id] = judge(played)
    print(flush=True)
    summary = summarise(verdicts)
    by_style: Counter[str] = Counter()
    for script in scripts:
        for tag in script.style:
            by_style[tag + (":ok" if verdicts[script.id].success else ":fail")] += 1
    width = max(len(k) for k in summary)
    for key, value in summary.items():
        print(f"{key:<{width}}  {value}")
    failed = [(sid, v) for sid, v in verdicts.items() if not v.success]
    if failed:
        print("\nNot fully successful:")
        for sid, verdict in failed:
            print(f"  {sid}:\n    " + "\n    ".join(verdict.problems))
    args.out.mkdir(parents=True, exist_ok=True)
    report = {"summary": summary, "by_style": dict(sorted(by_style.items())),
              "conversations": {sid: {"success": v.success, "problems": v.problems, "waived": v.waived,
                                      "transcript": _transcript(played_all[sid])} for sid, v in verdicts.items()}}
    (args.out / "conversations.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nWrote {args.out / 'conversations.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
