"""Ingest: what the user gives, read as the user meant it (all texts written for these tests)."""

import json

import pytest

import newsweave
from newsweave import InputError, Status
from newsweave.ingest.markup import strip_markup

ARTICLE_A = ("Floodwater swept through the town of Marlow on Monday, forcing hundreds of residents "
             "to leave their homes. The river rose two metres overnight after heavy rain. "
             "Emergency crews rescued twelve people from rooftops, officials said.\n")
ARTICLE_B = ("Hundreds of residents fled Marlow on Monday as the river burst its banks after "
             "heavy rain. Rescue crews pulled twelve people from rooftops, the council said. "
             "The mayor asked for army help to build flood barriers.\n")


def verbatim(brief):
    texts = {d.id: d.text for d in brief.documents}
    for s in brief.summary:
        for sent in [s.sentence, *s.support]:
            assert texts[sent.doc][sent.start:sent.end] == sent.text


# ---- item 2: UTF-16 and UTF-32 text

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_utf16_and_utf32_files_are_text(tmp_path, encoding):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(("Zoë Müller: " + ARTICLE_B).encode(encoding))
    docs = newsweave.load([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert [d.status for d in docs] == [Status.USED, Status.USED], docs[1].reason
    assert docs[1].text == "Zoë Müller: " + ARTICLE_B
    verbatim(newsweave.run(docs))


def test_binary_is_still_binary(tmp_path):
    (tmp_path / "x.txt").write_bytes(bytes(range(256)) * 20)
    (doc,) = newsweave.load(str(tmp_path / "x.txt"))
    assert doc.status is Status.SKIPPED and "binary" in doc.reason


# ---- item 3: markup left in plain text

def test_a_leftover_tag_keeps_its_paragraph(tmp_path):
    tagged = ("Floodwater swept through Marlow on Monday, activists said.<br>The Red Cross said twelve "
              "people were rescued from rooftops after the river rose two metres.\n\n"
              "<p>The mayor asked for army help to build flood barriers &amp; to fill sandbags.</p>\n")
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(tagged, encoding="utf-8")
    b = newsweave.brief({"a.txt": ARTICLE_A, "b.txt": tagged}, words=200)
    doc = next(d for d in b.documents if d.id == "b.txt")
    assert doc.status is Status.USED, doc.reason
    assert "<br>" not in doc.text and "The Red Cross said twelve" in doc.text and "barriers & to" in doc.text
    assert not doc.removed
    assert any("Red Cross" in s.sentence.text for s in b.summary) or any(
        "Red Cross" in x.text for s in b.summary for x in s.support)
    verbatim(b)


def test_every_paragraph_tagged_is_not_a_dead_page():
    tagged = "".join(f"<p>{s.strip()}.</p>\n" for s in ARTICLE_B.split(". ") if s.strip())
    b = newsweave.brief([ARTICLE_A, tagged])
    assert [d.status for d in b.documents] == [Status.USED, Status.USED], b.documents[1].reason
    verbatim(b)


def test_strip_markup_leaves_plain_text_alone():
    for text in ["a < b and c > d", "AT&T said <Reuters> nothing", "Tom & Jerry; R&D", ARTICLE_A]:
        assert strip_markup(text) is text
    assert strip_markup("one<br/>two <b>three</b> &quot;four&quot; <!-- x -->") == 'one\ntwo three "four" '


# ---- item 7: separators, subfolders, --id, stdin

def test_trailing_and_leading_separators_are_not_articles(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text("|||||\n" + ARTICLE_A + "|||||\n" + ARTICLE_B + "|||||\n|||||\n", encoding="utf-8")
    docs = newsweave.load(str(f))
    assert [d.status for d in docs] == [Status.USED, Status.USED]
    f.write_text(ARTICLE_A + "|||||\n", encoding="utf-8")
    assert [d.id for d in newsweave.load(str(f))] == ["c.txt"]
    f.write_text(ARTICLE_A + "|||||\n\n|||||\n" + ARTICLE_B, encoding="utf-8")
    docs = newsweave.load(str(f))
    assert [d.status for d in docs] == [Status.USED, Status.SKIPPED, Status.USED]


def test_subfolders_are_reported_not_ignored(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "c.txt").write_text(ARTICLE_B, encoding="utf-8")
    docs = newsweave.load(str(tmp_path))
    sub = [d for d in docs if d.status is Status.SKIPPED]
    assert len(sub) == 1 and "subfolders are not read" in sub[0].reason
    only = tmp_path / "only"
    (only / "inner").mkdir(parents=True)
    (only / "inner" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    with pytest.raises(InputError, match="subfolders are not read"):
        newsweave.load(str(only))


def test_cluster_id_without_jsonl_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    with pytest.raises(InputError, match="cluster_id= chooses a cluster of a .jsonl"):
        newsweave.load(str(tmp_path), cluster_id="3")


def test_same_file_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    a = str(tmp_path / "a.txt")
    docs = newsweave.load([a, a, str(tmp_path / "b.txt")])
    assert [d.status for d in docs] == [Status.USED, Status.SKIPPED, Status.USED]
    assert docs[1].reason == f"{a} is named twice: counted once"
    docs = newsweave.load([str(tmp_path), str(tmp_path / ".." / tmp_path.name / "a.txt")])
    assert docs[-1].status is Status.SKIPPED and "the same file as" in docs[-1].reason
    with pytest.raises(InputError, match="named twice"):
        newsweave.brief(newsweave.load([a, a]))


# ---- item 8: JSONL

def write_jsonl(tmp_path, *records, raw=None):
    f = tmp_path / "c.jsonl"
    f.write_text(raw if raw is not None else "\n".join(json.dumps(r) for r in records) + "\n",
                 encoding="utf-8")
    return str(f)


def test_jsonl_documents_as_id_text_objects(tmp_path):
    path = write_jsonl(tmp_path, {"id": "flood", "documents": [{"id": "wire", "text": ARTICLE_A},
                                                                 {"id": "paper", "text": ARTICLE_B}]})
    docs = newsweave.load(path)
    assert [(d.id, d.status) for d in docs] == [("wire", Status.USED), ("paper", Status.USED)]
    path = write_jsonl(tmp_path, {"id": 7, "documents": [ARTICLE_A, {"text": ARTICLE_B}]})
    assert [d.id for d in newsweave.load(path)] == ["7#0", "7#1"]


@pytest.mark.parametrize("records, fragment", [
    ([{"id": "x", "documents": "one text"}], 'line 1 has "documents" as a JSON str'),
    ([{"id": "x", "documents": [ARTICLE_A, 5]}], "line 1 document 1 is a JSON int"),
    ([{"id": "x", "documents": [{"id": "a"}]}], 'line 1 document 0 has no "text" string'),
    ([{"id": "x", "documents": [ARTICLE_A]}, {"id": "x", "documents": [ARTICLE_B]}],
     "line 2 repeats the cluster id 'x' of line 1"),
    ([{"id": "x", "documents": [ARTICLE_A]}, [1, 2]], "line 2 is a JSON list"),
    ([{"id": "x", "docs": [ARTICLE_A]}], 'line 1 has no "documents" list'),
])
def test_jsonl_problems_name_the_line(tmp_path, records, fragment):
    with pytest.raises(InputError, match="c.jsonl") as e:
        newsweave.load(write_jsonl(tmp_path, *records), cluster_id="x")
    assert fragment in str(e.value)


def test_jsonl_cluster_without_id_is_named_by_its_line(tmp_path):
    path = write_jsonl(tmp_path, {"documents": [ARTICLE_A, ARTICLE_B]}, {"documents": [ARTICLE_B, ARTICLE_A]})
    with pytest.raises(InputError) as e:
        newsweave.load(path)
    assert "None" not in str(e.value) and "line1" in str(e.value)
    assert [d.id for d in newsweave.load(path, cluster_id="line2")] == ["line2#0", "line2#1"]
    with pytest.raises(InputError, match="its ids are line1, line2"):
        newsweave.load(path, cluster_id="nope")


def test_jsonl_bad_json_names_the_line(tmp_path):
    path = write_jsonl(tmp_path, raw=json.dumps({"id": 1, "documents": [ARTICLE_A]}) + "\n{oops\n")
    with pytest.raises(InputError, match="line 2 is not valid JSON"):
        newsweave.load(path)


def test_a_few_broken_bytes_do_not_garble_a_utf8_file():
    from newsweave.ingest.readers import decode

    good = "Café owners in Zürich said the “flood” cost €2m.\n"
    text, problem = decode(good.encode() + b"Broken \xed\xa0\x80 here.\n", "a.txt")
    assert problem == "" and text.startswith(good) and "\ufffd" in text  # not mojibake
    latin = "Café owners in Zürich said.\n".encode("cp1252")
    assert decode(latin, "b.txt")[0] == "Café owners in Zürich said.\n"  # still Windows-1252
