"""The command line: inputs, outputs and failures, run as a user runs them."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

ARTICLE_A = ("Floodwater swept through the town of Marlow on Monday, forcing hundreds of residents "
             "to leave their homes. The river rose two metres overnight after heavy rain. "
             "Emergency crews rescued twelve people from rooftops, officials said.\n")
ARTICLE_B = ("Hundreds of residents fled Marlow on Monday as the river burst its banks after "
             "heavy rain. Rescue crews pulled twelve people from rooftops, the council said. "
             "The mayor asked for army help to build flood barriers.\n")


def run_cli(*args, stdin: bytes | None = None, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "newsweave.cli", *args], input=stdin,
                          capture_output=True, cwd=cwd, env=env, timeout=120)


@pytest.fixture
def two_articles(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return tmp_path


def assert_user_error(result, *fragments):
    """A failure for people: non-zero exit, one line on stderr, no traceback."""
    err = result.stderr.decode()
    assert result.returncode != 0, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def test_example_runs_and_cites():
    r = run_cli("example")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "## Summary" in out and "## Sources" in out
    assert "set_aside" in out  # the off-topic article of the example is set aside
    # the README's excerpt of this output is the output, line for line ("..." marks cuts)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("```markdown\n", 1)[1].split("```", 1)[0]
    lines = out.splitlines()
    for line in excerpt.splitlines():
        if line != "...":
            assert line in lines, f"README excerpt is stale: {line[:80]!r}"
    summary = [line for line in lines if line.startswith("- ") and "[" in line][:3]
    assert all(line in excerpt for line in summary)


def test_folder_json_output_file(two_articles, tmp_path):
    out = tmp_path / "brief.json"
    r = run_cli("brief", str(two_articles / "a.txt"), str(two_articles / "b.txt"),
                "--words", "40", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    data = json.loads(out.read_text(encoding="utf-8"))  # format taken from the .json suffix
    assert data["schema_version"] == "1.1"
    assert 0 < data["stats"]["summary_words"] <= 40
    assert {d["id"] for d in data["documents"]} == {"a.txt", "b.txt"}


def test_separator_file_and_stdin(two_articles):
    joined = (ARTICLE_A + "|||||\n" + ARTICLE_B).encode()
    r1 = run_cli("brief", "-", "--format", "json", stdin=joined)
    assert r1.returncode == 0, r1.stderr.decode()
    ids = [d["id"] for d in json.loads(r1.stdout)["documents"]]
    assert ids == ["stdin#1", "stdin#2"]
    path = two_articles / "cluster.txt"
    path.write_bytes(joined)
    r2 = run_cli("brief", str(path), "--format", "json")
    assert [d["id"] for d in json.loads(r2.stdout)["documents"]] == ["cluster.txt#1", "cluster.txt#2"]


def test_jsonl_cluster_needs_id_when_several(tmp_path):
    path = tmp_path / "clusters.jsonl"
    rows = [{"id": "one", "documents": [ARTICLE_A, ARTICLE_B]},
            {"id": "two", "documents": [ARTICLE_B, ARTICLE_A]}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert_user_error(run_cli("brief", str(path)), "2 clusters", "--id")
    r = run_cli("brief", str(path), "--id", "two", "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    assert [d["id"] for d in json.loads(r.stdout)["documents"]] == ["two#0", "two#1"]
    assert_user_error(run_cli("brief", str(path), "--id", "three"), "no cluster with id 'three'")


def test_missing_path():
    assert_user_error(run_cli("brief", "no/such/folder"), "no such file or folder")


def test_empty_file_alone_and_among_others(two_articles):
    empty = two_articles / "empty.txt"
    empty.write_text("")
    assert_user_error(run_cli("brief", str(empty), str(two_articles / "a.txt")), "empty")
    # Among readable articles an empty file is skipped, said on stderr and in the brief.
    r = run_cli("brief", str(two_articles), "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    assert "skipped" in r.stderr.decode() and "empty.txt" in r.stderr.decode()
    docs = {d["id"]: d for d in json.loads(r.stdout)["documents"]}
    assert docs["empty.txt"]["status"] == "skipped" and "empty" in docs["empty.txt"]["reason"]
    assert docs["a.txt"]["status"] == "used"


def test_binary_file(two_articles):
    binary = two_articles / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert_user_error(run_cli("brief", str(binary), str(two_articles / "a.txt")), "binary")


def test_unknown_format(two_articles):
    pdf = two_articles / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 whatever")
    line = assert_user_error(run_cli("brief", str(pdf), str(two_articles / "a.txt")), "unknown format")
    assert ".txt" in line  # says what would work


def test_one_document(two_articles):
    assert_user_error(run_cli("brief", str(two_articles / "a.txt")), "at least 2")


def test_no_sentences_after_cleaning(tmp_path):
    (tmp_path / "a.txt").write_text("Home\nNews\nSport\n")
    (tmp_path / "b.txt").write_text("Menu\nSign in\n")
    assert_user_error(run_cli("brief", str(tmp_path)), "no sentences")


def test_oversized_input(tmp_path, two_articles):
    from newsweave.ingest.readers import MAX_DOCUMENT_BYTES

    big = tmp_path / "big.txt"
    big.write_text(ARTICLE_A * (MAX_DOCUMENT_BYTES // len(ARTICLE_A) + 2))
    assert_user_error(run_cli("brief", str(big), str(two_articles / "a.txt")), "MB limit")


def test_bad_length_and_summarizer(two_articles):
    assert_user_error(run_cli("brief", str(two_articles), "--words", "0"), "--words")
    assert_user_error(run_cli("brief", str(two_articles), "--summarizer", "nope"), "unknown summarizer")


def test_output_to_missing_folder_loses_nothing(two_articles, tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("previous brief")
    r = run_cli("brief", str(two_articles / "missing.txt"), "-o", str(target))
    assert r.returncode != 0
    assert target.read_text() == "previous brief"  # a failed run does not clobber earlier work
    assert_user_error(run_cli("brief", str(two_articles), "-o", str(tmp_path / "nope" / "b.md")),
                      "does not exist")


def test_html_output(tmp_path):
    out = tmp_path / "brief.html"
    r = run_cli("example", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<mark id=" in page
    assert "<script" not in page.lower()  # the report runs no script of its own


# ---- copies and repeats are said on stderr (item 4)

def test_identical_files_are_said_and_counted_once(two_articles):
    (two_articles / "c.txt").write_text(ARTICLE_A, encoding="utf-8")
    r = run_cli("brief", "a.txt", "b.txt", "c.txt", "--no-analysis", cwd=two_articles)
    assert r.returncode == 0, r.stderr.decode()
    assert "newsweave: c.txt is identical to a.txt: counted once" in r.stderr.decode()
    r = run_cli("brief", "a.txt", "a.txt", "b.txt", "--no-analysis", cwd=two_articles)
    assert r.returncode == 0, r.stderr.decode()
    assert "newsweave: a.txt is named twice: counted once" in r.stderr.decode()
    assert_user_error(run_cli("brief", "a.txt", "a.txt", cwd=two_articles), "a.txt is named twice")
    assert_user_error(run_cli("brief", "a.txt", "c.txt", cwd=two_articles), "same text as a.txt")


# ---- no silent surprises (item 7)

def test_unknown_output_suffix_needs_format(two_articles):
    assert_user_error(run_cli("brief", "a.txt", "b.txt", "-o", "brief.pdf", cwd=two_articles),
                      "-o brief.pdf", "--format")
    assert not (two_articles / "brief.pdf").exists()
    r = run_cli("brief", "a.txt", "b.txt", "-o", "brief.pdf", "--format", "json", "--no-analysis",
                cwd=two_articles)
    assert r.returncode == 0 and json.loads((two_articles / "brief.pdf").read_text(encoding="utf-8"))


def test_id_without_jsonl_is_an_error(two_articles):
    assert_user_error(run_cli("brief", ".", "--id", "3", cwd=two_articles), "--id", ".jsonl")


def test_subfolder_is_said(two_articles):
    (two_articles / "more").mkdir()
    (two_articles / "more" / "c.txt").write_text(ARTICLE_B, encoding="utf-8")
    r = run_cli("brief", ".", "--no-analysis", cwd=two_articles)
    assert r.returncode == 0, r.stderr.decode()
    assert "subfolders are not read" in r.stderr.decode()


def test_stdin_twice(two_articles):
    assert_user_error(run_cli("brief", "-", "-", stdin=ARTICLE_A.encode()), "read once")


def test_trailing_separator_is_no_empty_article(tmp_path):
    (tmp_path / "c.txt").write_text(ARTICLE_A + "|||||\n" + ARTICLE_B + "|||||\n", encoding="utf-8")
    r = run_cli("brief", "c.txt", "--no-analysis", cwd=tmp_path)
    assert r.returncode == 0 and "empty" not in r.stderr.decode() and "article 3" not in r.stdout.decode()


def test_utf16_file_is_read(two_articles):
    (two_articles / "b.txt").write_bytes(ARTICLE_B.encode("utf-16"))
    r = run_cli("brief", "a.txt", "b.txt", "--no-analysis", cwd=two_articles)
    assert r.returncode == 0 and not r.stderr.decode(), r.stderr.decode()


def test_foreign_article_is_said(two_articles):
    (two_articles / "de.txt").write_text(
        "Der Fluss trat in der Nacht zum Montag in Marlow über die Ufer und überflutete Hunderte Häuser. "
        "Rettungskräfte holten zwölf Menschen von den Dächern, teilte die Feuerwehr mit.\n", encoding="utf-8")
    r = run_cli("brief", "a.txt", "b.txt", "de.txt", "--no-analysis", cwd=two_articles)
    assert r.returncode == 0, r.stderr.decode()
    assert "newsweave: set aside de.txt: written in German: newsweave reads English" in r.stderr.decode()
