"""Hot groups, warnings, repeat callers on a made-up month (tests/core/analysis/planted.py)."""

from collections import Counter
from datetime import date
from itertools import combinations

import pytest

from app.analysis.hotspots import analyze
from app.analysis.model import HotspotOptions, HotspotReport
from app.reports.period import Period
from app.seat import Seat
from tests.core.analysis.planted import LABELS, REPEAT_CALLER, SURGE_DAY, planted_tickets

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))


@pytest.fixture(scope="module")
def march(planted_seat: Seat) -> HotspotReport:
    with planted_seat.store.engine.connect() as conn:
        return analyze(conn, MARCH, options=HotspotOptions(top=50), as_of=date(2024, 4, 1))


def labels_by_title() -> dict[str, str]:
    return {t.title: t.label for t in planted_tickets()}


def found_groups(report: HotspotReport) -> list[list[str]]:
    """The planted label of each ticket of each group found ("" for tickets planted in none)."""
    label = labels_by_title()
    return [[label.get(t.title, "") for t in g.tickets] for g in report.groups]


def pairwise(report: HotspotReport) -> tuple[float, float]:
    """Pairwise precision and recall of the planted groups A–F.

    Precision: of the pairs put in one group, the share planted in one group.
    Recall: of the planted pairs, the share put in one group.
    """
    found = set()
    for number, labels in enumerate(found_groups(report)):
        found |= {(number, a, b) for a, b in combinations(range(len(labels)), 2)}
    together = same = 0
    for labels in found_groups(report):
        for a, b in combinations(labels, 2):
            if a in LABELS or b in LABELS:
                together += 1
                same += a == b and a != ""
    planted = sum(len(texts) * (len(texts) - 1) // 2 for texts in LABELS.values())
    recalled = sum(
        sum(n * (n - 1) // 2 for label, n in Counter(labels).items() if label in LABELS)
        for labels in found_groups(report)
    )
    return (same / together if together else 1.0), recalled / planted


def test_each_planted_group_is_one_group(march: HotspotReport) -> None:
    precision, recall = pairwise(march)
    print(f"planted groups: pairwise precision {precision:.2f}, recall {recall:.2f}")
    for label, texts in LABELS.items():
        holding = [labels for labels in found_groups(march) if label in labels]
        assert len(holding) == 1, f"group {label} split over {len(holding)} groups"
        assert holding[0].count(label) >= len(texts) - 1, (label, holding[0])
    assert precision == 1.0
    assert recall >= 0.9


def test_decoys_are_kept_apart(march: HotspotReport) -> None:
    """The same estate with another problem (D), the same problem at another estate (E)."""
    for labels in found_groups(march):
        planted = {label for label in labels if label in LABELS}
        assert len(planted) <= 1, labels


def test_noise_is_not_grouped(march: HotspotReport) -> None:
    """Forty one-off tickets, and a background repeating a few ordinary texts (咨询社保缴费基数,
    路灯损坏 …) across districts: a rule grouping those would group every common question."""
    noise = {t.title for t in planted_tickets() if t.label == ""}
    grouped = {t.title for g in march.groups for t in g.tickets}
    assert not (grouped & noise), sorted(grouped & noise)[:5]


def test_group_says_where_and_what(march: HotspotReport) -> None:
    mixer = next(g for g in march.groups if "搅拌" in g.description and "丽华花园" in g.description)
    assert mixer.description.startswith("梁园区丽华花园")
    assert len(mixer.tickets) >= 6
    assert mixer.first.date() >= date(2024, 3, 1) and mixer.last.date() <= date(2024, 3, 31)
    assert mixer.time_range == f"{mixer.first:%Y-%m-%d}至{mixer.last:%Y-%m-%d}"
    parking = next(g for g in march.groups if "停车费" in g.description)
    assert parking.place == "丽华花园" and parking is not mixer


def test_surge_is_warned_with_its_evidence(march: HotspotReport) -> None:
    warnings = [w for w in march.warnings if w.start.date() == SURGE_DAY.date()]
    assert warnings, [w.cell for w in march.warnings]
    surge = warnings[0]
    assert "民主路" in surge.cell
    assert surge.count >= 10 and surge.expected < 1
    assert len(surge.tickets) >= 10 and all("民主路" in t.title for t in surge.tickets)
    assert "倍" in surge.explain() and "此前7天" in surge.explain()


def test_quiet_weeks_raise_no_warning(planted_seat: Seat) -> None:
    """The last week of February: the background only, every cell at its usual level."""
    with planted_seat.store.engine.connect() as conn:
        report = analyze(conn, Period(date(2024, 2, 26), date(2024, 3, 1)), as_of=date(2024, 3, 2))
    assert [w for w in report.warnings if w.start.date() < date(2024, 3, 1)] == []


def test_repeat_caller_listed_masked_and_whistleblower_hidden(march: HotspotReport) -> None:
    callers = {c.caller: c for c in march.repeat_callers}
    masked = f"{REPEAT_CALLER[:3]}****{REPEAT_CALLER[-4:]}"
    assert masked in callers and callers[masked].calls == 4
    assert all("1390000" not in c.caller and "2222" not in c.caller for c in march.repeat_callers)
    assert all(REPEAT_CALLER not in c.caller for c in march.repeat_callers)


def test_heat_ranks_bigger_and_unsolved_first(march: HotspotReport) -> None:
    heats = [g.heat for g in march.groups]
    assert heats == sorted(heats, reverse=True)
    mixer = next(g for g in march.groups if "搅拌" in g.description and "丽华花园" in g.description)
    parking = next(g for g in march.groups if "停车费" in g.description)
    assert mixer.rank < parking.rank
    assert mixer.parts.callers == len(mixer.tickets) and mixer.parts.repeat_calls == 0
    assert "来电人" in mixer.parts.explain()
