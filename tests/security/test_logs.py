"""At the default log level the servers' logs hold no message text and no API token."""

from __future__ import annotations

import time
import uuid

import requests

from tools.servers import Servers


def test_logs_hold_no_message_text_or_token(servers: Servers) -> None:
    marker = f"zebracorn{uuid.uuid4().hex[:10]}"
    sender = servers.new_sender()
    servers.say(sender, f"my lower back aches on the left since {marker}")
    servers.say(sender, f"it is about a 6, {marker} makes it worse")
    servers.say(sender, f"worst headache of my life {marker}")  # the emergency path logs too
    url = f"{servers.rasa_url}/webhooks/rest/webhook"
    requests.post(url, data=f'{{"sender": "{sender}", "message": "{marker}', timeout=30)  # malformed
    requests.post(url, json={"sender": sender, "message": [marker]}, timeout=30)  # wrong type
    requests.post(url, json={"sender": f"bad/{marker}", "message": marker}, timeout=30)
    requests.get(f"{servers.rasa_url}/conversations/{sender}/tracker", params={"token": "wrong" + marker}, timeout=30)
    servers.tracker(sender)
    time.sleep(1.0)
    logs = sorted(servers.log_dir.glob("*.log"))
    assert {p.name for p in logs} >= {"rasa.log", "actions.log"}, logs
    for path in logs:
        text = path.read_text(errors="replace")
        assert marker not in text, f"message text in {path.name}"
        assert servers.token not in text, f"the API token in {path.name}"
