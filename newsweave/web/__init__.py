"""newsweave's web app and HTTP API (``newsweave serve``); see docs/web.md.

``create_app`` builds the ASGI app (FastAPI); ``add_serve_parser`` and ``cmd_serve``
give the CLI its ``serve`` subcommand.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import socket
import sys

from ..errors import InputError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def create_app(*args, **kwargs):
    """The FastAPI app; see :func:`newsweave.web.app.create_app`."""
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0-65535)")
    return port


def add_serve_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``newsweave serve`` to the CLI's subparsers."""
    p = subparsers.add_parser(
        "serve", help="the web app and HTTP API (open it in a browser)",
        description="Serve the newsweave web page and JSON API (POST /api/brief, docs at /docs). "
                    "Briefs are saved in a SQLite file so they can be shared and re-run.")
    p.add_argument("--host", default=DEFAULT_HOST,
                   help=f"address to listen on (default {DEFAULT_HOST}: this computer only; "
                        "0.0.0.0 makes it reachable from the network, without any login)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--db", default=None,
                   help="SQLite file for saved briefs (default $NEWSWEAVE_DB, else "
                        "~/.local/share/newsweave/briefs.sqlite3)")
    return p


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host.strip("[]"), port))
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise InputError(f"port {port} on {host} is already in use: stop the other server "
                                 f"or choose another port with --port") from None
            raise InputError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


def cmd_serve(args) -> int:
    """Run the server until interrupted (Ctrl-C); returns the exit code."""
    try:
        import fastapi  # noqa: F401
        import fastapi_offline  # noqa: F401
        import uvicorn
    except ImportError:
        raise InputError("newsweave serve needs the [web] extra: pip install 'newsweave[web]'") from None
    from .app import create_app as _create_app
    from .store import default_db_path

    host, port = args.host, args.port
    _check_port_free(host, port)
    db = args.db or default_db_path()
    allowed = ["localhost", "127.0.0.1", "::1", host] if _is_loopback(host) else None
    try:
        app = _create_app(db, allowed_hosts=allowed)
    except Exception as e:  # sqlite3.OperationalError, PermissionError, ...
        raise InputError(f"cannot open the database {db}: {e}") from None
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    print(f"newsweave: serving on http://{shown}:{port}/  (API docs /docs; briefs saved in {db}; "
          "Ctrl-C stops)", file=sys.stderr)
    if not _is_loopback(host):
        print(f"newsweave: warning: listening on {host}: anyone who can reach this computer can "
              "use the app and read the saved briefs", file=sys.stderr)
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning")
    return 0


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "add_serve_parser", "cmd_serve", "create_app"]
