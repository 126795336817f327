"""Emergency hand-off (110/119/120) and department lines (12333/12315/12328/12348).

Rules, not a model: every decision must be explainable to the agent, and a missed fire costs
more than a false banner, so triggers are broad and the suppressors are narrow and clause-local.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.assistant.text import normalize
from app.resources import resource_path

RULES_PATH = resource_path("assistant", "triage_rules.json")
_CLAUSE = re.compile(r"[，。！？；,.!?;：:、]+")
_NEGATION_REACH = 4  # characters before a trigger in which a negation word applies to it
_LETTER_CHARS = 200


@dataclass(frozen=True)
class Script:
    say: str  # what the agent says to the caller
    do: str  # what the agent does


@dataclass(frozen=True)
class Triage:
    emergency: str | None
    emergency_kind: str | None
    hotline: str | None
    hotline_name: str | None
    reason: str
    emergency_script: Script | None
    hotline_script: Script | None
    also: tuple[str, ...] = ()  # further emergency services the text mentions

    def as_json(self) -> dict[str, Any]:
        return {
            "emergency": self.emergency,
            "emergency_kind": self.emergency_kind,
            "also": list(self.also),
            "hotline": self.hotline,
            "hotline_name": self.hotline_name,
            "reason": self.reason,
            "script": self.emergency_script.say if self.emergency_script else (
                self.hotline_script.say if self.hotline_script else None),
            "action": self.emergency_script.do if self.emergency_script else (
                self.hotline_script.do if self.hotline_script else None),
        }


@dataclass(frozen=True)
class _Rule:
    target: str
    label: str
    pattern: re.Pattern[str]


def _alternation(items: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in items))


class Triager:
    """Compiled triage rules; build once and call :meth:`triage` per draft."""

    def __init__(self, rules: dict[str, Any]) -> None:
        self._mask = re.compile("|".join(re.escape(m) for m in
                                         sorted(rules["mask"], key=len, reverse=True)))
        self._emergency = [_Rule(r["service"], r["kind"], _alternation(r["patterns"]))
                           for r in rules["emergency"]]
        self._hotlines = [_Rule(r["line"], r["name"], _alternation(r["patterns"]))
                          for r in rules["hotlines"]]
        sup = rules["suppress"]
        self._negation = _alternation(sup["negation"])
        self._hypothetical = _alternation(sup["hypothetical"])
        self._past = _alternation(sup["past"])
        self._habitual = _alternation(sup["habitual_or_done"])
        self._present = _alternation(sup["present"])
        self._letter = _alternation(sup["letter"])
        self._urgent = _alternation(sup["urgent"])
        self._scripts = {k: Script(v["say"], v["do"]) for k, v in rules["scripts"].items()}
        # Who is called first when several apply: a threat to life by a person (police), then
        # fire/rescue, then medical; the others are listed in ``also``.
        self._priority = {"110": 0, "119": 1, "120": 2}

    @classmethod
    def from_file(cls, path: Path = RULES_PATH) -> Triager:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _live(self, clauses: list[str], i: int, start: int, letter: bool) -> bool:
        """Whether a trigger at ``start`` in clause ``i`` describes danger happening now."""
        clause = clauses[i]
        if self._negation.search(clause[max(0, start - _NEGATION_REACH) : start]):
            return False
        if self._hypothetical.search(clause):
            return False
        if letter:
            return bool(self._urgent.search(clause))
        if self._habitual.search(clause):
            return bool(self._present.search(clause))
        if self._past.search(clause):
            near = "".join(clauses[max(0, i - 1) : i + 2])
            return bool(self._present.search(near))
        return True

    def triage(self, text: str) -> Triage:
        plain = normalize(text)
        masked = self._mask.sub("□", plain)
        clauses = [c for c in _CLAUSE.split(masked) if c]
        # A caller in danger gives a few short sentences; a long or formal text is a complaint.
        letter = len(masked) > _LETTER_CHARS or bool(self._letter.search(masked))
        hits: dict[str, tuple[str, str]] = {}
        for i, clause in enumerate(clauses):
            for rule in self._emergency:
                if rule.target in hits:
                    continue
                for m in rule.pattern.finditer(clause):
                    if self._live(clauses, i, m.start(), letter):
                        hits[rule.target] = (rule.label, m.group())
                        break
        # A department line is only offered when nothing calls for 110/119/120.
        hotline, hotline_name, hotline_cues = (None, None, []) if hits else self._hotline(plain)
        reasons: list[str] = []
        emergency = kind = None
        also: tuple[str, ...] = ()
        if hits:
            order = sorted(hits, key=self._priority.__getitem__)
            emergency, also = order[0], tuple(order[1:])
            kind = hits[emergency][0]
            reasons.extend(f"{hits[s][0]}：“{hits[s][1]}” → {s}" for s in order)
        if hotline:
            reasons.append(f"{hotline_name}：{'、'.join(hotline_cues)} → {hotline}")
        return Triage(
            emergency=emergency,
            emergency_kind=kind,
            hotline=hotline,
            hotline_name=hotline_name,
            reason="；".join(reasons),
            emergency_script=self._scripts.get(emergency) if emergency else None,
            hotline_script=self._scripts.get(hotline) if hotline else None,
            also=also,
        )

    def _hotline(self, text: str) -> tuple[str | None, str | None, list[str]]:
        best: tuple[int, str, str, list[str]] | None = None
        for rule in self._hotlines:
            cues = list(dict.fromkeys(m.group() for m in rule.pattern.finditer(text)))
            # Ties go to the earlier line in the rules file (its order is deliberate).
            if cues and (best is None or len(cues) > best[0]):
                best = (len(cues), rule.target, rule.label, cues)
        if best is None:
            return None, None, []
        return best[1], best[2], best[3][:3]
