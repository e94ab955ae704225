"""``python -m newsweave.evaluation DATASET.jsonl ...``: the same as ``newsweave eval``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
