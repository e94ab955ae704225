"""The web app's store of saved briefs (SQLite), used directly: no server, no pipeline."""

from __future__ import annotations

import threading

from newsweave.web.store import Store, brief_title, default_db_path

BRIEF = {"headline": "Coast road closed by rain", "documents": [], "summary": []}
INPUTS = [{"id": "a.txt", "text": "Heavy rain closed the coast road on Friday."},
          {"id": None, "text": "The road was shut, the council said. Ünïcödé “quotes” stay."}]


def test_save_get_and_children_survive_a_reopen(tmp_path):
    path = tmp_path / "sub" / "briefs.sqlite3"  # the folder is made on first use
    store = Store(path)
    first = store.save(inputs=INPUTS, settings={"words": 120}, brief=BRIEF, parent=None)
    assert first["title"] == "Coast road closed by rain" and first["parent"] is None
    assert first["inputs"] == INPUTS and first["settings"] == {"words": 120}
    child = store.save(inputs=INPUTS[:1], settings={}, brief=BRIEF, parent=first["id"])
    store.close()

    reopened = Store(path)
    again = reopened.get(first["id"])
    assert again["brief"] == BRIEF and again["inputs"] == INPUTS
    assert again["children"] == [child["id"]]
    assert reopened.get(child["id"])["parent"] == first["id"]
    recent = reopened.recent()
    assert [r["id"] for r in recent] == [child["id"], first["id"]]  # newest first
    assert [r["articles"] for r in recent] == [1, 2]


def test_ids_are_unguessable_and_bad_ids_are_not_looked_up(tmp_path):
    store = Store(tmp_path / "b.sqlite3")
    ids = {store.save(inputs=INPUTS, settings={}, brief=BRIEF, parent=None)["id"] for _ in range(20)}
    assert len(ids) == 20 and all(len(i) == 12 for i in ids)
    for bad in ("", "short", "x" * 40, "'; DROP TABLE briefs; --", "../../etc/passwd"):
        assert store.get(bad) is None
    assert len(store.recent(100)) == 20  # nothing was dropped


def test_concurrent_saves_from_threads(tmp_path):
    store = Store(tmp_path / "b.sqlite3")
    saved, errors = [], []

    def save():
        try:
            for _ in range(10):
                saved.append(store.save(inputs=INPUTS, settings={}, brief=BRIEF, parent=None)["id"])
        except Exception as e:  # noqa: BLE001 - the test reports any failure below
            errors.append(e)

    threads = [threading.Thread(target=save) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(set(saved)) == 40
    assert all(store.get(i) is not None for i in saved)


def test_title_and_default_path(monkeypatch, tmp_path):
    older = {"documents": [{"status": "set_aside", "title": "Match report"},
                           {"status": "used", "title": "Road closed"}]}
    assert brief_title(older) == "Road closed"  # saved before briefs had a headline
    assert brief_title({"documents": []}) is None
    monkeypatch.setenv("NEWSWEAVE_DB", str(tmp_path / "x.sqlite3"))
    assert default_db_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv("NEWSWEAVE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "newsweave" / "briefs.sqlite3"


def test_lone_surrogates_are_stored_as_replacement_characters(tmp_path):
    """SQLite holds UTF-8, which has no lone surrogate: it must not fail the save."""
    store = Store(tmp_path / "b.sqlite3")
    inputs = [{"id": "x\udc80.txt", "text": "Rebels \ud800 retreated."}]
    row = store.save(inputs=inputs, settings={"query": "\udfff"},
                     brief={**BRIEF, "headline": "Rebels \ud800"}, parent=None)
    again = store.get(row["id"])
    assert again["inputs"] == [{"id": "x\ufffd.txt", "text": "Rebels \ufffd retreated."}]
    assert again["settings"] == {"query": "\ufffd"} and again["title"] == "Rebels \ufffd"
    assert store.recent()[0]["title"] == "Rebels \ufffd"


def test_recent_lists_sources_and_dates(tmp_path):
    store = Store(tmp_path / "b.sqlite3")
    docs = [{"id": f"{n}.txt", "date": d} for n, d in
            enumerate(["2024-05-02T09:00:00", None, "2024-05-01", "2024-05-07"])]
    store.save(inputs=INPUTS, settings={}, brief={**BRIEF, "documents": docs}, parent=None)
    store.save(inputs=INPUTS, settings={}, brief=BRIEF, parent=None)
    undated, dated = store.recent()
    assert dated["sources"] == ["0.txt", "1.txt", "2.txt"]  # the first three
    assert dated["dates"] == ["2024-05-01", "2024-05-07"]
    assert undated["sources"] == [] and undated["dates"] is None
