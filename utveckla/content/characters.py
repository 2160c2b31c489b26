"""Characters that cannot be seen but change what a file means.

Text pasted from Word, PDFs and web pages brings non-breaking spaces, zero-width spaces and,
now and then, control characters. In a value they are mostly harmless (a non-breaking space
in "250 000 kr" is even right), but in a field name or an indentation they turn `title:`
into an unknown field that looks exactly like a known one. Control characters and the
Unicode direction overrides (used to make text display differently from what it is, e.g.
"Trojan Source") are never meant, anywhere in a content file.
"""

from __future__ import annotations

import re

# Look like a space or like nothing at all.
INVISIBLE = {
    "\u00a0": "hårt mellanslag (U+00A0)",
    "\u2007": "hårt mellanslag (U+2007)",
    "\u202f": "smalt hårt mellanslag (U+202F)",
    "\u200b": "osynligt mellanslag (U+200B)",
    "\u200c": "osynligt tecken (U+200C)",
    "\u200d": "osynligt tecken (U+200D)",
    "\u2060": "osynligt tecken (U+2060)",
    "\ufeff": "osynligt tecken (U+FEFF, byte-order mark)",
}
# Never meant in a content file: C0 and C1 controls except tab, line feed and carriage return,
# the Unicode line and paragraph separators (YAML counts them as line breaks, editors cannot
# see them), and the bidirectional overrides, embeddings and isolates.
# Unicode's noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, such as
# U+FFFE) and lone surrogates are not text at all: YAML readers and XML refuse them, so one of
# them in a title would break the page's front matter and the Atom feed.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
                     + NONCHARACTERS + "]")
_INVISIBLE_CLASS = "[" + "".join(INVISIBLE) + "]"
# A field name (possibly a list item's), then a colon: the characters before and right after it.
_KEY_LINE = re.compile(r"^(?P<lead>[ \-" + "".join(INVISIBLE) + r"]*)(?P<key>[^:\"'#\[{]*?):(?P<after>.?)")


def describe(char: str) -> str:
    """A Swedish name for an odd character, with its code point."""
    if char in INVISIBLE:
        return INVISIBLE[char]
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"styrtecken för skrivriktning (U+{ord(char):04X})"
    if CONTROL.match(char) and (ord(char) & 0xFFFE == 0xFFFE or 0xFDD0 <= ord(char) <= 0xFDEF or 0xD800 <= ord(char) <= 0xDFFF):
        return f"icke-tecken (U+{ord(char):04X})"
    return f"styrtecken (U+{ord(char):04X})"


def control_characters(lines: list[str]) -> list[tuple[int, str]]:
    """(0-based line index, description) of the first control character on each line that has one."""
    found = []
    for index, line in enumerate(lines):
        match = CONTROL.search(line)
        if match:
            found.append((index, describe(match.group())))
    return found


def invisible_in_structure(line: str) -> str | None:
    """The odd character in a front-matter line's indentation, field name or right after its colon."""
    match = _KEY_LINE.match(line)
    if match:
        for char in match.group("lead") + match.group("key") + match.group("after"):
            if char in INVISIBLE:
                return describe(char)
        return None
    lead = re.match(r"^[ \-" + "".join(INVISIBLE) + "]*", line).group()  # type: ignore[union-attr]  # "*" always matches
    return next((describe(char) for char in lead if char in INVISIBLE), None)


def invisible_in_key(key: str) -> str | None:
    match = re.search(_INVISIBLE_CLASS, key)
    return describe(match.group()) if match else None
