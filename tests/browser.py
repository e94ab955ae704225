"""The real web app in headless Chromium, for the browser tests (test_web_e2e*.py): the server,
the browser and a page as fixtures, and the helpers they share.

Needs the ``playwright`` Python package (its driver ships in the wheel) and Debian's
``chromium`` (Playwright's own browser download is not used: it cannot work offline).
Set ``NEWSWEAVE_CHROMIUM`` to use another Chromium binary. Outside CI the tests are
skipped, saying why, when either is missing; in CI (``CI`` set) that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT

EXAMPLE_FILES = [str(f) for f in sorted(EXAMPLE.iterdir()) if f.name != "ABOUT.md"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
TIMEOUT_MS = 30_000
SERVER_DBS: dict[str, Path] = {}

# Two outlets, one storm: one fact told in both (a brief with "also in")
STORM_A = ("Storm closes Penhallow harbour\n\nA winter storm closed the harbour at Penhallow on Friday after "
           "waves flooded the fish market, the port authority said.\n\nThe coastguard said a yacht with two "
           "people aboard had been towed to safety near Gull Point.\n\nHarbour master Ines Calloway said "
           "fourteen trawlers had been moved to the inner basin overnight.\n")
STORM_B = ("Penhallow battens down as storm hits\n\nSeawater poured into the fish market of Penhallow on "
           "Friday when storm waves overtopped the sea wall.\n\nA yacht with two people aboard was towed to "
           "safety near Gull Point, the coastguard said.\n\nFerries will not sail until engineers have "
           "inspected the damaged sea wall, the council said.\n")
# What an article may hold that must never run in the page
SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    # A skip alone is easy to miss in "5 skipped": a warning shows in pytest's summary.
    warnings.warn(f"the browser tests of the web app are skipped: {reason} "
                  "(see the README; in CI this is a failure)", pytest.PytestWarning, stacklevel=2)
    pytest.skip(reason)


def _chromium() -> str:
    for candidate in (os.environ.get("NEWSWEAVE_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    _unavailable("no Chromium found: apt-get install chromium (or set NEWSWEAVE_CHROMIUM)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``python -m newsweave.web`` (what ``newsweave serve`` runs) on a free port with a
    fresh database; stopped at the end whatever happens."""
    pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install -e .)")
    db = tmp_path_factory.mktemp("e2e") / "briefs.sqlite3"
    port = _free_port()
    log = open(db.parent / "server.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "newsweave.web", "--host", "127.0.0.1",
                             "--port", str(port), "--db", str(db)],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    SERVER_DBS[base] = db
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"the server did not start: {log.read()[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed: pip install -e '.[test]'")
    executable = _chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS,
                              timeout=TIMEOUT_MS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


def _expect(locator):
    from playwright.sync_api import expect

    return expect(locator)


def _server_db(base: str) -> Path:
    return SERVER_DBS[base]


def _brief(base: str, brief_id: str) -> dict:
    with urllib.request.urlopen(f"{base}/api/briefs/{brief_id}", timeout=10) as r:
        return json.load(r)


def _weave_example(page, base: str) -> dict:
    page.goto(base + "/")
    page.set_input_files("#file-input", EXAMPLE_FILES)
    _expect(page.locator("#articles li")).to_have_count(6)
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])")
    brief_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert page.url == f"{base}/b/{brief_id}"
    return _brief(base, brief_id)



def _assert_nothing_ran(page, dialogs):
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator("body img, #main script, #popover script").count() == 0

