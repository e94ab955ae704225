"""What the human-facing renderers (Markdown, HTML) share: how long a list may run."""

from __future__ import annotations

# A summary sentence of a 300-article cluster can be "also in" hundreds of them: the reader
# sees the first few (the closest), and how many more; the JSON keeps them all.
SHOWN_ALSO_IN = 3


def head_and_more(items: list, shown: int = SHOWN_ALSO_IN) -> tuple[list, int]:
    """The first ``shown`` items and how many are left out."""
    return items[:shown], max(len(items) - shown, 0)
