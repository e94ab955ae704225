"""Markup left in plain text: tags and entities a copy-paste or a scraper left behind.

A ``.txt`` saved from a page's source, a JSONL field filled by a scraper, a string pasted into
the API can keep some of the page's markup ("... activists said.<br>The Red Cross said ...").
Left in, the cleaner would take such a paragraph for page furniture and drop it whole. So the
markup is converted *before* the text becomes ``Document.text``, as HTML is: block tags become
line breaks, inline formatting tags go, entities are decoded. What is no formatting of prose,
``<script>`` or an embedded object (``<img>``, ``<iframe>``, ``<svg>``, ...), is left as written:
it may be what an article is about, the cleaner judges its line, and every renderer escapes it.
Offsets then refer to the converted text, which the brief carries, so they stay exact.

Only known HTML tag names count as markup: "<Reuters>" or "a < b > c" are left alone.
"""

from __future__ import annotations

import html
import re

_BLOCK = ("address|article|aside|blockquote|body|br|caption|center|dd|div|dl|dt|figcaption|figure|"
          "footer|form|h[1-6]|head|header|hr|html|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|"
          "th|thead|title|tr|ul")
_INLINE = ("a|abbr|b|big|cite|code|del|em|font|i|ins|kbd|label|mark|q|s|samp|small|span|strike|strong|"
           "sub|sup|time|tt|u|var|wbr")
_TAG = re.compile(rf"<(/?)({_BLOCK}|{_INLINE})(?:\s[^<>]{{0,1000}}?)?\s*/?>", re.I)
_IS_BLOCK = re.compile(rf"(?:{_BLOCK})\Z", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLANKS = re.compile(r"[ \t]*\n(?:[ \t]*\n){2,}")


def has_markup(text: str) -> bool:
    return "<" in text and bool(_TAG.search(text) or _COMMENT.search(text)) or (
        "&" in text and bool(_ENTITY.search(text)))


def strip_markup(text: str) -> str:
    """The text with leftover tags and entities converted (the text itself if it has none)."""
    if not has_markup(text):
        return text
    out = text
    if "<" in out:
        out = _COMMENT.sub("", out)
        out = _TAG.sub(lambda m: "\n" if _IS_BLOCK.match(m.group(2)) else "", out)
        out = _BLANKS.sub("\n\n", out)
    if "&" in out:
        out = _ENTITY.sub(lambda m: _entity(m.group(0)), out)
    return out


def _entity(entity: str) -> str:
    decoded = html.unescape(entity)
    if decoded == entity:  # not an entity HTML knows: "&Foo;" stays as written
        return entity
    # a control character (or NUL) is no text: "&#0;" or "&#7;" becomes a space
    return "".join(" " if (ord(c) < 32 and c not in "\n\t") or 0xD800 <= ord(c) <= 0xDFFF else c
                   for c in decoded)
