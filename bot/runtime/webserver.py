"""A tiny static server for the demo clinic page (bot/web/), with no third-party dependency.

Serves files only from bot/web/, adds security headers, and tells the page where Rasa is through
`/config.js`, so ports can change by environment variable without editing the page.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from core.settings import settings

WEB_ROOT = Path(__file__).resolve().parents[1] / "web"
logger = logging.getLogger("bot.web")


class ClinicPageHandler(SimpleHTTPRequestHandler):
    """Static files plus `/config.js`; no directory listings, quiet logs."""

    rasa_url = ""

    def _json(self, status: int, payload: dict[str, object]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        route, _, query = self.path.partition("?")
        if route == "/resume":
            # A signed link from a check-in email: tell the widget which conversation to reopen.
            from bot.checkins.links import read_token
            from bot.checkins.scheduler import delivery_config

            token = (parse_qs(query).get("token") or [""])[0]
            sender = read_token(delivery_config().link_secret, token) if token else None
            if sender is None:
                self._json(404, {"error": "This link is not valid any more. Start a new chat."})
            else:
                self._json(200, {"session_id": sender})
            return
        if route == "/config.js":
            config = settings()
            body = "window.PainCoachDefaults = " + json.dumps({
                "serverUrl": self.rasa_url, "clinicName": config.clinic_name,
                "emergencyNumber": config.emergency_number, "bookingUrl": config.booking_url,
            }) + ";\n"
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/javascript; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404, "Not found")
        return None

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        logger.debug(format, *args)


def main(argv: list[str] | None = None) -> None:
    """Serve the clinic page until interrupted."""
    parser = argparse.ArgumentParser(description="Serve the demo clinic page")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    args = parser.parse_args(argv)
    handler = functools.partial(type("Handler", (ClinicPageHandler,), {"rasa_url": args.rasa_url}),
                                directory=str(WEB_ROOT))
    server = ThreadingHTTPServer((args.host, args.port), handler)
    print(f"Clinic page on http://{args.host}:{args.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
