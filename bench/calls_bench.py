"""Calls against one seat: SIPp places calls at a steady rate on loopback, the seat's SIP user
agent answers them and records every step in its encrypted store; each ringing call's screen-pop
data (the call recorded, the caller's history read, open tickets first) is timed.

    python bench/calls_bench.py [--rate 20] [--seconds 60] [--tickets 20000] [--answer-after 0.2]

pop_ms: from the INVITE reaching the user agent to the call recorded as ringing and the caller's
history read from the store by a worker of its own, as the window's sidebar does (the window's
painting is not included). The machine is shared:
say which --seconds a figure came from. Last line: ``calls=… recorded=… pop_p95_ms=…``.
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiosipua import IncomingCall
from sqlalchemy import func, select

from app.assistant.store_source import StoreSource
from app.reference import default_reference
from app.settings import Settings
from app.store.models import Call
from app.telephony.adapter import CallEvent, CallRecorder
from app.telephony.model import FINAL_STATES, CallState
from app.telephony.sip import SipAdapter
from app.tickets.demo import insert_demo_tickets
from app.tickets.service import Actor, TicketContext
from bench.bench_keys import open_bench_store

SCENARIO = Path(__file__).resolve().parent.parent / "tests" / "telephony" / "sipp" / "answered.xml"


class TimedSip(SipAdapter):
    """The seat's user agent, stamping when each INVITE arrives."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.received: dict[str, float] = {}

    def _on_invite(self, call: IncomingCall) -> None:
        self.received[call.call_id] = time.perf_counter()
        super()._on_invite(call)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--tickets", type=int, default=20000, help="tickets in the store (caller history)")
    parser.add_argument("--answer-after", type=float, default=0.2)
    parser.add_argument("--talk-ms", type=int, default=1000)
    args = parser.parse_args()
    sipp = shutil.which("sipp")
    if sipp is None:
        print("SIPp not found: install Debian's sip-tester", file=sys.stderr)
        return 2
    calls = int(args.rate * args.seconds)
    work = Path(tempfile.mkdtemp(prefix="calls-bench-"))
    settings = Settings()
    store = open_bench_store(work / "seat")
    context = TicketContext(Actor(settings.seat_id, settings.agent_name), default_reference(), settings)
    insert_demo_tickets(store, context, args.tickets)
    with store.raw_connection() as connection:
        numbers = [r[0] for r in connection.execute(
            "SELECT DISTINCT caller_phone FROM tickets WHERE caller_phone LIKE '1%' LIMIT 2000")]
    # Half the callers rang before (history to read), half are new.
    callers = [numbers[i % len(numbers)] if i % 2 else f"1370000{i % 10000:04d}" for i in range(2000)]
    (work / "callers.csv").write_text("SEQUENTIAL\n" + "".join(f"{n};\n" for n in callers))
    (work / "call.xml").write_text(SCENARIO.read_text().replace(
        '<pause milliseconds="300"/>', f'<pause milliseconds="{args.talk_ms}"/>'))

    source = StoreSource(store)
    pops: list[float] = []
    lock = threading.Lock()
    recorder = CallRecorder(store, settings)
    adapter = TimedSip(("127.0.0.1", 0), recorder, answer_after=args.answer_after)

    # As in the window: the recorder hands the ringing call on, and the caller's history is read
    # by a worker of its own (the sidebar's), not on the thread that records the next steps.
    readers = ThreadPoolExecutor(max_workers=2)

    def pop(call_id: str) -> None:
        with store.session() as session:
            number = session.scalar(select(Call.caller_number).where(Call.call_id == call_id)) or ""
        source.caller_history(number)
        with lock:
            pops.append((time.perf_counter() - adapter.received[call_id]) * 1000)

    recorded_ms: list[float] = []

    def on_event(event: CallEvent) -> None:
        if event.state is CallState.RINGING:
            recorded_ms.append((time.perf_counter() - adapter.received[event.call_id]) * 1000)
            readers.submit(pop, event.call_id)

    recorder.listeners.append(on_event)
    adapter.start()
    started = time.perf_counter()
    limit = max(10, int(args.rate * (args.answer_after + args.talk_ms / 1000 + 2) * 2))
    done = subprocess.run(
        [sipp, f"127.0.0.1:{adapter.address[1]}", "-sf", str(work / "call.xml"), "-inf", str(work / "callers.csv"),
         "-i", "127.0.0.1", "-p", "0", "-m", str(calls), "-r", str(args.rate), "-l", str(limit),
         "-timeout", f"{int(args.seconds * 3 + 60)}s", "-nostdin", "-max_recv_loops", "10000",
         "-trace_err", "-trace_screen"],
        capture_output=True, text=True, cwd=work, check=False)
    finals = [s.value for s in FINAL_STATES]

    def recorded() -> int:
        with store.session() as session:
            return session.scalar(select(func.count()).select_from(Call).where(Call.state.in_(finals))) or 0

    deadline = time.monotonic() + 30
    while recorded() < calls and time.monotonic() < deadline:
        time.sleep(0.2)
    wall = time.perf_counter() - started
    adapter.stop()
    readers.shutdown(wait=True)
    with store.session() as session:
        by_state = dict(session.execute(select(Call.state, func.count()).group_by(Call.state)).all())
    got = recorded()
    store.close()
    if done.returncode:
        for log in sorted(work.glob("*_errors.log")) + sorted(work.glob("*_screen.log")):
            print(f"--- {log.name} (tail)\n" + "\n".join(log.read_text(errors="replace").splitlines()[-25:]),
                  file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)
    pops.sort()
    p95 = pops[int(0.95 * (len(pops) - 1))] if pops else float("nan")
    print(f"rate={args.rate:g}/s seconds={args.seconds:g} tickets={args.tickets} wall_s={wall:.1f} "
          f"sipp_exit={done.returncode} states={by_state}")
    if pops:
        recorded_ms.sort()
        print(f"ringing_recorded_ms: median={statistics.median(recorded_ms):.1f} "
              f"p95={recorded_ms[int(0.95 * (len(recorded_ms) - 1))]:.1f}")
        print(f"pop_ms: median={statistics.median(pops):.1f} p95={p95:.1f} max={pops[-1]:.1f} "
              f"(target p95 <= 150)")
    print(f"calls={calls} recorded={got} pop_p95_ms={p95:.1f}")
    return 0 if got == calls else 1


if __name__ == "__main__":
    sys.exit(main())
