"""Fuzzing the input side: whatever is given, the outcome is a brief or an InputError, and every
cited sentence stands verbatim at its offsets. Bounded (max_examples, deadline) to stay fast."""

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsweave
from newsweave import InputError

BASE = ("Floodwater swept through the town of Marlow on Monday, forcing hundreds of residents to "
        "leave their homes. The river rose two metres overnight after heavy rain. Emergency crews "
        "rescued twelve people from rooftops, officials said.\n")
OTHER = ("Hundreds of residents fled Marlow on Monday as the river burst its banks after heavy rain. "
         "Rescue crews pulled twelve people from rooftops, the council said. The mayor asked for "
         "army help to build flood barriers.\n")

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# odd characters: surrogates, right-to-left marks, zero-width, combining marks, controls, noncharacters
ODD = st.sampled_from(["\ud800", "\udfff", "\u200f", "\u202e", "\u200b", "\u200d", "\ufeff", "\u0301",
                       "\u0651", "\x00", "\x0b", "\x85", "\u2028", "\ufffe", "\U0001f600", "|||||\n",
                       "\n\n", "<br>", "&amp;", "&#0;", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627"])
UNICODE = st.lists(st.one_of(ODD, st.text(max_size=20)), max_size=30).map("".join)
TAGS = st.sampled_from(["p", "div", "br", "span", "a", "b", "script", "article", "h1", "li", "img"])


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        tag = draw(TAGS)
        body = draw(st.one_of(st.sampled_from([BASE, OTHER, ""]), UNICODE))
        parts.append(f"<{tag}>{body}</{tag}>" if draw(st.booleans()) else f"<{tag} class='x'>{body}")
    head = draw(st.sampled_from(["<html><body>", "<!doctype html><html><body><article>", "", "<p>"]))
    return head + "".join(parts)


def check(brief):
    texts = {d.id: d.text for d in brief.documents}
    for s in brief.summary:
        for sent in [s.sentence, *s.support]:
            assert texts[sent.doc][sent.start:sent.end] == sent.text


def outcome(paths, cluster_id=None):
    """Load and brief: a brief (whose citations are checked) or an InputError, nothing else."""
    try:
        check(newsweave.brief(newsweave.load(paths, cluster_id), analyze=False))
    except InputError as e:
        assert str(e) and "\n" not in str(e)


@SETTINGS
@given(data=st.binary(max_size=600))
@example(data=b"\xff\xfe")  # a UTF-16 BOM alone
@example(data=b"\xff\xfeA\x00\x00\xd8")  # UTF-16 with a broken surrogate
@example(data="|||||\n".encode("utf-16"))
def test_random_bytes(tmp_path, data):
    (tmp_path / "a.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(data)
    outcome([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])


@SETTINGS
@given(text=UNICODE)
@example(text="\ud800" + OTHER)
@example(text="<br>" * 5)
@example(text="&#0;" + OTHER + "\u202e")
def test_random_unicode_in_files_and_strings(tmp_path, text):
    (tmp_path / "a.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
    outcome([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    for texts in ([BASE, text], [BASE, OTHER + text], {"x.html": text, "y": BASE}):
        try:
            check(newsweave.brief(texts, analyze=False))
        except InputError:
            pass


@SETTINGS
@given(page=html_pages())
@example(page="<p>" + OTHER.replace(". ", ".<br>"))
@example(page="<html><body><script>" + OTHER + "</script>")
def test_random_html(tmp_path, page):
    (tmp_path / "a.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.html").write_text(page, encoding="utf-8", errors="surrogatepass")
    (tmp_path / "c.txt").write_text(page, encoding="utf-8", errors="surrogatepass")
    outcome([str(tmp_path / "a.txt"), str(tmp_path / "b.html"), str(tmp_path / "c.txt")])


JSON_VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                                     UNICODE, st.sampled_from([BASE, OTHER])),
                           lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(st.sampled_from(["id", "text", "documents", "x"]),
                                                                   inner, max_size=4)),
                           max_leaves=12)
DOCUMENT = st.one_of(st.sampled_from([BASE, OTHER]), UNICODE,
                     st.fixed_dictionaries({"text": st.one_of(st.sampled_from([BASE, OTHER]), UNICODE)},
                                           optional={"id": st.one_of(st.text(max_size=8), st.integers(), st.none())}),
                     JSON_VALUES)
CLUSTER = st.one_of(st.fixed_dictionaries({"documents": st.lists(DOCUMENT, max_size=4)},
                                          optional={"id": st.one_of(st.text(max_size=6), st.integers(), st.none())}),
                    JSON_VALUES)


@SETTINGS
@given(lines=st.lists(CLUSTER, min_size=0, max_size=3), cluster_id=st.one_of(st.none(), st.sampled_from(["0", "1", "line1"])))
@example(lines=[{"id": "x", "documents": [{"id": "a", "text": BASE}, {"id": "a", "text": OTHER}]}], cluster_id=None)
@example(lines=[{"id": None, "documents": [BASE, OTHER]}], cluster_id="line1")
@example(lines=[{"id": 1, "documents": [BASE]}, {"id": "1", "documents": [OTHER]}], cluster_id="1")
def test_random_jsonl(tmp_path, lines, cluster_id):
    raw = "\n".join(json.dumps(x) for x in lines)
    (tmp_path / "c.jsonl").write_text(raw, encoding="utf-8", errors="surrogatepass")
    outcome(str(tmp_path / "c.jsonl"), cluster_id)
