"""Blueprints on a real Sanic server on loopback, mounted the way Rasa mounts channel blueprints
(/webhooks/<channel name>), for tests of routes that need no model."""

from __future__ import annotations

import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

from sanic import Blueprint, Sanic

from tools.servers import free_port

__all__ = ["serving"]


@asynccontextmanager
async def serving(blueprints: dict[str, Blueprint], **context: Any) -> AsyncIterator[str]:
    """Serve each blueprint under /webhooks/<name>; yields the base URL. `context` goes on app.ctx
    (e.g. `agent`, `input_channels`, as Rasa sets them)."""
    app = Sanic(f"test_{uuid.uuid4().hex[:8]}")
    Sanic.test_mode = True  # Sanic 21.12 rewrites its request handler per app; test mode rewrites from the original
    for name, blueprint in blueprints.items():
        app.blueprint(blueprint, url_prefix=f"/webhooks/{name}")
    for key, value in context.items():
        setattr(app.ctx, key, value)
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        await server.wait_closed()
