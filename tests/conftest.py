import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "data" / "seeds"
EXAMPLE = ROOT / "newsweave" / "example"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set NEWSWEAVE_SHARED)")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_brief(seeds_dir):
    import newsweave

    return newsweave.run(newsweave.load(str(seeds_dir)))


@pytest.fixture(scope="session")
def example_brief():
    import newsweave

    return newsweave.run(newsweave.load(str(EXAMPLE)))


def assert_provenance(brief):
    """Every summary and support sentence stands verbatim at its offsets in its document."""
    for s in brief.summary:
        doc = brief.document(s.sentence.doc)
        assert doc.text[s.sentence.start:s.sentence.end] == s.sentence.text
        for p in s.support:
            assert brief.document(p.doc).text[p.start:p.end] == p.text
