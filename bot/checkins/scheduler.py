"""`python -m bot.checkins.scheduler`: deliver due check-ins, at most once each.

Several schedulers may run at once (or one may be restarted at any moment): each check-in is claimed
with a conditional UPDATE before delivery, so exactly one process delivers it.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import time
from datetime import timedelta

from bot.checkins.delivery import DeliveryConfig, Status, deliver
from bot.checkins.store import CheckinStore
from core.settings import settings
from kb.database import engine_for, migrate

__all__ = ["delivery_config", "main", "run_once"]

logger = logging.getLogger("bot.checkins")
WAIT_BEFORE_RETRY = timedelta(hours=1)  # a person out of reach for now (WhatsApp window) is asked again hourly


def delivery_config() -> DeliveryConfig:
    """From the environment (see README: configuration)."""
    config = settings()
    return DeliveryConfig(rasa_url=config.rasa_url, api_token=config.api_token, public_url=config.public_url,
                          link_secret=config.signing_secret, smtp_host=config.smtp_host,
                          smtp_port=config.smtp_port, mail_from=config.mail_from, clinic_name=config.clinic_name)


def run_once(store: CheckinStore, config: DeliveryConfig, worker: str) -> int:
    """Deliver what is due now; returns how many this worker delivered."""
    store.recover_stale()
    delivered = 0
    for checkin in store.due():
        if not store.claim(checkin.id, worker):
            continue  # another scheduler took it
        result = deliver(config, checkin)
        if result.status is Status.DELIVERED:
            store.mark_delivered(checkin.id)
            delivered += 1
            continue
        if result.status is Status.PAUSED:
            store.pause(checkin.sender_id)  # before the release, so no other scheduler picks it up again
        if result.status is Status.WAITING:
            store.postpone(checkin.id, WAIT_BEFORE_RETRY)
        else:
            store.release(checkin.id)
        if result.status is Status.RETRY:
            logger.warning("Check-in %s not delivered yet: %s", checkin.id, result.reason)
        else:
            logger.info("Check-in %s %s: %s", checkin.id, result.status.value, result.reason)
    return delivered


def main(argv: list[str] | None = None) -> int:
    """Run once or forever at an interval."""
    parser = argparse.ArgumentParser(description="Deliver due check-ins")
    parser.add_argument("--once", action="store_true", help="deliver what is due and exit")
    parser.add_argument("--interval", type=float, default=30.0, help="seconds between rounds")
    parser.add_argument("--worker", default=f"{socket.gethostname()}:{os.getpid()}")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    engine = engine_for(settings().kb_url)
    migrate(engine)
    store, config = CheckinStore(engine), delivery_config()
    while True:
        count = run_once(store, config, args.worker)
        if count:
            logger.info("Delivered %d check-in(s).", count)
        if args.once:
            return 0
        time.sleep(args.interval)


if __name__ == "__main__":
    raise SystemExit(main())
