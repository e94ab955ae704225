"""One set of defaults: the Python API, the CLI and the web app make the same brief from the
same options (they used to disagree on what a sentence budget alone means)."""

from __future__ import annotations

import json

import pytest

import newsweave
from newsweave.config import DEFAULT_WORDS, Config

from conftest import EXAMPLE
from test_cli import run_cli

EXAMPLE_TEXTS = {f.name: f.read_text(encoding="utf-8")
                 for f in sorted(EXAMPLE.iterdir()) if f.name != "ABOUT.md"}


def test_length_rule():
    assert Config().words == DEFAULT_WORDS and Config().sentences is None
    assert Config(sentences=12).words is None  # a sentence budget alone: no word cap
    assert (Config(words=80, sentences=3).words, Config(words=80, sentences=3).sentences) == (80, 3)
    for bad in (0, -5, 2.5, True, "200"):
        with pytest.raises(newsweave.InputError, match="words must be a whole number"):
            Config(words=bad)


def test_sentence_budget_alone_is_the_same_in_api_cli_and_web(tmp_path):
    api = newsweave.brief(EXAMPLE_TEXTS, sentences=12, analyze=False)
    # 12 sentences need more than the default 200 words on this cluster: no hidden word cap
    assert len(api.summary) == 12 and api.words > DEFAULT_WORDS
    assert api.settings["words"] is None

    cli = run_cli("example", "--sentences", "12", "--no-analysis", "--format", "json")
    assert cli.returncode == 0, cli.stderr.decode()
    cli_summary = [s["text"] for s in json.loads(cli.stdout)["summary"]]

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsweave.web import create_app

    with TestClient(create_app(tmp_path / "b.sqlite3")) as client:
        r = client.post("/api/brief", json={"sentences": 12, "save": False,
                                            "documents": [{"id": k, "text": v}
                                                          for k, v in EXAMPLE_TEXTS.items()]})
    assert r.status_code in (200, 201), r.text
    web_summary = [s["text"] for s in r.json()["summary"]]
    assert cli_summary == web_summary == [s.sentence.text for s in api.summary]


def test_default_length_is_the_same_in_api_and_cli():
    api = newsweave.brief(EXAMPLE_TEXTS, analyze=False)
    cli = run_cli("example", "--no-analysis", "--format", "json")
    out = json.loads(cli.stdout)
    assert out["settings"]["words"] == api.settings["words"] == DEFAULT_WORDS
    assert [s["text"] for s in out["summary"]] == [s.sentence.text for s in api.summary]
