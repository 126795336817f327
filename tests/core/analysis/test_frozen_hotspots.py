"""The frozen evaluation set of an outside evaluator (tests/core/analysis/frozen/README.md).

745 tickets of March–May 2026: 12 planted hot issues (G01–G12), 8 decoy groups forming 8 pairs
that must stay apart (G13–G20), 462 noise tickets (22 of them lookalikes) and 3 surges (S01–S03).
The hidden labels (group, surge) are dropped before the tickets reach the store. The analysis was
tuned only on tests/core/analysis/planted.py and the real messages, before this set was opened;
these tests report the figures and hold them (the thresholds are what the first run measured,
rounded down), so that a change that makes them worse fails.

Measures:
- groups: pairwise precision and recall over the 20 labelled groups (a pair of tickets is
  "together" when one found group holds both), and each group's completeness (the share of its
  tickets in the found group holding most of them);
- decoys: found groups holding at least two tickets of each side of a decoy pair;
- noise: noise tickets put in any group;
- surges: a warning on the surge's day whose tickets are mostly the surge's; other warnings.
"""

import csv
from collections import Counter
from collections.abc import Iterator
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from app.analysis.hotspots import analyze
from app.analysis.model import HotspotOptions, HotspotReport
from app.domain.ticket import TicketInput
from app.reports.period import Period
from app.seat import open_seat
from app.tickets.bulk import NewTicket, insert_batch
from app.tickets.importer import parse_local_time

FROZEN = Path(__file__).resolve().parent / "frozen" / "planted_tickets.csv"
PERIOD = Period(date(2026, 3, 1), date(2026, 5, 31))
DECOY_PAIRS = {"P1": ("G01", "G13"), "P2": ("G02", "G14"), "P3": ("G03", "G15"), "P4": ("G05", "G16"),
               "P5": ("G06", "G19"), "P6": ("G04", "G17"), "P7": ("G01", "G18"), "P8": ("G09", "G20")}
SURGE_DAYS = {"S01": date(2026, 4, 14), "S02": date(2026, 5, 9), "S03": date(2026, 5, 20)}
# The spreadsheet says 邮件 where the desk says 邮箱.
CHANNELS = {"邮件": "邮箱"}


def read_frozen() -> tuple[list[dict[str, str]], dict[str, str], dict[str, str]]:
    """Rows without the hidden labels, and the labels by acceptance time + title."""
    with FROZEN.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    groups = {f"{r['受理时间']}|{r['标题']}": r.pop("group") for r in rows}
    surges = {f"{r['受理时间']}|{r['标题']}": r.pop("surge") for r in rows}
    return rows, groups, surges


def as_ticket(row: dict[str, str]) -> NewTicket:
    """A row as it would sit in the store. Not through the importer's checks: many of these
    complaints have no address or district (as the evaluator wrote them), which the capture
    form would ask for; the tickets are there all the same."""
    values = TicketInput(
        channel=CHANNELS.get(row["渠道"], row["渠道"]), request_type=row["诉求类型"],
        caller_name=row["来电人"], caller_phone=row["联系电话"], anonymous=not row["联系电话"],
        confidential=row["诉求类型"] == "举报", category1=row["一级分类"], district=row["区县"],
        street=row["街道"], address=row["地址"], title=row["标题"], description=row["诉求内容"],
        urgency=row["紧急程度"] or "一般",
    )
    return NewTicket(values=values, created_at=parse_local_time(row["受理时间"]),
                     status="回访" if row["满意度"] else "受理", satisfaction=row["满意度"])


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HotspotReport, dict[str, str], dict[str, str]]]:
    rows, groups, surges = read_frozen()
    seat = open_seat(tmp_path_factory.mktemp("frozen") / "seat")
    try:
        assert insert_batch(seat.store, [as_ticket(r) for r in rows], seat.context) == 745
        with seat.store.engine.connect() as conn:
            report = analyze(conn, PERIOD, options=HotspotOptions(top=1000, list_limit=1000),
                             as_of=date(2026, 5, 31))
        yield report, groups, surges
    finally:
        seat.close()


def key(ticket: object) -> str:
    return f"{ticket.created_at:%Y-%m-%d %H:%M}|{ticket.title}"  # type: ignore[attr-defined]


def found_labels(report: HotspotReport, labels: dict[str, str]) -> list[list[str]]:
    return [[labels[key(t)] for t in g.tickets] for g in report.groups]


