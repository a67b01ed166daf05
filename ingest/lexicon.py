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

from functools import cache

_EDGES = ".,;:!?()[]'\"“”‘’"


@cache
def _frequencies():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", case_sensitive=False).word_frequency


def is_word(text: str, known: frozenset[str], common: int) -> bool:
    """True when text, less its punctuation at either end, is one of ``known`` (the
    document's own whole words: "programme" is British) or an English word seen at least
    ``common`` times in the list's corpus."""
    word = text.strip(_EDGES).lower()
    if not word or not word.isalpha():
        return False
    return word in known or _frequencies()[word] >= common
