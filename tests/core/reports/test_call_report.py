"""Call figures from the calls recorded in a real store: offered, answered, 接通率, 15 秒接通率,
呼损, waits and talk by seat and line, a period in local dates; the command line's last line."""

import subprocess
import sys
from datetime import date, datetime, timedelta

from app.reports.calls import call_report
from app.reports.period import Period
from app.seat import Seat
from app.telephony.calls import record_step
from app.telephony.model import CallState

T0 = datetime(2026, 12, 5, 1, 0, 0)  # 09:00 in the center's time


def call(seat: Seat, call_id: str, steps: list[tuple[CallState, float]], *, start: datetime = T0,
         line: str = "12345", seat_id: str = "S01", transfer_to: str = "") -> None:
    for state, seconds in steps:
        with seat.store.session() as session, session.begin():
            record_step(session, call_id=call_id, state=state, at=start + timedelta(seconds=seconds),
                        caller="13912345678", line=line, seat=seat_id, transfer_to=transfer_to)


def fill(seat: Seat) -> None:
    o, r, a, e, x, t = (CallState.OFFERED, CallState.RINGING, CallState.ANSWERED, CallState.ENDED,
                        CallState.ABANDONED, CallState.TRANSFERRED)
    call(seat, "quick", [(o, 0), (r, 0), (a, 5), (e, 65)])
    call(seat, "slow", [(o, 0), (r, 0), (a, 20), (e, 140)])
    call(seat, "lost", [(o, 0), (r, 0), (x, 30)])
    call(seat, "handed", [(o, 0), (r, 0), (a, 10), (t, 40)], line="12333", seat_id="S02", transfer_to="12333")
    # Outside the local day: 23:59 the day before, 00:30 the day after.
    call(seat, "before", [(o, 0), (r, 0), (a, 2), (e, 9)], start=datetime(2026, 12, 4, 15, 59))
    call(seat, "after", [(o, 0), (x, 3)], start=datetime(2026, 12, 5, 16, 30))


def test_the_days_call_figures_by_seat_and_line(seat: Seat) -> None:
    fill(seat)
    with seat.store.engine.connect() as connection:
        report = call_report(connection, Period.day(date(2026, 12, 5)))
    total = report.total
    assert (total.offered, total.answered, total.answered15, total.abandoned) == (4, 3, 2, 1)
    assert (total.answer_rate, total.answer15_rate) == (0.75, 0.5)
    assert abs(total.avg_wait_s - (5 + 20 + 30 + 10) / 4) < 0.01
    assert abs(total.aht_s - (60 + 120 + 30) / 3) < 0.01
    assert (report.by_seat["S01"].offered, report.by_seat["S02"].answered) == (3, 1)
    assert report.by_line["12333"].answer15_rate == 1.0
    assert "接通率75.00%" in total.sentence()


def test_after_call_work_counts_in_the_handling_time(seat: Seat) -> None:
    from app.telephony.agent import AgentState, set_state

    fill(seat)
    for minute, state in ((2, AgentState.AFTER_CALL), (3, AgentState.AVAILABLE), (10, AgentState.AFTER_CALL),
                          (10.5, AgentState.AVAILABLE)):
        with seat.store.session() as session, session.begin():
            set_state(session, seat="S01", agent="李娜", state=state, at=T0 + timedelta(minutes=minute))
    with seat.store.engine.connect() as connection:
        report = call_report(connection, Period.day(date(2026, 12, 5)))
    assert report.total.acw_s == 90.0  # 60 s + 30 s of 话后整理
    assert abs(report.total.aht_s - (70 + 90 / 3)) < 0.01
    assert report.by_seat["S01"].acw_s == 90.0 and report.by_seat["S02"].acw_s == 0.0


def test_the_command_prints_the_figures_with_the_summary_last(seat: Seat) -> None:
    fill(seat)
    seat.close()
    done = subprocess.run([sys.executable, "-m", "app.reports", "calls", "--data-dir", str(seat.data_dir),
                           "--from", "2026-12-05", "--to", "2026-12-05"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "offered=4 answered=3 abandoned=1 answer_rate=0.7500 answer15_rate=0.5000 aht_s=70.0"
    assert any(line.startswith("座席 S02：呼入1通，接通1通") for line in lines)


def test_the_weekly_brief_gives_the_answer_rate_in_one_sentence(seat: Seat) -> None:
    from app.reports.brief import build_brief
    from app.reports.sample import insert_rows, seed_week_rows

    with seat.store.engine.begin() as connection:
        insert_rows(connection, seed_week_rows())
    week = datetime(2024, 1, 10, 2, 0)
    call(seat, "w1", [(CallState.OFFERED, 0), (CallState.RINGING, 0), (CallState.ANSWERED, 8),
                      (CallState.ENDED, 100)], start=week)
    call(seat, "w2", [(CallState.OFFERED, 0), (CallState.RINGING, 0), (CallState.ABANDONED, 40)], start=week)
    with seat.store.engine.connect() as connection:
        text = build_brief(connection, Period.week_of(date(2024, 1, 10))).text
    (sentence,) = [line for line in text.splitlines() if "接通率" in line]
    assert sentence == "上周热线呼入2通，接通1通，接通率50.00%，15秒接通率50.00%。"
