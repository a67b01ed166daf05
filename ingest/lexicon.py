"""Common English words, for telling a word broken at a line end from two words wrapped at a space.

A producer breaks a word that does not fit on a line of its own where the next
letter no longer fits; a word that fills its line to the edge and wraps at the
space after it looks the same on the page ("management" over "plan"). Where the
document itself writes neither reading whole, the language decides: two common
words whose join is none ("registered" "sex") were wrapped at a space, a piece
that is no word ("Recomme" "ndation") was broken. The word frequencies are
pyspellchecker's English list (US spelling), loaded once, when first asked.
"""

from __future__ import annotations

import re
from functools import cache

_EDGES = ".,;:!?()[]'\"“”‘’"


@cache
def _frequencies():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", case_sensitive=False).word_frequency


def is_word(text: str, known: frozenset[str], common: int) -> bool:
    """True when text, less its punctuation at either end, is one of ``known`` (the
    document's own whole words: "programme" is British) or an English word, in its own
    spelling or a US one, seen at least ``common`` times in the list's corpus."""
    word = text.strip(_EDGES).lower()
    if not word or not word.isalpha():
        return False
    if word in known:
        return True
    counts = _frequencies()
    return any(counts[spelling] >= common for spelling in (word, *_us_spellings(word)))


def is_word_form(text: str, known: frozenset[str], common: int) -> bool:
    """True when text is a word as ``is_word`` has it, or the plural of one ("audits")."""
    word = text.strip(_EDGES).lower()
    plural = len(word) > 3 and word.endswith("s") and is_word(word[:-1], known, common)
    return plural or is_word(word, known, common)


# British endings and their US spellings, which the list counts ("programme" is "program")
_BRITISH = (
    (re.compile(r"mme(s?)$"), r"m\1"),
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able|hood|hoods|al)?$"), r"or\1"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"ence(s?)$"), r"ense\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers|or|ors)$"), r"l\1"),
    (re.compile(r"gement(s?)$"), r"gment\1"),
)


def _us_spellings(word: str) -> list[str]:
    """Return the US spellings a British word may have ("colour" -> "color"); a piece of
    a word that is only such an ending ("lled") has none."""
    return [
        rule.sub(us, word) for rule, us in _BRITISH if (m := rule.search(word)) and m.start() > 1
    ]
