"""What each class of bad input does, measured: the facts behind docs/bad-input.md.

    python bench/bad_input.py

For every class (empty, binary, huge, other encodings, surrogates, one article, all debris,
duplicates, non-English, planted HTML/JS, malformed JSONL, wrong API types) it runs the CLI
(``python -m newsweave.cli brief FILES --format json --no-analysis``, in a subprocess, on
files written to a temporary folder) and the HTTP API (``POST /api/brief`` through FastAPI's
test client, the same bytes as JSON strings), and prints one Markdown row each: the CLI's
exit code and message or the articles' statuses, and the API's status and ``detail`` or
statuses. The web page posts to the same API (see docs/bad-input.md for what it adds).
All texts are made up here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STORY_A = ("Flood barriers failed along the river in Tamsworth on Friday night, officials said. "
           "About 300 homes were evacuated as the water rose above the quay. "
           "The council opened two shelters in school halls, a spokesman said. "
           "Forecasters expect more rain on Sunday.")
STORY_B = ("The river in Tamsworth broke through the flood barriers late on Friday. "
           "Some 300 households left their homes as the quay was flooded, the council said. "
           "Two school halls are being used as shelters. "
           "More rain is forecast for Sunday, the weather service said.")
DEBRIS = ("Home | News | Sport | Weather\nAccept all cookies\nSubscribe to our newsletter\n"
          "Share this article\nAdvertisement\n© 2024 Example Media. All rights reserved.\n")
GERMAN_A = ("Die Hochwasserschutzwände in Tamsworth sind am Freitagabend gebrochen, teilten die Behörden mit. "
            "Etwa 300 Häuser wurden evakuiert, als das Wasser über den Kai stieg. "
            "Die Stadt öffnete zwei Notunterkünfte in Schulturnhallen.")
GERMAN_B = ("In Tamsworth hat der Fluss am späten Freitag die Schutzwände durchbrochen. "
            "Rund 300 Haushalte verließen ihre Häuser, sagte die Stadtverwaltung. "
            "Zwei Schulhallen dienen als Notunterkünfte.")
PLANTED = STORY_A.replace("officials said.", "officials said. <script>alert('x')</script>"
                          "<img src=x onerror=alert(1)>")

# class -> (files for the CLI: name -> bytes), or None when the class is API-only
CASES: dict[str, dict[str, bytes] | None] = {
    "empty article (+ 2 good)": {"a.txt": STORY_A.encode(), "b.txt": STORY_B.encode(), "empty.txt": b""},
    "only empty articles": {"e1.txt": b"", "e2.txt": b"  \n"},
    "binary (+ 2 good)": {"a.txt": STORY_A.encode(), "b.txt": STORY_B.encode(),
                          "bin.txt": bytes(range(256)) * 8},
    "huge article (6 MB, + 2 good)": {"a.txt": STORY_A.encode(), "b.txt": STORY_B.encode(),
                                      "huge.txt": (STORY_A + "\n").encode() * 24_000},
    "Windows-1252 (+ 1 good)": {"a.txt": STORY_A.encode(), "b.txt": (STORY_B + " Café “quoted”.").encode("cp1252")},
    "UTF-16 with BOM (+ 1 good)": {"a.txt": STORY_A.encode(), "b.txt": STORY_B.encode("utf-16")},
    "lone surrogate (+ 1 good)": {"a.txt": STORY_A.encode(),
                                  "b.txt": STORY_B.replace("late", "late \ud800").encode("utf-8", "surrogatepass")},
    "one article": {"a.txt": STORY_A.encode()},
    "all debris": {"a.txt": DEBRIS.encode(), "b.txt": DEBRIS.replace("Sport", "Culture").encode()},
    "duplicates (same text twice)": {"a.txt": STORY_A.encode(), "a2.txt": STORY_A.encode()},
    "duplicates (+ 1 other)": {"a.txt": STORY_A.encode(), "a2.txt": STORY_A.encode(), "b.txt": STORY_B.encode()},
    "non-English (German)": {"a.txt": GERMAN_A.encode(), "b.txt": GERMAN_B.encode()},
    "planted HTML/JS in text": {"a.txt": PLANTED.encode(), "b.txt": STORY_B.encode()},
    "HTML page with script": {"a.html": f"<html><head><script>alert(1)</script></head><body><article><p>{STORY_A}</p></article></body></html>".encode(),
                              "b.txt": STORY_B.encode()},
    "malformed JSONL": {"c.jsonl": (json.dumps({"id": "c1", "document": STORY_A}) + "\n{not json\n").encode()},
}
API_ONLY = {
    "wrong API types (words: true)": {"documents": [{"text": STORY_A}, {"text": STORY_B}], "words": True},
    "wrong API types (text: 5)": {"documents": [{"text": 5}, {"text": STORY_B}]},
    "body not JSON (text/plain)": "plain",
    "body not UTF-8": b'{"documents": [{"text": "caf\xe9"}]}',
    "JSON nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "body over 10 MB": {"documents": [{"text": "x" * 10_500_000}]},
}


def short(text: str, n: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def statuses(brief: dict) -> str:
    return "; ".join(f"{d['id']}: {d['status']}" + (f" ({short(d['reason'], 90)})" if d["reason"] else "")
                     for d in brief["documents"])


def cli(files: dict[str, bytes]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, data in files.items():
            (Path(tmp) / name).write_bytes(data)
            paths.append(str(Path(tmp) / name))
        extra = ["--id", "c1"] if any(p.endswith(".jsonl") for p in paths) else []
        r = subprocess.run([sys.executable, "-m", "newsweave.cli", "brief", *paths, *extra,
                            "--format", "json", "--no-analysis"], capture_output=True, timeout=300,
                           cwd=ROOT)
        if r.returncode == 0:
            return f"exit 0: {statuses(json.loads(r.stdout))}"
        return f"exit {r.returncode}: {short(r.stderr.decode('utf-8', 'replace').strip().splitlines()[-1])}"


def api(client, body) -> str:
    if isinstance(body, bytes):
        r = client.post("/api/brief", content=body, headers={"content-type": "application/json"})
    elif isinstance(body, str):
        r = client.post("/api/brief", content=body, headers={"content-type": "text/plain"})
    else:
        r = client.post("/api/brief", content=json.dumps(body).encode(),
                        headers={"content-type": "application/json"})
    answer = r.json()
    if r.status_code < 300:
        return f"{r.status_code}: {statuses(answer)}"
    return f"{r.status_code}: {short(answer['detail'])}"


def as_articles(files: dict[str, bytes]) -> dict:
    """The same files as the API's documents: text as a browser would send it (UTF-8, else
    Windows-1252, as the page reads files), with surrogates kept (sent as \\u escapes)."""
    docs = []
    for name, data in files.items():
        try:
            text = data.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
        docs.append({"id": name, "text": text})
    return {"documents": docs, "save": False}


def main() -> int:
    from fastapi.testclient import TestClient

    from newsweave.web import create_app

    print("| input | CLI | API |\n|---|---|---|")
    with TestClient(create_app(":memory:")) as client:
        for name, files in CASES.items():
            print(f"| {name} | {cli(files)} | {api(client, as_articles(files))} |", flush=True)
        for name, body in API_ONLY.items():
            print(f"| {name} | – | {api(client, body)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
