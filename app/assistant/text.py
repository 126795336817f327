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


# Words that say nothing about what the call is about: numbers and counts (三个, 十二点),
# pronouns and filler (我们, 一直); a chip reading "我们" explains no suggestion.
_NOT_A_CUE = re.compile(
    r"[\d一二两三四五六七八九十百千万几半第]+[个点月天年号次岁块元分钟层楼栋刀下趟遍位名家辆只条件]*"
    r"|我们|你们|他们|她们|咱们|自己|大家|一直|已经|现在|还是|没有|可以|什么|这个|那个|因为|所以"
    r"|但是|就是|这样|那样|怎么|一下|一些|一个|有点|然后|而且|还有|今天|昨天|时候|这里|那里|这边"
    r"|我家|很大|很多|非常|特别|有人")


def whole_words(text: str) -> set[str]:
    """Every word an agent would read in the text, long words and the dictionary words inside
    them (拖欠工资 and 工资, as jieba's search mode cuts), never a fragment across two words
    (音扰 of 噪音扰民) or punctuation."""
    freq = _jieba().dt.FREQ
    out: set[str] = set()
    for w in _words(text):
        if w.isalnum():
            out.add(w)
        # Only a compound of four or more characters is cut again: a three-character word is
        # one thing (电动车 is not 动车, 消毒液 not 毒液, 一分钱 not 分钱).
        if len(w) >= 4:
            out.update(g for n in (2, 3) for i in range(len(w) - n + 1)
                       if (g := w[i : i + n]) != w and freq.get(g) and g.isalnum())
    return {w for w in out if not _NOT_A_CUE.fullmatch(w)}
