import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "data" / "seeds"
EXAMPLE = ROOT / "newsweave" / "example"


def need_shared(path: Path, what: str) -> Path:
    """``path`` under ../shared, which holds the real articles and benchmark data. Without it a
    developer's run skips the test; CI (``CI`` set) fails it: CI always has ../shared."""
    if not path.exists():
        message = f"{what} not found at {path} (set NEWSWEAVE_SHARED to the shared folder)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return need_shared(SEEDS, "seed articles")


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
