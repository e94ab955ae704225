"""Evaluation: the ROUGE wrapper against hand-counted values, the oracle, the peers,
and `newsweave eval` end to end. Fast (a few seconds): toy inputs only."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave import evaluation as ev
from newsweave.errors import InputError
from newsweave.features import Cluster
from newsweave.model import Document, Sentence
from newsweave.evaluation.rouge import _CHECKS
from newsweave.summarizers import Budget, get

from conftest import need_shared

ROOT = Path(__file__).resolve().parent.parent


def test_rouge_f1_by_hand():
    # candidate: the cat sat on the mat   (6 tokens)
    # reference: the cat was on the mat   (6 tokens)
    # unigrams in common: the x2, cat, on, mat = 5    -> P = R = F = 5/6
    # candidate bigrams: the-cat cat-sat sat-on on-the the-mat      (5)
    # reference bigrams: the-cat cat-was was-on on-the the-mat      (5)
    # bigrams in common: the-cat, on-the, the-mat = 3              -> P = R = F = 3/5
    # longest common subsequence: the cat on the mat = 5            -> Lsum F = 5/6
    s = ev.rouge("the cat sat on the mat", ["the cat was on the mat"])
    assert s["rouge1"] == pytest.approx(5 / 6)
    assert s["rouge2"] == pytest.approx(3 / 5)
    assert s["rougeLsum"] == pytest.approx(5 / 6)


def test_rouge_word_truncation_and_lsum_lines():
    # Cut to 3 words: "the cat sat" -> unigrams in common the, cat = 2: P = 2/3, R = 2/6,
    # F = 2PR/(P+R) = 4/9. Bigram the-cat: P = 1/2, R = 1/5, F = 2/7.
    s = ev.rouge("the cat sat\non the mat", "the cat was on the mat", words=3)
    assert s["rouge1"] == pytest.approx(4 / 9)
    assert s["rouge2"] == pytest.approx(2 / 7)
    # Lsum: each line is a sentence; the union LCS over the two candidate lines is still
    # the cat . on the mat = 5 tokens of 6.
    s = ev.rouge("the cat sat\non the mat", "the cat was on the mat")
    assert s["rougeLsum"] == pytest.approx(5 / 6)
    assert s["rouge1"] == pytest.approx(5 / 6)


def test_rouge_duc_recall_averaged_over_references_with_byte_cut():
    candidate = "police arrested two men\nthe men were released"
    refs = ["two men were arrested by police", "police released the men"]
    # -b 23 keeps "police arrested two men" (6+1+8+1+3+1+3 = 23 bytes).
    # Stemmed tokens: polic arrest two men.
    # ref 1: two men were arrest by polic (6): unigrams in common 4 -> R1 = 4/6;
    #        bigrams two-men men-were were-arrest arrest-by by-polic (5): two-men -> R2 = 1/5;
    #        LCS "two men" = 2 -> RL = 2/6.
    # ref 2: polic releas the men (4): polic, men -> R1 = 2/4; bigrams polic-releas
    #        releas-the the-men: none in common -> R2 = 0; LCS "polic men" = 2 -> RL = 2/4.
    s = ev.rouge(candidate, refs, mode="recall", bytes_=23)
    assert s["rouge1"] == pytest.approx((4 / 6 + 2 / 4) / 2)
    assert s["rouge2"] == pytest.approx((1 / 5 + 0) / 2)
    assert s["rougeLsum"] == pytest.approx((2 / 6 + 2 / 4) / 2)
    # Without the cut, "the men were released" adds recall against both references.
    assert ev.rouge(candidate, refs, mode="recall")["rouge1"] > s["rouge1"]
    assert ev.truncate_bytes("é" * 3, 3) == "é"  # never half a character


def test_fast_rouge_matches_rouge_score():
    rouge_score_rs = pytest.importorskip("rouge_score_rs")
    from rouge_score import rouge_scorer

    slow = rouge_scorer.RougeScorer(list(ev.ROUGE_TYPES), use_stemmer=True)
    fast = rouge_score_rs.RougeScorer(list(ev.ROUGE_TYPES), use_stemmer=True)
    for ref, cand in _CHECKS:
        assert fast.score(ref, cand) == slow.score(ref, cand)
    assert ev.rouge_backend() == "rouge_score_rs"


def test_oracle_picks_the_sentence_that_matches_the_reference():
    sentences = ["The mayor opened a new bridge over the river on Monday morning.",
                 "Heavy rain flooded three villages in the north of the county overnight.",
                 "The football club announced a new coach after a poor season."]
    picked = ev.Oracle(words=12).select(sentences, ["Floods hit three northern villages after heavy rain overnight."])
    assert picked == [sentences[1]]


TOY = [
    "The river Avon burst its banks on Monday, flooding three villages near Bath. Hundreds of "
    "residents were moved to a school hall, the council said. Firefighters used boats to reach "
    "people trapped in their homes. The Environment Agency warned that more rain was expected.",
    "Floods hit three villages near Bath after the river Avon burst its banks on Monday. The "
    "council moved hundreds of residents to a school hall. Boats were used by firefighters to "
    "rescue people trapped in houses. Forecasters said more heavy rain would fall this week.",
    "Residents near Bath spent the night in a school hall after floods from the river Avon. "
    "Three villages were under water on Monday, the council said. The Environment Agency said "
    "river levels would stay high. Insurers said claims could reach millions of pounds.",
]


def test_oracle_on_a_cluster_reads_the_pipeline_sentences():
    record = {"id": "toy", "documents": TOY,
              "summaries": ["Firefighters used boats to reach people trapped in their homes."]}
    assert ev.Oracle(words=30)(record)[0] == "Firefighters used boats to reach people trapped in their homes."


def _toy_cluster() -> Cluster:
    docs, sentences = [], []
    for d, text in enumerate(TOY, 1):
        doc_id = f"doc{d}"
        docs.append(Document(id=doc_id, text=text))
        parts = [p.strip() + "." for p in text.split(". ") if p.strip()]
        parts[-1] = parts[-1].rstrip(".") + "."
        start = 0
        for i, p in enumerate(parts):
            start = text.find(p.rstrip("."), start)
            sentences.append(Sentence(doc=doc_id, index=i, start=start, end=start + len(p), text=p,
                                      n_in_doc=len(parts)))
    return Cluster(docs, sentences)


@pytest.mark.parametrize("name", ["random", "lexrank", "textrank", "lsa", "klsum", "sumbasic", "newspaper"])
def test_peers_stay_within_budget(name):
    if name not in ("random", "newspaper"):
        pytest.importorskip("sumy")
    cluster = _toy_cluster()
    for words in (12, 40):
        chosen = get(name).select(cluster, Budget(words=words))
        assert chosen, f"{name} chose nothing"
        assert sum(c.sentence.words for c in chosen) <= words
        assert len({c.sentence for c in chosen}) == len(chosen)
        assert all(c.sentence in cluster.sentences for c in chosen)
    assert get(name).select(cluster, Budget(words=None, sentences=2)).__len__() == 2


def test_random_is_deterministic():
    cluster = _toy_cluster()
    first = [c.sentence for c in get("random").select(cluster, Budget(words=40))]
    assert first == [c.sentence for c in get("random").select(cluster, Budget(words=40))]


def test_read_records_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        ev.read_records(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"documents": ["a"], "summaries": ["b"]}\n{not json\n')
    with pytest.raises(InputError, match="line 2: not valid JSON"):
        ev.read_records(bad)
    with pytest.raises(InputError, match="unknown summarizer"):
        ev.make_system("nonesuch")


def _dataset(tmp_path) -> Path:
    path = tmp_path / "three.jsonl"
    refs = ["Floods from the river Avon hit three villages near Bath; residents moved to a school hall.",
            "Firefighters in boats rescued people trapped by floods near Bath.",
            "More rain is expected after the Avon flooded three villages."]
    with open(path, "w") as f:
        for i, ref in enumerate(refs):
            docs = TOY[i:] + TOY[:i]
            f.write(json.dumps({"id": f"toy-{i}", "documents": docs, "summaries": [ref]}) + "\n")
    return path


def _check_eval_output(proc, predictions: Path):
    assert proc.returncode == 0, proc.stderr
    for label in ("ROUGE-1", "ROUGE-2", "ROUGE-Lsum"):
        value = float(proc.stdout.split(f"{label}: ")[1].split()[0])
        assert 0 < value <= 100
    lines = [json.loads(line) for line in predictions.read_text().splitlines()]
    assert [p["id"] for p in lines] == ["toy-0", "toy-1", "toy-2"]
    assert all(p["summary"] and len(p["summary"].split()) <= 40 for p in lines)


def test_eval_command(tmp_path):
    data, predictions = _dataset(tmp_path), tmp_path / "pred.jsonl"
    proc = subprocess.run([sys.executable, "-m", "newsweave.evaluation", str(data), "--words", "40",
                           "--predictions", str(predictions), "--no-progress"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    _check_eval_output(proc, predictions)
    proc = subprocess.run([sys.executable, "-m", "newsweave.evaluation", str(tmp_path / "nope.jsonl")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_newsweave_eval_via_cli(tmp_path):
    data, predictions = _dataset(tmp_path), tmp_path / "pred.jsonl"
    proc = subprocess.run([sys.executable, "-m", "newsweave.cli", "eval", str(data), "--words", "40",
                           "--predictions", str(predictions), "--jobs", "2"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    _check_eval_output(proc, predictions)


def test_paired_bootstrap_on_real_clusters():
    raw = need_shared(ev.SHARED / "data" / "multi_news_raw" / "dev.jsonl", "raw Multi-News clusters")
    records = ev.read_records(raw, limit=12)
    ours = ev.evaluate(records, ev.make_system("centroid"), processes=1, progress=False)
    lead = ev.evaluate(records, ev.make_system("lead"), processes=1, progress=False)
    a, b = ours["per_cluster"]["rouge1"], lead["per_cluster"]["rouge1"]
    assert len(a) == len(b) == 12
    assert sum(a) / 12 == pytest.approx(ours["rouge1"])  # the per-cluster scores are the ones averaged

    same = ev.paired_bootstrap(a, a)
    assert (same["difference"], same["low"], same["high"], same["ties"]) == (0, 0, 0, 12)
    assert same["p_not_better"] == 1.0  # a system is never better than itself

    c = ev.paired_bootstrap(a, b)
    assert c["low"] <= c["difference"] <= c["high"] and c["low"] < c["high"]
    assert c["difference"] == pytest.approx(ours["rouge1"] - lead["rouge1"])
    assert c["wins"] + c["ties"] + c["losses"] == 12
    assert ev.paired_bootstrap(a, b) == c  # seeded: the same numbers on every run
    flipped = ev.paired_bootstrap(b, a)
    assert flipped["difference"] == pytest.approx(-c["difference"])
    assert (flipped["wins"], flipped["losses"]) == (c["losses"], c["wins"])

    shifted = ev.paired_bootstrap([x + 0.01 for x in b], b)  # better on every cluster by 1 point
    assert shifted["low"] == pytest.approx(0.01) and shifted["high"] == pytest.approx(0.01)
    assert shifted["p_not_better"] == 0.0 and shifted["wins"] == 12
    with pytest.raises(ValueError):
        ev.paired_bootstrap(a, b[:5])


def test_a_cluster_of_one_article_is_summarized_in_evaluations_but_refused_as_a_brief():
    from newsweave.ingest import documents_from_texts
    from newsweave.pipeline import Config, run

    article = (ROOT / "newsweave" / "example" / "01_wire_agency.txt").read_text(encoding="utf-8")
    reference = " ".join(article.split()[40:140])  # a stand-in reference: words of the article
    record = {"id": "one-article", "documents": [article], "summaries": [reference]}
    result = ev.evaluate([record], ev.make_system("centroid", words=100), words=100, processes=1,
                         progress=False)
    assert result["failed"] == 0 and result["rouge1"] > 0.3
    with pytest.raises(InputError, match="at least 2 articles"):  # a user's brief compares sources
        run(documents_from_texts([article]), Config())
