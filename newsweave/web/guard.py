"""The guard in front of the app (pure ASGI, before any parsing): refuses oversized bodies
(413), foreign Host headers (400) and API posts that are not JSON (415); adds the security
headers (docs/web.md, "Safety") to every response."""

from __future__ import annotations

import json

# The page's policy: nothing but this server's own files; no inline script or style at all.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")


class GuardMiddleware:
    """Refuses oversized bodies (413) and foreign Host headers (400) before the app sees
    the request; adds security headers to every response."""

    def __init__(self, app, max_body_bytes: int, allowed_hosts: list[str] | None):
        self.app, self.max_body_bytes = app, max_body_bytes
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if self.allowed_hosts is not None:
            host = headers.get("host", "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            name = name.strip("[]").lower()
            if name not in self.allowed_hosts:
                return await _send_json(send, 400, f"unexpected Host header {host!r}: open the app "
                                                   "by the address newsweave serve printed")
        too_big = (f"the request is larger than the {self.max_body_bytes / 1e6:g} MB limit: "
                   "send fewer or shorter articles")
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            return await _send_json(send, 413, too_big)
        if scope["method"] in ("POST", "PUT", "PATCH"):
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            if scope["path"].startswith("/api/") and ctype != "application/json":
                return await _send_json(send, 415, "send the request body as JSON "
                                                   "(Content-Type: application/json)")
            # Read the whole (bounded) body now, so a chunked upload cannot exceed the limit.
            chunks, size = [], 0
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body_bytes:
                    return await _send_json(send, 413, too_big)
                chunks.append(chunk)
                if not message.get("more_body"):
                    break
            body, sent, upstream = b"".join(chunks), False, receive

            async def receive():  # noqa: F811 - replay the buffered body to the app
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await upstream()  # after the body: wait for the real disconnect

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.lower() for k, _ in raw}
                for k, v in _SECURITY_HEADERS:
                    if k not in present:
                        raw.append((k, v))
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)


_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", PAGE_CSP.encode()),
    (b"cross-origin-opener-policy", b"same-origin"),
]


async def _send_json(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            *_SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
