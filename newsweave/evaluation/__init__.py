"""Evaluation: ROUGE of summaries against reference summaries, over a dataset of clusters,
and the peers newsweave is compared against. Needs the [eval] extra
(``pip install 'newsweave[eval]'``); producing a brief never imports this package.

One module per job:

* :mod:`.rouge`: the ROUGE backends (rouge-score, rouge-score-rs), sentence lines, truncation;
* :mod:`.datasets`: JSONL datasets of clusters (``read_records``, ``query_text``);
* :mod:`.peers`: the comparison systems (random, sumy's five, newspaper's summary);
* :mod:`.systems`: what is scored (``System``, ``Oracle``, ``make_system``);
* :mod:`.runner`: the multiprocess runner ``evaluate``;
* :mod:`.statistics`: how sure a difference is (``paired_bootstrap``);
* :mod:`.cli`: ``newsweave eval`` (also ``python -m newsweave.evaluation``).

The package's ``rouge`` and ``evaluate`` are the functions; their modules are
``newsweave.evaluation.rouge`` and ``.runner`` (``from newsweave.evaluation.rouge import ...``).
"""

from __future__ import annotations

from .datasets import ROOT, SHARED, query_text, read_records
from .rouge import (DEFAULT_WORDS, LABELS, ROUGE_TYPES, rouge, rouge_backend, sentence_lines,
                    truncate_bytes, truncate_words)
from .runner import evaluate, warm_up
from .statistics import paired_bootstrap
from .systems import ORACLE, Oracle, System, candidate_sentences, make_system, names, pipeline_config
from .cli import add_eval_parser, cmd_eval, main

__all__ = ["DEFAULT_WORDS", "LABELS", "ORACLE", "ROOT", "ROUGE_TYPES", "SHARED", "Oracle", "System",
           "add_eval_parser", "candidate_sentences", "cmd_eval", "evaluate", "main", "make_system",
           "names", "paired_bootstrap", "pipeline_config", "query_text", "read_records", "rouge",
           "rouge_backend", "sentence_lines", "truncate_bytes", "truncate_words", "warm_up"]
