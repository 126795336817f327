"""Unit suggestion (智能派单): rules from category and keywords, refined by past routing."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.assistant.text import normalize
from app.messages import Message, Text
from app.resources import resource_path

RESOURCES = resource_path("assistant")
_DISTRICT = re.compile(r"[a-z]\d+[区县市]")
# Replies restate the question ("针对您反映A3区某镇…的问题") before naming who answers.
_RESTATED = re.compile(r"“[^”]*”|《[^》]*》|反映.{0,80}?(?:的问题|的情况|一事)")
# History needs a few tickets before it may outvote the written rules.
MIN_HISTORY = 3
MAX_KEYWORD_HISTORY = 3


# Why a unit is suggested (app.messages).
RULE_CATEGORY = Text("assistant.rule_category", "按职责，{category}类诉求由该单位办理。")
RULE_KEYWORDS = Text("assistant.rule_keywords", "诉求里说到{cues}，属于该单位的职责。")
IN_CATEGORY_DISTRICT = Text("assistant.in_category_district", "（{category}，{district}）")
IN_CATEGORY = Text("assistant.in_category", "（{category}）")
HISTORY_SIMILAR = Text("assistant.history_similar", "以往{where}的工单，{total} 件中 {n} 件由该单位办理。")
HISTORY_CUE = Text("assistant.history_cue", "以往说到“{cue}”的工单，{total} 件中 {n} 件由该单位办理。")

@dataclass(frozen=True)
class UnitSuggestion:
    unit: str
    score: float
    reasons: tuple[str, ...]  # messages, or a sentence the taxonomy wrote (an emergency)

    @property
    def reason(self) -> str:
        """The reasons as one Chinese text, sentence after sentence (the UI says each in the
        agent's language)."""
        return "".join(self.reasons)


def find_district(text: str) -> str:
    """The first district code in a text (the demo data masks places as A3区, A7县)."""
    m = _DISTRICT.search(normalize(text))
    return m.group().upper() if m else ""


class UnitRules:
    """Category and keyword rules plus the alias table that names units consistently."""

    def __init__(self, rules: Iterable[dict[str, str]], aliases: Iterable[dict[str, str]]) -> None:
        self._by_category: dict[str, list[str]] = defaultdict(list)
        self._keywords: list[tuple[re.Pattern[str], str]] = []
        for r in rules:
            if r["kind"] == "category":
                self._by_category[r["match"]].append(r["unit"])
            elif r["kind"] == "keyword":
                self._keywords.append((re.compile(r["match"]), r["unit"]))
            else:
                raise ValueError(f"unknown rule kind {r['kind']!r}")
        self._aliases = [(re.compile(a["pattern"]), a["unit"]) for a in aliases]

    @classmethod
    def from_files(cls, rules: Path = RESOURCES / "unit_rules.csv",
                   aliases: Path = RESOURCES / "unit_aliases.csv") -> UnitRules:
        with rules.open(encoding="utf-8") as fr, aliases.open(encoding="utf-8") as fa:
            return cls(list(csv.DictReader(fr)), list(csv.DictReader(fa)))

    def for_category(self, category: str) -> list[str]:
        return self._by_category.get(category, [])

    def keyword_hits(self, text: str) -> dict[str, list[str]]:
        """unit -> cue words found in the (normalised) text."""
        hits: dict[str, list[str]] = defaultdict(list)
        for pattern, unit in self._keywords:
            for m in pattern.finditer(text):
                if m.group() not in hits[unit]:
                    hits[unit].append(m.group())
        return hits

    def agency_in(self, reply: str) -> str | None:
        """The unit a reply names first ("市住建局及时将…", "经A5区教育局核实…"), canonical."""
        text = _RESTATED.sub("", normalize(reply))
        best: tuple[int, str] | None = None
        for pattern, unit in self._aliases:
            m = pattern.search(text)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), unit)
        return best[1] if best else None


class UnitHistory:
    """Counts of where past tickets went, by (category, district), category and cue word."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)

    def add(self, *, category: str, district: str, cues: Iterable[str], unit: str) -> None:
        self._counts[("cd", category, district)][unit] += 1
        self._counts[("c", category)][unit] += 1
        for cue in cues:
            self._counts[("k", cue)][unit] += 1

    def get(self, key: tuple[str, ...]) -> Counter[str]:
        return self._counts.get(key, Counter())


def suggest_units(
    text: str,
    category: str,
    district: str,
    rules: UnitRules,
    history: UnitHistory | None = None,
    k: int = 3,
) -> list[UnitSuggestion]:
    """Top-k units with a reason saying which rule and/or how much history backs each."""
    text = normalize(text)
    district = district or find_district(text)
    scores: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[Message]] = defaultdict(list)
    for unit in rules.for_category(category):
        scores[unit] += 1.0
        reasons[unit].append(RULE_CATEGORY(category=category))
    kw_hits = rules.keyword_hits(text)
    for unit, cues in kw_hits.items():
        scores[unit] += 1.5 + 0.25 * (len(cues) - 1)
        reasons[unit].append(RULE_KEYWORDS(cues="".join(f"“{c}”" for c in cues[:3])))
    if history is not None:
        group = history.get(("cd", category, district)) if district else Counter()
        where: Message = IN_CATEGORY_DISTRICT(category=category, district=district)
        weight = 3.0
        if sum(group.values()) < MIN_HISTORY:
            group, where, weight = history.get(("c", category)), IN_CATEGORY(category=category), 2.0
        total = sum(group.values())
        if total >= MIN_HISTORY:
            for unit, n in group.most_common(k):
                scores[unit] += weight * n / total
                reasons[unit].append(HISTORY_SIMILAR(where=where, total=total, n=n))
        cues = [c for cs in kw_hits.values() for c in cs][:MAX_KEYWORD_HISTORY]
        for cue in cues:
            counts = history.get(("k", cue))
            total = sum(counts.values())
            if total >= MIN_HISTORY:
                unit, n = counts.most_common(1)[0]
                scores[unit] += n / total
                reasons[unit].append(HISTORY_CUE(cue=cue, total=total, n=n))
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:k]
    return [UnitSuggestion(u, round(s, 3), tuple(reasons[u])) for u, s in ranked]


def keyword_cues(text: str, rules: UnitRules) -> list[str]:
    """All rule cue words in a text, for recording history."""
    return [c for cs in rules.keyword_hits(normalize(text)).values() for c in cs]


def weak_labels(items: Iterable[tuple[str, str]], rules: UnitRules,
                labels: Iterable[str]) -> list[tuple[str, str]]:
    """(text, category) for texts whose official reply names an agency that serves exactly one
    of ``labels`` in the category rules (市教育局 → 教育文体); others are left out.

    A weak label: a district office may answer for another bureau, so training weighs these
    less than confirmed tickets (``TrainConfig.weak_weight``).
    """
    wanted = set(labels)
    serves: dict[str, set[str]] = defaultdict(set)
    for category in wanted:
        for unit in rules.for_category(category):
            serves[unit].add(category)
    out: list[tuple[str, str]] = []
    for text, reply in items:
        agency = rules.agency_in(reply)
        if agency and len(serves.get(agency, ())) == 1:
            out.append((text, next(iter(serves[agency]))))
    return out
