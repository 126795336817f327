"""Search text for Chinese: every word length, fast, on SQLite's own FTS5.

FTS5's trigram tokenizer cannot find words under three characters, and two-character words
(噪音, 路灯, 井盖, 工资) are the most common queries here. So the index holds overlapping
character bigrams instead (as Lucene's CJK analyzer does): each run of CJK characters
``c1c2…cn`` is stored as the tokens ``c1c2 c2c3 … c(n-1)cn cn`` and a query of any length
becomes a phrase of consecutive bigrams. Latin letters and digits are kept as whole words.
A query word ending in a single CJK character (噪, 12号) ends in a prefix token, which every
character of a stored run starts a token of.
"""

import re

from app.domain.text import normalize_text

# CJK ideographs (with extension A) and the rest: letters and digits as words.
_RUNS = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|([0-9A-Za-z]+)")
# Overlapping pairs of characters of a CJK run, found in C (a Python loop over characters
# costs more than the SQLite insert of the index row).
_BIGRAMS = re.compile(r"(?=(..))", re.DOTALL)


def _tokens(text: str, *, for_query: bool) -> list[str]:
    runs: list[tuple[str, str]] = _RUNS.findall(normalize_text(text).lower())
    tokens: list[str] = []
    for index, (cjk, word) in enumerate(runs):
        if word:
            tokens.append(word)
            continue
        tokens.extend(_BIGRAMS.findall(cjk))
        # The run's tail token lets a phrase continue into the next run. A query's last run
        # leaves it out: in the stored text that run may go on.
        if not for_query or index < len(runs) - 1 or len(cjk) == 1:
            tokens.append(cjk[-1])
    return tokens


def index_text(*parts: str) -> str:
    """The text stored in the search index for a ticket's searchable fields."""
    tokens: list[str] = []
    for part in parts:
        if part:
            tokens += _tokens(part, for_query=False)
    return " ".join(tokens)


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what the agent typed, or None if nothing is searchable.

    Each space-separated word must appear (AND); a word is a phrase of bigrams.
    """
    clauses: list[str] = []
    for word in query.split():
        tokens = _tokens(word, for_query=True)
        if not tokens:
            continue
        # A word ending in a lone CJK character (噪, 12号, A5区) ends on a prefix: in the
        # stored text that character begins a bigram (噪音, 号楼, 区大).
        runs = _RUNS.findall(normalize_text(word).lower())
        prefix = "*" if runs[-1][0] and len(runs[-1][0]) == 1 else ""
        clauses.append('"' + " ".join(tokens) + '"' + prefix)
    return " AND ".join(clauses) or None
