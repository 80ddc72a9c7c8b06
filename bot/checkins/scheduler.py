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

from bot.checkins.delivery import DeliveryConfig, deliver
from bot.checkins.store import CheckinStore
from core.settings import settings
from kb.database import engine_for, migrate

__all__ = ["delivery_config", "main", "run_once"]

logger = logging.getLogger("bot.checkins")


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
        problem = deliver(config, checkin)
        if problem is None:
            store.mark_delivered(checkin.id)
            delivered += 1
        else:
            store.release(checkin.id)
            logger.warning("Check-in %s not delivered yet: %s", checkin.id, problem)
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
