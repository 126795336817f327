"""Emergency hand-off (110/119/120/122) and department lines (12333/12315/12328/12348).

Rules over a taxonomy of danger, not a model: resources/assistant/triage_taxonomy.json names
each kind of emergency a dispatcher's protocol covers with the sentence the agent reads, so a
miss is fixed by naming the kind, not by adding an example. A missed fire costs more than a
needless banner, so triggers are broad and the time-and-mood suppressors are narrow and
clause-local.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.assistant.text import normalize
from app.resources import resource_path

RULES_PATH = resource_path("assistant", "triage_taxonomy.json")
_CLAUSE = re.compile(r"[，。！？；,.!?;：:、…~～]+")
_NEGATION_REACH = 4  # characters before a trigger in which a negation word applies to it
_LETTER_CHARS = 200
_REACH = 3  # clauses a pattern may span: callers break one situation into short phrases
_NEVER = re.compile(r"(?!)")
_WORD_SET = re.compile(r"\{([a-z_]+)\}")  # {who} in a pattern: one of the taxonomy's word sets


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
class DangerKind:
    """One kind of situation of the taxonomy, as the agent reads it."""

    kind: str
    name: str
    services: tuple[str, ...]  # the first is the call to make
    sentence: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str]  # in the trigger's clause: the words name something else
    unless_text: re.Pattern[str]  # anywhere: the call is about something else (compensation)
    fallback: bool = False  # calls only when no specific kind does
    companion: bool = False  # never calls alone (a traffic accident needs 122 beside 120)


@dataclass(frozen=True)
class Routing:
    """Where a ticket about an emergency is filed once the call is handed off."""

    category: tuple[str, ...]  # levels 1-3
    unit: str


@dataclass(frozen=True)
class _Hit:
    kind: DangerKind
    words: str  # what the caller said that matched


def _alternation(items: list[str], words: dict[str, list[str]] | None = None) -> re.Pattern[str]:
    """One pattern for the list; ``{name}`` stands for any word of the set ``words[name]``."""
    def expand(p: str) -> str:
        return _WORD_SET.sub(lambda m: "(?:" + "|".join((words or {})[m.group(1)]) + ")", p)

    return re.compile("|".join(f"(?:{expand(p)})" for p in items)) if items else _NEVER


def _kind(entry: dict[str, Any], words: dict[str, list[str]]) -> DangerKind:
    return DangerKind(
        kind=entry["kind"], name=entry["name"], services=tuple(entry.get("services", ())),
        sentence=entry["sentence"], pattern=_alternation(entry["patterns"], words),
        unless=_alternation(entry.get("unless", []), words),
        unless_text=_alternation(entry.get("unless_text", []), words),
        fallback=bool(entry.get("fallback")), companion=bool(entry.get("companion")))


class Triager:
    """Compiled taxonomy; build once and call :meth:`triage` per draft."""

    def __init__(self, rules: dict[str, Any]) -> None:
        self._mask = re.compile("|".join(re.escape(m) for m in
                                         sorted(rules["mask"], key=len, reverse=True)))
        words: dict[str, list[str]] = {k: v for k, v in rules.get("words", {}).items()
                                       if not k.startswith("_")}
        self.kinds = [_kind(e, words) for e in rules["emergency"]]
        self.lines: list[tuple[str, str, list[DangerKind]]] = [
            (h["line"], h["name"], [_kind(k, words) for k in h["kinds"]]) for h in rules["hotlines"]]
        sup = rules["suppress"]
        self._negation = _alternation(sup["negation"], words)
        self._before = _alternation(sup["before"], words)
        # A worry said right before the words ("怕砸到人"), not a fear said about them
        # ("我害怕，有人在撬门" stays an emergency).
        self._near_before = re.compile(f"(?:{_alternation(sup['near_before'], words).pattern})$")
        self._clause = _alternation(sup["clause"], words)
        self._anywhere = _alternation(sup["text"], words)
        self._over = _alternation(sup["over"], words)
        self._habit_after = _alternation(sup["habit_after"], words)
        self._past = _alternation(sup["past"], words)
        self._habitual = _alternation(sup["habitual"], words)
        self._present = _alternation(sup["present"], words)
        self._present_strong = _alternation(sup["present_strong"], words)
        self._aftermath = _alternation(sup["aftermath"], words)
        self._letter = _alternation(sup["letter"], words)
        self._urgent = _alternation(sup["urgent"], words)
        self._scripts = {k: Script(v["say"], v["do"]) for k, v in rules["scripts"].items()}
        # Who is called first when several apply (a person threatening life, then fire and
        # rescue, then medical, then traffic police); the others are listed in ``also``.
        self._priority = {s: i for i, s in enumerate(rules["priority"])}
        self._routing = {s: Routing(tuple(r["category"]), r["unit"])
                         for s, r in rules["routing"].items() if not s.startswith("_")}

    def routing(self, service: str) -> Routing | None:
        """The category path and unit of a ticket handed off to ``service`` (110/119/120/122)."""
        return self._routing.get(service)

    @classmethod
    def from_file(cls, path: Path = RULES_PATH) -> Triager:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _live(self, clauses: list[str], window: str, i: int, start: int, end: int,
              letter: bool) -> bool:
        """Whether a trigger at ``start:end`` of the window from clause ``i`` is happening now.

        The trigger starts in clause ``i`` and may end in a later one; a worry or a drill said
        anywhere up to its end counts ("燃气管道老化，担心会漏气").
        """
        clause = clauses[i]
        if self._negation.search(clause[max(0, start - _NEGATION_REACH) : start]):
            return False
        if self._near_before.search(clause[:start]):
            return False
        if self._before.search(window[:end]) or self._clause.search(window[: max(end, len(clause))]):
            return False
        if self._over.search(window[start:]):  # it is over, said here or in the next clauses
            return False
        if self._habit_after.search(window[end:]) and not (  # "…，天天这样": a habit, not an event
                self._present.search(clause) or self._present_strong.search(clause)):
            return False
        if letter:
            return bool(self._urgent.search(clause))
        if self._habitual.search(clause) or self._past.search(clause):
            near = "".join(clauses[max(0, i - 1) : i + 2])
            return bool(self._present.search(clause) or self._present_strong.search(near))
        return True

    def dangers(self, text: str) -> list[_Hit]:
        """Each kind of danger happening now, in the order the taxonomy lists them."""
        masked = self._mask.sub("□", normalize(text))
        clauses = [c for c in _CLAUSE.split(masked) if c]
        # A caller in danger gives a few short sentences; a long or formal text is a letter.
        letter = len(masked) > _LETTER_CHARS or bool(self._letter.search(masked))
        if letter and not self._urgent.search(masked):
            return []  # a letter's trigger counts only beside an urgent word, and there is none
        if self._anywhere.search(masked):  # a drill or a film set: nothing is happening
            return []
        # Compensation, a claim or a lawsuit: the harm is over unless the caller says it is not.
        if self._aftermath.search(masked) and not self._present_strong.search(masked):
            return []
        # Each clause with the next ones, built once for all kinds (per keystroke on long texts).
        windows = ["，".join(clauses[i : i + _REACH]) for i in range(len(clauses))]
        joined = "，".join(clauses)
        hits: list[_Hit] = []
        for kind in self.kinds:
            hit = self._first_live(kind, clauses, windows, joined, letter)
            if hit:
                hits.append(_Hit(kind, hit))
        return hits

    def _first_live(self, kind: DangerKind, clauses: list[str], windows: list[str], text: str,
                    letter: bool) -> str | None:
        if not kind.pattern.search(text):
            return None  # no trigger anywhere (every window is part of the text): most kinds
        if kind.unless_text.search(text):
            return None
        for i, clause in enumerate(clauses):
            if kind.unless.search(clause):
                continue
            # The match starts in this clause and may run into the next ones ("烧了一夜的煤炉，
            # 早上全家都晕"); whether it is happening now is judged where it starts.
            window = windows[i]
            for m in kind.pattern.finditer(window):
                if m.start() < len(clause) and self._live(clauses, window, i, m.start(), m.end(),
                                                          letter):
                    return m.group()
        return None

    def triage(self, text: str) -> Triage:
        hits = self.dangers(text)
        # A vague kind (a cry for help, "someone is hurt") only calls when nothing specific does;
        # a companion (an accident on the road) only adds its service to another's call.
        main = ([h for h in hits if not (h.kind.fallback or h.kind.companion)]
                or [h for h in hits if not h.kind.companion])
        services: list[str] = []
        for h in main + [h for h in hits if h not in main]:
            services.extend(s for s in h.kind.services if s not in services)
        primary = sorted((s for h in main for s in h.kind.services[:1]),
                         key=self._priority.__getitem__)
        emergency = primary[0] if primary else None
        reasons: list[str] = []
        kind_name = None
        also: tuple[str, ...] = ()
        if emergency:
            first = next(h for h in main if h.kind.services[0] == emergency)
            kind_name = first.kind.name
            also = tuple(sorted((s for s in services if s != emergency),
                                key=self._priority.__getitem__))
            for h in [first] + [h for h in hits if h is not first]:
                reasons.append(f"来电说“{h.words}”，属于{h.kind.name}：{h.kind.sentence}"
                               f"（转{'、'.join(h.kind.services)}）")
        # A department line is only offered when nothing calls for an emergency service.
        hotline, hotline_name, line_reasons = (None, None, []) if emergency else self._hotline(
            normalize(text))
        reasons.extend(line_reasons)
        return Triage(
            emergency=emergency,
            emergency_kind=kind_name,
            hotline=hotline,
            hotline_name=hotline_name,
            reason="；".join(reasons),
            emergency_script=self._scripts.get(emergency) if emergency else None,
            hotline_script=self._scripts.get(hotline) if hotline else None,
            also=also,
        )

    def _hotline(self, text: str) -> tuple[str | None, str | None, list[str]]:
        best: tuple[int, str, str, list[str]] | None = None
        for line, name, kinds in self.lines:
            cues: dict[str, DangerKind] = {}
            for k in kinds:
                for m in k.pattern.finditer(text):
                    cues.setdefault(m.group(), k)
            # Ties go to the earlier line in the taxonomy (its order is deliberate).
            if cues and (best is None or len(cues) > best[0]):
                said = list(cues)
                kinds_said = list(dict.fromkeys(cues.values()))
                reasons = [f"来电说“{'、'.join(w for w in said if cues[w] is k)}”，属于{k.name}："
                           f"{k.sentence}（可转{line}{name}）" for k in kinds_said[:2]]
                best = (len(cues), line, name, reasons)
        if best is None:
            return None, None, []
        return best[1], best[2], best[3]