def test_frozen_groups(frozen: tuple[HotspotReport, dict[str, str], dict[str, str]]) -> None:
    report, groups, _ = frozen
    found = found_labels(report, groups)
    sizes = Counter(label for label in groups.values() if label)
    planted_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    together = same = 0
    for labels in found:
        for a, b in combinations(labels, 2):
            if a or b:
                together += 1
                same += a == b and a != ""
    recalled = sum(n * (n - 1) // 2 for labels in found for label, n in Counter(labels).items() if label)
    precision, recall = same / together, recalled / planted_pairs
    completeness = {
        label: max((labels.count(label) for labels in found), default=0) / size
        for label, size in sorted(sizes.items())
    }
    print(f"\nfrozen groups: pairwise precision {precision:.3f}, recall {recall:.3f} "
          f"({len(found)} groups found, {sum(map(len, found))} tickets)")
    print("completeness: " + ", ".join(f"{g} {c:.2f}" for g, c in completeness.items()))
    assert precision >= PRECISION_HELD
    assert recall >= RECALL_HELD


def test_frozen_decoys_and_noise(frozen: tuple[HotspotReport, dict[str, str], dict[str, str]]) -> None:
    report, groups, _ = frozen
    found = found_labels(report, groups)
    merged = [name for name, (a, b) in DECOY_PAIRS.items()
              if any(labels.count(a) >= 2 and labels.count(b) >= 2 for labels in found)]
    noise = sum(labels.count("") for labels in found)
    noisy = sum(1 for labels in found if "" in labels)
    print(f"\nfrozen decoy pairs merged: {merged or 'none'}; noise tickets grouped: {noise} of 462 "
          f"(in {noisy} groups)")
    assert len(merged) <= MERGED_PAIRS_HELD
    assert noise <= NOISE_HELD


def test_frozen_top_five(frozen: tuple[HotspotReport, dict[str, str], dict[str, str]]) -> None:
    report, groups, _ = frozen
    top = []
    for labels in found_labels(report, groups)[:5]:
        label, _count = Counter(labels).most_common(1)[0]
        top.append(label or "noise")
    print(f"\nfrozen top five by heat: {top}; descriptions: "
          + " / ".join(g.description for g in report.groups[:5]))
    assert top[0] == TOP_FIRST_HELD
    assert set(TOP_FIVE_HELD) <= set(top)
    assert not any(label in {"G13", "G14", "G15", "G16", "G17", "G18", "G19", "G20"} for label in top)


def test_frozen_surges(frozen: tuple[HotspotReport, dict[str, str], dict[str, str]]) -> None:
    report, _, surges = frozen
    warned: dict[str, str] = {}
    others: list[str] = []
    for warning in report.warnings:
        labels = Counter(surges[key(t)] for t in warning.tickets)
        label, count = labels.most_common(1)[0]
        line = f"{warning.window_label} {warning.cell} ({warning.count}人)"
        if label and count * 2 > len(warning.tickets) and warning.start.date() == SURGE_DAYS[label]:
            warned.setdefault(label, line)
        else:
            others.append(line)
    print(f"\nfrozen surges warned: {warned}; other warnings ({len(others)}): {others}")
    assert set(SURGES_WARNED_HELD) <= set(warned)
    assert len(others) <= OTHER_WARNINGS_HELD


# What the first run measured (2026-12-04, notes of issue 18), held so that a change cannot make it
# worse: precision 0.825, recall 0.886, 39 groups of 320 tickets; decoy pairs P6 (金桂苑 lifts /
# parking fee) and P8 (中原路 burst main / street lights) merged; 50 noise tickets in 20 groups;
# top five G01, G04, G09, G03, G12; S01, S02, S03 warned on their days; one other warning
# (永城市·劳动和社会保障 on 04-23, G03's start, which expected.md accepts). After two changes made
# for the real messages (a "place" starting with a type word such as 小区临街 is none; A市 is the
# city, not a district), recall 0.881 and 51 noise tickets grouped (one more). After an ending
# shared by many names stopped joining them (福花园 in the 1M bench's made-up estates):
# precision 0.863, recall 0.874, 49 noise tickets; top five G01, G04, G03, G09, G12.
PRECISION_HELD = 0.86
RECALL_HELD = 0.87
MERGED_PAIRS_HELD = 2
NOISE_HELD = 49
TOP_FIRST_HELD = "G01"
TOP_FIVE_HELD = ("G01", "G03", "G04", "G12")
SURGES_WARNED_HELD = ("S01", "S02", "S03")
OTHER_WARNINGS_HELD = 1
