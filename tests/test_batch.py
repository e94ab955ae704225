"""newsweave batch: the same output locally and on a Dask cluster, every cluster answered
exactly once when a worker dies, --resume completes an interrupted run, bad clusters give
error lines. Tiny clusters written here; no timing thresholds."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsweave.batch.clusters import BriefTask
from newsweave.batch.engine import Engine
from newsweave.batch.run import run_batch
from newsweave.cli import main

ROOT = Path(__file__).resolve().parent.parent

TOWNS = ["Harwick", "Elmstead", "Corrow", "Pellam", "Dunmore", "Ashby", "Kettering", "Bramley"]


def _cluster(n: int) -> dict:
    town = TOWNS[n % len(TOWNS)]
    a = (f"The river burst its banks in {town} on Monday, flooding {n + 3} streets. "
         f"Hundreds of residents were moved to a school hall, the {town} council said. "
         "More rain is expected later this week, forecasters warned.")
    b = (f"{n + 3} streets were flooded in {town} on Monday after the river burst its banks. "
         "The council moved hundreds of residents to a school hall overnight. "
         f"Engineers will inspect the {town} bridge on Tuesday, a spokesman said.")
    c = (f"Residents of {town} spent Monday night in a school hall after floods. "
         "The river rose two metres in six hours, the environment agency said. "
         "Forecasters expect more rain this week.")
    docs = [a, {"id": f"wire-{n}", "text": b}] + ([c] if n % 2 else [])
    return {"id": f"c{n:02d}", "documents": docs}


BAD = {"id": "bad", "documents": ["", "   "]}  # no readable article: an InputError


def _write(path: Path, records: list, gz: bool = False) -> Path:
    text = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _by_id(path: Path) -> dict:
    out = {}
    for rec in _lines(path):
        assert rec["id"] not in out, f"{rec['id']} written twice"
        rec.pop("timings", None)
        out[rec["id"]] = rec
    return out


TASK = BriefTask(source="in.jsonl", analyze=False)


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@dataclass(frozen=True)
class DieOnce(BriefTask):
    """Kills its own worker process on the cluster ``victim``, the first time only."""

    victim: str = ""
    marker: str = ""

    def __call__(self, item):
        if item[0] == self.victim and not os.path.exists(self.marker):
            Path(self.marker).write_text("died")
            os.kill(os.getpid(), signal.SIGKILL)
        return super().__call__(item)


def test_local_and_dask_give_the_same_output(tmp_path, dask_client):
    inp = _write(tmp_path / "in.jsonl", [_cluster(n) for n in range(6)] + [BAD])
    local = run_batch(inp, tmp_path / "local.jsonl", task=TASK, jobs=2, progress=False)
    remote = run_batch(inp, tmp_path / "dask.jsonl", task=TASK, scheduler=dask_client, progress=False)
    assert local["done"] == remote["done"] == 7 and local["errors"] == remote["errors"] == 1
    assert _by_id(tmp_path / "local.jsonl") == _by_id(tmp_path / "dask.jsonl")
    one = run_batch(inp, tmp_path / "one.jsonl", task=TASK, jobs=1, progress=False)
    assert one["workers"] == 1 and _by_id(tmp_path / "one.jsonl") == _by_id(tmp_path / "local.jsonl")


def test_the_brief_is_the_one_newsweave_brief_makes(tmp_path, capsys):
    inp = _write(tmp_path / "in.jsonl", [_cluster(n) for n in range(2)])
    assert main(["batch", str(inp), "-o", str(tmp_path / "out.jsonl"), "--no-analysis",
                 "--words", "40", "-j", "1", "--quiet"]) == 0
    assert capsys.readouterr().err == ""  # --quiet: nothing on stderr
    assert main(["brief", str(inp), "--id", "c01", "--no-analysis", "--words", "40", "-f", "json",
                 "-o", str(tmp_path / "c01.json")]) == 0
    batch = _by_id(tmp_path / "out.jsonl")["c01"]
    alone = json.loads((tmp_path / "c01.json").read_text())
    alone.pop("timings", None)
    assert batch.pop("id") == "c01" and batch == alone


def test_a_worker_killed_mid_run_on_dask_loses_nothing(tmp_path, dask_client):
    cloudpickle = pytest.importorskip("cloudpickle")
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import tests/
    inp = _write(tmp_path / "in.jsonl", [_cluster(n) for n in range(8)])
    task = DieOnce(source="in.jsonl", analyze=False, victim="c03", marker=str(tmp_path / "died"))
    stats = run_batch(inp, tmp_path / "out.jsonl", task=task, scheduler=dask_client, chunk=2,
                      progress=False)
    assert (tmp_path / "died").exists()  # a worker did die
    got = _by_id(tmp_path / "out.jsonl")
    assert sorted(got) == [f"c{n:02d}" for n in range(8)] and stats["errors"] == 0
    assert all("error" not in r for r in got.values())


def test_a_local_worker_killed_mid_run_loses_nothing(tmp_path):
    inp = _write(tmp_path / "in.jsonl", [_cluster(n) for n in range(8)])
    task = DieOnce(source="in.jsonl", analyze=False, victim="c05", marker=str(tmp_path / "died"))
    stats = run_batch(inp, tmp_path / "out.jsonl", task=task, jobs=2, chunk=2, progress=False)
    assert (tmp_path / "died").exists()
    assert sorted(_by_id(tmp_path / "out.jsonl")) == [f"c{n:02d}" for n in range(8)]
    assert stats["briefs"] == 8


def test_resume_completes_an_interrupted_run_without_redoing(tmp_path):
    records = [_cluster(n) for n in range(6)]
    inp = _write(tmp_path / "in.jsonl.gz", records, gz=True)
    out = tmp_path / "out.jsonl"
    run_batch(_write(tmp_path / "first.jsonl", records[:3]), out, task=TASK, jobs=1, progress=False)
    finished = out.read_text()
    with open(out, "a") as f:  # killed while writing the fourth line
        f.write('{"id": "c03", "schema_version": "1.1", "head')
    with pytest.raises(Exception, match="already exists"):  # no silent overwrite
        run_batch(inp, out, task=TASK, jobs=1, progress=False)
    stats = run_batch(inp, out, task=TASK, jobs=2, resume=True, progress=False)
    assert stats["skipped"] == 3 and stats["done"] == 3  # the finished three are not redone
    assert out.read_text().startswith(finished)
    assert sorted(_by_id(out)) == [f"c{n:02d}" for n in range(6)]
    again = run_batch(inp, out, task=TASK, jobs=2, resume=True, progress=False)
    assert again["done"] == 0 and again["skipped"] == 6
    out.write_text('{"id": "x", "error": "e"}\nsomething else\n' + out.read_text())
    with pytest.raises(Exception, match="right OUTPUT"):  # only a last line can be cut short
        run_batch(inp, out, task=TASK, jobs=1, resume=True, progress=False)


def test_a_killed_cli_run_resumes(tmp_path):
    inp = _write(tmp_path / "in.jsonl", [_cluster(n) for n in range(16)])
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsweave.cli", "batch", str(inp), "-o", str(out), "-j", "1",
           "--no-analysis", "--chunk", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if out.exists() and out.read_text().count("\n") >= 2:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()
    before = {r["id"] for r in _lines(out)} if out.read_text().endswith("\n") else None
    done = subprocess.run(cmd + ["--resume", "-q"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    got = _by_id(out)
    assert sorted(got) == [f"c{n:02d}" for n in range(16)]
    if before is not None:
        assert before <= set(got)


def test_bad_clusters_give_error_lines_and_the_others_are_briefed(tmp_path, capsys):
    inp = _write(tmp_path / "in.jsonl", [_cluster(0), BAD, '{"id": "odd", "documents": 3}',
                                         "not json", {"documents": [1, 2]}, _cluster(1), _cluster(0)])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(inp), "-o", str(out), "--no-analysis", "-j", "2"]) == 0
    err = capsys.readouterr().err
    assert "2 briefs, 4 errors" in err and "repeats the cluster id 'c00'" in err
    got = _by_id(out)
    assert set(got) == {"c00", "c01", "bad", "odd", "line4", "line5"}
    for rid in ("bad", "odd", "line4", "line5"):
        assert set(got[rid]) == {"id", "error"} and "\n" not in got[rid]["error"]
    assert "empty" in got["bad"]["error"]
    assert "summary" in got["c00"] and "error" not in got["c00"]


def test_scheduler_without_dask_says_what_to_install(tmp_path, capsys, monkeypatch):
    inp = _write(tmp_path / "in.jsonl", [_cluster(0)])
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    assert main(["batch", str(inp), "-o", str(tmp_path / "o.jsonl"), "--scheduler", "tcp://x:1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "newsweave[dask]" in err[0]


def test_each_worker_sets_up_once(tmp_path):
    calls = []

    class Counting:
        key = "counting"

        def setup(self):
            calls.append("setup")

        def __call__(self, item):
            return item * 2

        def failed(self, item, reason):
            return reason

    got = dict(Engine(jobs=1).map(Counting(), range(10), chunk=3))
    assert got == {i: 2 * i for i in range(10)} and calls == ["setup"]
