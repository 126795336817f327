"""Knowledge base: written answers for common 咨询 and "how was this answered before"."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.assistant.text import normalize
from app.resources import resource_path

KNOWLEDGE_PATH = resource_path("assistant", "knowledge.json")
MIN_SCORE = 0.2


@dataclass(frozen=True)
class Answer:
    title: str
    answer: str
    source: str  # responsible department, or "历史工单 <id>" for past tickets
    score: float
    ticket_id: str = ""


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


@dataclass(frozen=True)
class _Entry:
    id: str
    title: str
    answer: str
    source: str
    keywords: tuple[str, ...]
    grams: frozenset[str]


class KnowledgeBase:
    """Retrieval by keyword hits plus character-bigram overlap with the entry's questions."""

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self._entries = [
            _Entry(
                id=e["id"],
                title=e["title"],
                answer=e["answer"],
                source=e["source"],
                keywords=tuple(normalize(k) for k in e["keywords"]),
                grams=frozenset().union(*(_bigrams(normalize(q))
                                          for q in [e["title"], *e["questions"]])),
            )
            for e in entries
        ]

    @classmethod
    def from_file(cls, path: Path = KNOWLEDGE_PATH) -> KnowledgeBase:
        return cls(json.loads(path.read_text(encoding="utf-8"))["entries"])

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, text: str, k: int = 3) -> list[Answer]:
        t = normalize(text)[:600]
        grams = _bigrams(t)
        if not grams:
            return []
        scored: list[tuple[float, _Entry]] = []
        for e in self._entries:
            hits = sum(1 for kw in e.keywords if kw in t)
            # Share of the entry's question bigrams the draft covers: short questions score high.
            overlap = len(grams & e.grams) / len(e.grams)
            score = min(1.0, 0.25 * hits + overlap)
            if score >= MIN_SCORE and hits:
                scored.append((score, e))
        scored.sort(key=lambda x: -x[0])
        return [Answer(e.title, e.answer, e.source, round(s, 3)) for s, e in scored[:k]]
