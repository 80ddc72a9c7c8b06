"""The part of a messaging turn that is the same on Twilio and Telegram.

Providers want a quick answer to their webhook (Twilio gives up after 15 s; Telegram sends the
update again), while a turn through Rasa and the action server can take longer. So a channel checks
the request (signature or secret, repeats, rate limit), answers 200 at once, and hands the message
to `Turns`, which runs each person's messages in the background one after another, in the order they
arrived. The turn then goes through the same screening as REST (clean_text, the slash-command
filter), and the person's choice of a numbered or titled option is mapped back to its payload.

Nothing here logs message text, phone numbers or chat ids.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered

from bot.rasa.channels.hygiene import EMPTY_REPLY, LONG_NOTE, MAX_MESSAGE_CHARS, SORRY, Rejected, say, screen
from bot.rasa.channels.messaging import Option, Reply, latest_options, pick, read_reply
from bot.rasa.channels.provider import ProviderError

__all__ = ["MessagingOutput", "Turns", "converse", "offered_options"]

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class MessagingOutput(OutputChannel):
    """Rasa's output channel for a messaging provider: every bot message is read into a `Reply`
    (bot.rasa.channels.messaging) and handed to `deliver`, in order, as Rasa produces it, so an
    emergency message goes out before anything the turn says after it.

    In a turn the person started, a provider's refusal is logged and the turn goes on (its events
    are still stored). A `strict` output (what `get_output_channel` gives Rasa for messages it sends
    on its own, such as a check-in) raises the `ProviderError` instead, so the caller learns that
    the person blocked the bot or opted out and Rasa does not store a turn nobody received.
    """

    strict = False

    def refused(self, error: ProviderError, kind: str) -> None:
        """A provider refused a message: raise when strict, else log (without address or text)."""
        if self.strict:
            raise error
        logger.warning("%s did not take a %s message: %s", error.provider.capitalize(), kind, error)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """One bot message from Rasa (text, buttons, image, custom)."""
        reply = read_reply(message)
        if reply is not None:
            await self.deliver(recipient_id, reply)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Plain text (Rasa calls this for messages built in code)."""
        await self.deliver(recipient_id, Reply(text))

    async def tell(self, recipient_id: str, text: str) -> None:
        """A channel sentence of our own (consent, keywords, problems)."""
        await self.deliver(recipient_id, Reply(text))

    async def deliver(self, recipient_id: str, reply: Reply) -> None:
        """Send one reply to the person behind `recipient_id` (a refusal goes to `refused`)."""
        raise NotImplementedError


class Turns:
    """Each sender's messages handled in the background, one at a time, in arrival order."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._waiting: dict[str, int] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self, sender: str, work: Callable[[], Awaitable[None]]) -> None:
        """Queue `work` for `sender` and return at once."""
        task = asyncio.get_running_loop().create_task(self._run(sender, work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, sender: str, work: Callable[[], Awaitable[None]]) -> None:
        lock = self._locks.setdefault(sender, asyncio.Lock())
        self._waiting[sender] = self._waiting.get(sender, 0) + 1
        try:
            async with lock:  # asyncio.Lock wakes its waiters first come, first served
                await work()
        except Exception as error:  # a background task has nobody to report to but the log
            logger.error("A messaging turn failed (%s; text not logged).", type(error).__name__)
        finally:
            self._waiting[sender] -= 1
            if not self._waiting[sender]:
                del self._waiting[sender], self._locks[sender]

    async def idle(self) -> None:
        """Wait until every queued turn has finished (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


async def offered_options(agent: Any, sender: str) -> list[Option]:
    """The options the bot's latest turn offered this sender, read from the stored conversation."""
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return []
    tracker = await store.retrieve(sender)
    if tracker is None:
        return []
    recent: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if isinstance(event, (UserUttered, BotUttered)):
            recent.append(event.as_dict())
            if isinstance(event, UserUttered):
                break
    return latest_options(list(reversed(recent)))


async def converse(*, text: str, sender: str, output: MessagingOutput, on_new_message: OnNewMessage,
                   channel: str, agent: Any, chosen: str | None = None,
                   metadata: dict[str, Any] | None = None) -> None:
    """One person's message through the front door and Rasa, with the replies sent as they come.

    `chosen` is a payload the provider says was tapped (a WhatsApp quick reply, a Telegram button);
    otherwise a typed "1", "more" or a button's title is read against the options last offered.
    """
    if chosen is None:
        try:
            chosen = pick(text, await offered_options(agent, sender))
        except Exception as error:  # the tracker store down: read the words as words
            logger.warning("Offered options unavailable (%s); the reply is read as words.", type(error).__name__)
    try:
        incoming = screen(sender, {"message": chosen or text})
    except Rejected as problem:
        await output.tell(sender, problem.message)
        return
    if not incoming.text:
        await output.tell(sender, say(EMPTY_REPLY))
    else:
        if incoming.truncated:
            await output.tell(sender, say(LONG_NOTE, limit=f"{MAX_MESSAGE_CHARS:,}"))
        try:
            await on_new_message(UserMessage(incoming.text, output, sender, input_channel=channel,
                                             metadata=metadata))
        except Exception as error:
            logger.error("Handling a %s message failed (%s; text not logged).", channel, type(error).__name__)
            await output.tell(sender, say(SORRY))
