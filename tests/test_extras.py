"""A light core: a brief needs none of the extras ([web], [eval]), and a command whose extra
is missing says, in one line, which extra to install."""

import json
import os
import subprocess
import sys
import tomllib

import pytest

from conftest import EXAMPLE, ROOT

# What only the extras bring, and newsweave's own modules that need them.
EXTRA_MODULES = ("sumy", "newspaper", "rouge_score", "rouge_score_rs", "fastapi", "starlette",
                 "uvicorn", "fastapi_offline")
EXTRA_PACKAGES = ("newsweave.evaluation", "newsweave.web", "newsweave.evaluate",
                  "newsweave.summarizers.peers")


def run_python(code: str, *args: str):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=180)


def test_a_brief_imports_no_extra():
    """``newsweave.brief`` and ``newsweave example`` (as the console script runs it: main()
    reading sys.argv), in a fresh interpreter."""
    code = f"""
import contextlib, io, json, sys
import newsweave
from newsweave.cli import main

docs = newsweave.load({str(EXAMPLE)!r})
b = newsweave.brief(docs)
assert b.summary
sys.argv = ["newsweave", "example"]
with contextlib.redirect_stdout(io.StringIO()) as out:
    assert main() == 0
assert "## Summary" in out.getvalue()
print(json.dumps(sorted(sys.modules)))
"""
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stdout.splitlines()[-1])
    extras = sorted({m.split(".")[0] for m in loaded} & set(EXTRA_MODULES))
    ours = sorted(m for m in loaded if m.startswith(EXTRA_PACKAGES))
    assert not extras and not ours, f"a brief imported {extras + ours}"


def test_the_production_registry_holds_no_peer():
    proc = run_python("import json, newsweave.summarizers as s; "
                      "print(json.dumps([sorted(s.REGISTRY), sorted(s.PEERS)]))")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [["centroid", "concepts", "lead", "learned"], []]

    from newsweave import summarizers
    from newsweave.evaluation import peers

    # the evaluation lends its peers to summarizers.get, never to REGISTRY
    assert set(summarizers.PEERS) == set(summarizers.PEER_NAMES)
    assert not set(summarizers.REGISTRY) & set(summarizers.PEER_NAMES)
    assert summarizers.PEERS["lexrank"] is peers.LexRankPeer


def test_a_brief_with_a_peer_says_where_the_peer_is(tmp_path):
    (tmp_path / "a.txt").write_text("The river burst its banks in Marlow on Monday. Crews rescued "
                                    "twelve people from rooftops, the council said.\n")
    (tmp_path / "b.txt").write_text("Floodwater swept through Marlow on Monday. Twelve people were "
                                    "pulled from rooftops by rescue crews, officials said.\n")
    code = "import sys; from newsweave.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = run_python(code, "brief", str(tmp_path), "--summarizer", "lexrank")
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert lines[0].startswith("newsweave: error: lexrank is an evaluation peer")
    assert "newsweave eval --summarizer lexrank" in lines[0] and "[eval]" in lines[0]


def _missing(modules: tuple[str, ...], *argv: str, entry: str = "from newsweave.cli import main"):
    """Run the CLI with ``modules`` made unimportable (as when an extra is not installed)."""
    code = (f"import sys\nfor m in {modules!r}: sys.modules[m] = None\n"
            f"{entry}\nsys.exit(main(sys.argv[1:]))")
    return run_python(code, *argv)


EVAL_MESSAGE = "newsweave: error: newsweave eval needs the [eval] extra: pip install 'newsweave[eval]'"
WEB_MESSAGE = "newsweave: error: newsweave serve needs the [web] extra: pip install 'newsweave[web]'"


@pytest.mark.parametrize("modules", [("rouge_score", "rouge_score_rs"), ("tqdm",)])
def test_eval_without_the_eval_extra(tmp_path, modules):
    data = tmp_path / "one.jsonl"
    data.write_text(json.dumps({"documents": ["a b c."], "summaries": ["a b."]}) + "\n")
    for proc in (_missing(modules, "eval", str(data)),
                 _missing(modules, str(data), entry="from newsweave.evaluation.cli import main")):
        assert proc.returncode == 2 and proc.stderr.strip() == EVAL_MESSAGE, proc.stderr
        assert proc.stdout == ""


@pytest.mark.parametrize("module", ["fastapi", "uvicorn", "fastapi_offline"])
def test_serve_without_the_web_extra(module):
    proc = _missing((module,), "serve", "--port", "0")
    assert proc.returncode == 2 and proc.stderr.strip() == WEB_MESSAGE, proc.stderr


def test_the_core_install_holds_no_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = " ".join(project["dependencies"]).lower()
    for name in ("sumy", "newspaper4k", "rouge-score", "fastapi", "uvicorn", "starlette", "tqdm"):
        assert name not in core, name
    extras = project["optional-dependencies"]
    assert {"web", "eval", "dask", "test", "bench", "encoder"} <= set(extras)
    assert "newsweave[web,eval]" in extras["test"]  # the tests exercise the app and the evaluation
    for group in extras.values():  # exact pins, as for the core
        assert all("==" in req or req.startswith("newsweave[") for req in group), group
