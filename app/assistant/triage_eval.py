"""Triage measured on a set written apart from the rules (tests/core/assistant/triage_*.csv).

Columns as /work/frozen/README.md defines them: ``emergency`` holds 110, 119, 120, ``122+120``
or nothing; ``hotline`` a department line or nothing; ``group`` emergency, near_miss,
non_emergency or department; ``kind`` the taxonomy kind the row was written for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.assistant.triage import Triage, Triager


def line_ok(want: str, got: Triage) -> bool:
    """Whether the banner calls the line the row wants (122+120: both on the banner)."""
    if not want:
        return got.emergency is None
    if got.emergency is None:
        return False
    if "+" in want:
        called = {got.emergency, *got.also}
        return got.emergency in want.split("+") and set(want.split("+")) <= called
    return got.emergency == want


@dataclass
class TriageReport:
    n: int
    n_emergency: int
    caught: int  # emergency rows with any banner
    right_line: int  # emergency rows whose banner calls the labelled line
    n_calm: int  # rows with no emergency now
    false_alarms: int
    n_department: int
    department_right: int
    missed_by_kind: Counter[str] = field(default_factory=Counter)
    false_by_kind: Counter[str] = field(default_factory=Counter)
    wrong_line_by_kind: Counter[str] = field(default_factory=Counter)
    department_wrong_by_kind: Counter[str] = field(default_factory=Counter)
    miss_texts: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / max(1, self.n_emergency)

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / max(1, self.n_calm)

    @property
    def department_accuracy(self) -> float:
        return self.department_right / max(1, self.n_department)

    def lines(self, *, show_texts: bool = False) -> list[str]:
        out = [
            f"rows {self.n}",
            f"emergency recall {self.caught}/{self.n_emergency} = {self.recall:.3f} (target >= 0.98)",
            f"right line among emergencies {self.right_line}/{self.n_emergency} = "
            f"{self.right_line / max(1, self.n_emergency):.3f}",
            f"false alarms {self.false_alarms}/{self.n_calm} = {self.false_alarm_rate:.3f} "
            "(target <= 0.03)",
            f"department-line accuracy {self.department_right}/{self.n_department} = "
            f"{self.department_accuracy:.3f} (target >= 0.90)",
        ]
        for title, counts in (("missed emergencies by kind", self.missed_by_kind),
                              ("false alarms by kind", self.false_by_kind),
                              ("banner on another line by kind", self.wrong_line_by_kind),
                              ("department line wrong by kind", self.department_wrong_by_kind)):
            if counts:
                out.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
        if show_texts:
            out.extend(self.miss_texts)
        return out


def evaluate_triage(triager: Triager, rows: Sequence[dict[str, str]]) -> TriageReport:
    r = TriageReport(len(rows), 0, 0, 0, 0, 0, 0, 0)
    for row in rows:
        got = triager.triage(row["text"])
        want, line, kind = row["emergency"], row["hotline"], row.get("kind", "")
        wrong = False
        if want:
            r.n_emergency += 1
            r.caught += got.emergency is not None
            r.right_line += line_ok(want, got)
            if got.emergency is None:
                r.missed_by_kind[kind] += 1
                wrong = True
            elif not line_ok(want, got):
                r.wrong_line_by_kind[kind] += 1
                wrong = True
        else:
            r.n_calm += 1
            if got.emergency:
                r.false_alarms += 1
                r.false_by_kind[f"{row.get('group', '')}:{kind}"] += 1
                wrong = True
        if line:
            r.n_department += 1
            if got.hotline == line and got.emergency is None:
                r.department_right += 1
            else:
                r.department_wrong_by_kind[kind] += 1
                wrong = True
        if wrong:
            called = "+".join(x for x in (got.emergency, *got.also, got.hotline) if x) or "-"
            r.miss_texts.append(f"  {kind} want {want or line or '-'} got {called}: {row['text']}")
    return r
