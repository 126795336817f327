"""Text normalisation and feature extraction shared by the assistant's models."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

_SPACE = re.compile(r"\s+")
# Drafts can be pasted letters of several thousand characters; the head carries the topic and
# capping keeps per-keystroke work bounded.
MAX_CHARS = 1500


def normalize(text: str) -> str:
    """NFKC (full-width digits/letters to ASCII), lower case, all whitespace removed.

    Chinese needs no spaces, and the source data pads 留言详情 with newlines and tabs.
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).lower()


def join_fields(parts: Iterable[str]) -> str:
    """Join text fields (title, description...) into one normalised text."""
    return "。".join(p for p in (normalize(x) for x in parts) if p)


def char_ngrams(text: str, n_max: int) -> list[str]:
    """Character n-grams of lengths 1..n_max; punctuation-only grams are dropped."""
    out: list[str] = []
    for n in range(1, n_max + 1):
        for i in range(len(text) - n + 1):
            gram = text[i : i + n]
            if _has_content(gram):
                out.append(gram)
    return out


def _has_content(gram: str) -> bool:
    return any(ch.isalnum() for ch in gram)


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(60)  # silence "Building prefix dict" on stderr
    jieba.initialize()
    return jieba


def words(text: str) -> list[str]:
    """jieba words of two or more characters (single characters are covered by char n-grams)."""
    return list(_words(text))


@lru_cache(maxsize=8)
def _words(text: str) -> tuple[str, ...]:
    # Cached: one keystroke's text is cut once for the features and once for the cue words.
    return tuple(w for w in _jieba().lcut(text, HMM=False) if len(w) >= 2 and _has_content(w))


def whole_words(text: str) -> set[str]:
    """Every word an agent would read in the text, long words and the dictionary words inside
    them (拖欠工资 and 工资, as jieba's search mode cuts), never a fragment across two words
    (音扰 of 噪音扰民) or punctuation."""
    freq = _jieba().dt.FREQ
    out: set[str] = set()
    for w in _words(text):
        if w.isalnum():
            out.add(w)
        for n in (2, 3):
            out.update(g for i in range(len(w) - n + 1)
                       if (g := w[i : i + n]) != w and freq.get(g) and g.isalnum())
    return out
