"""The cross-encoder of "also in": MiniLM read with numpy, its shipped update, and the two passes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsweave import similarity
from newsweave.config import Config
from newsweave.similarity import cross

# Written here: the same fact in other words, with an abbreviation the first pass cannot read
SEC = ("The Securities and Exchange Commission fined the bank $5 million on Tuesday for misleading investors.",
       "On Tuesday the SEC ordered the bank to pay a $5 million penalty for deceiving its investors.")
RESIGNED = ("The mayor of Dunmore resigned on Friday after a week of protests over the water contract.",
            "Dunmore's mayor stepped down on Friday, ending a week of protests about the water deal.")
# The same frame, another fact
OTHER_FACT = ("The mayor of Dunmore resigned on Friday after a week of protests over the water contract.",
              "The mayor of Dunmore said on Friday that the protests over the water contract would not "
              "change her plans.")
# One topic, two facts: what MSRP's loose "same" taught the first cross-encoder to call the same
# (0.87 and 0.94 in its two orders; the lifeguards' pair as in a raw Multi-News brief)
BRIDGE = ("The Harwick council voted on Monday to shut the old bridge to lorries.",
          "The Harwick council said on Monday that lorry drivers had long complained about the old bridge.")
COVE = ("Lifeguards pulled twenty swimmers from the water at Marrow Cove on Tuesday after a sudden squall.",
        "Lifeguards had given the swimmers a safety talk at Marrow Cove on Tuesday before they set out "
        "for the buoy.")
UNRELATED = ("Stocks rose in Tokyo on Monday as exporters gained.",
             "The orchestra plans a tour of three cities in the spring.")


def test_minilm_weights_are_read_from_the_installed_package():
    base = cross.model_dir()
    config = json.loads((base / "config.json").read_text(encoding="utf-8"))
    w = cross.read_safetensors(base / "model.safetensors")
    assert (config["num_hidden_layers"], config["num_attention_heads"], config["hidden_size"]) == (
        cross.LAYERS, cross.HEADS, cross.HIDDEN)
    assert w["embeddings.word_embeddings.weight"].shape == (config["vocab_size"], cross.HIDDEN)
    for i in range(cross.LAYERS):
        assert w[f"encoder.layer.{i}.intermediate.dense.weight"].shape == (config["intermediate_size"], cross.HIDDEN)
        assert w[f"encoder.layer.{i}.intermediate.dense.weight"].dtype == np.float32


def test_the_update_is_small_and_holds_no_copy_of_the_model():
    z = np.load(cross.ADAPTER)
    assert cross.ADAPTER.stat().st_size < 2_000_000
    assert "embeddings.word_embeddings.weight" not in z.files
    a = z["encoder.layer.0.attention.self.query.A"]
    b = z["encoder.layer.0.attention.self.query.B"]
    r = similarity.cross_spec()["settings"]["rank"]
    assert a.shape == (r, cross.HIDDEN) and b.shape == (cross.HIDDEN, r)


def test_a_batch_gives_what_each_pair_gives_alone():
    model = cross.model()
    pairs = [SEC, RESIGNED, OTHER_FACT, UNRELATED, (SEC[1], SEC[0])]
    together = model.logits(pairs)
    alone = np.array([model.logits([p])[0] for p in pairs])
    np.testing.assert_allclose(together, alone, atol=1e-4)  # padding and masking change nothing
    assert model.logits([]).shape == (0,)


def test_paraphrases_are_the_same_fact_and_other_facts_are_not():
    bar = Config().corroboration
    p = similarity.probabilities([SEC, RESIGNED, OTHER_FACT, UNRELATED])
    assert p[0] >= bar and p[1] >= bar
    assert p[2] < bar and p[3] < 0.1


def test_sentences_on_one_topic_that_state_two_facts_are_not_the_same():
    bar = Config().corroboration
    p = similarity.probabilities([BRIDGE, COVE, BRIDGE[::-1], COVE[::-1]])
    assert (p < bar).all(), p
    assert (similarity.first_pass([BRIDGE, COVE]) >= similarity.FLOOR).all()  # the cross-encoder read them


def test_a_pair_is_read_in_both_orders_and_the_smaller_counts():
    model = cross.model()
    pairs = [SEC, RESIGNED, OTHER_FACT, BRIDGE]
    forward, backward = model.logits(pairs), model.logits([p[::-1] for p in pairs])
    np.testing.assert_allclose(model.both_orders(pairs), np.minimum(forward, backward), atol=1e-4)
    assert (np.abs(forward - backward) > 0.5).any()  # the orders do disagree: one alone would not do
    read = [SEC, RESIGNED, BRIDGE]  # pairs the first pass lets through, both ways
    assert (similarity.first_pass(read + [p[::-1] for p in read]) >= similarity.FLOOR).all()
    np.testing.assert_allclose(similarity.probabilities(read),
                               similarity.probabilities([p[::-1] for p in read]), atol=1e-6)


def test_the_second_order_is_read_only_where_the_first_may_be_the_same(monkeypatch):
    model = cross.model()
    forward = model.logits([SEC, COVE])
    assert forward[0] >= 0 > forward[1]
    read = []
    logits = model.logits
    monkeypatch.setattr(model, "logits", lambda pairs: read.extend(pairs) or logits(pairs))
    out = model.both_orders([SEC, COVE], floor=0.0)
    assert read == [SEC, COVE, SEC[::-1]]  # COVE's first order says "not the same": enough
    assert out[1] == pytest.approx(forward[1], abs=1e-5) and out[0] <= forward[0] + 1e-5


def test_the_cross_encoder_finds_what_the_first_pass_misses():
    bar = Config().corroboration
    assert similarity.first_pass([SEC])[0] < bar <= similarity.probabilities([SEC])[0]


def test_only_pairs_the_first_pass_does_not_rule_out_are_read(monkeypatch):
    read = []
    model = cross.model()
    logits = model.logits
    monkeypatch.setattr(model, "logits", lambda pairs: read.extend(pairs) or logits(pairs))
    conflict = ("Six people died in the fire on Monday.", "Nine people died in the fire on Monday.")
    p = similarity.probabilities([SEC, UNRELATED, conflict])
    # the unrelated pair is under the floor; the conflict is vetoed; SEC is read in both orders
    assert read == [SEC, SEC[::-1]]
    assert p[2] == 0.0 and p[1] == pytest.approx(similarity.first_pass([UNRELATED])[0])


def test_the_threshold_is_the_held_out_operating_point():
    spec = similarity.cross_spec()
    assert Config().corroboration == similarity.threshold()
    assert 0 < similarity.threshold() < 1
    held = spec["held_out"]
    assert held["precision"] >= 0.9 and held["pairs"] > 500
    assert spec["trained_on"]["pairs"] + held["pairs"] > 4000  # MSRP train
    # ... and sentence pairs of one article (PolNeAR train) as "not the same": on PolNeAR dev's,
    # which it never saw, it calls under 1 % the same
    assert spec["trained_on"]["same_article_negatives"] > 0
    check = spec["same_article_check"]
    assert check["pairs"] > 500 and check["called_same"] / check["pairs"] < 0.01
