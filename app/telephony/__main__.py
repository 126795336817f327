"""python -m app.telephony listen — the seat's SIP user agent without a window.

    python -m app.telephony listen --data-dir DIR --sip 127.0.0.1:PORT [--answer-after SECONDS] [--for SECONDS]

Records every call into the seat's store, answering after the given delay (or never: the calls
ring until the caller gives up). Prints ``listening sip=HOST:PORT`` once ready and, when it
stops (after ``--for`` seconds, or on SIGTERM/Ctrl-C), a last line
``calls=… answered=… abandoned=… transferred=…`` for the calls of this run.
"""

import argparse
import logging
import signal
import sys
import threading
from collections import Counter
from pathlib import Path
from types import FrameType

from app.settings import load_settings
from app.store.keys import StoreKeyError
from app.store.terminal import STORE_LOCKED_EXIT, terminal_prompt
from app.store.unlock import open_store
from app.telephony.adapter import CallEvent, CallRecorder, now
from app.telephony.calls import close_interrupted
from app.telephony.model import FINAL_STATES, CallState
from app.telephony.sip import SipAdapter, parse_address


def _listen(args: argparse.Namespace) -> int:
    try:
        address = parse_address(args.sip)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 2
    data_dir = Path(args.data_dir)
    settings = load_settings(data_dir)
    with open_store(data_dir, prompt=terminal_prompt) as store:
        with store.session() as session, session.begin():
            closed = close_interrupted(session, at=now())
        if closed:
            print(f"上次运行中断时未结束的来电已结束记录：{closed} 通", file=sys.stderr)
        recorder = CallRecorder(store, settings)
        outcomes: Counter[str] = Counter()

        def count(event: CallEvent) -> None:
            if event.state in FINAL_STATES:
                outcomes[event.state.value] += 1
            elif event.state is CallState.ANSWERED:
                outcomes["answered"] += 1

        recorder.listeners.append(count)
        adapter = SipAdapter(address, recorder, answer_after=args.answer_after)
        try:
            adapter.start()
        except OSError as error:
            print(f"无法在 {args.sip} 上监听 SIP：{error.strerror or error}", file=sys.stderr)
            return 1
        stop = threading.Event()

        def on_signal(_number: int, _frame: FrameType | None) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)
        print(f"listening sip={adapter.address[0]}:{adapter.address[1]}", flush=True)
        stop.wait(args.for_seconds)
        adapter.stop()
        calls = outcomes["ended"] + outcomes["transferred"] + outcomes["abandoned"]
        print(f"calls={calls} answered={outcomes['answered']} abandoned={outcomes['abandoned']} "
              f"transferred={outcomes['transferred']}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.telephony")
    commands = parser.add_subparsers(dest="command", required=True)
    listen = commands.add_parser("listen", help="run the SIP user agent and record calls")
    listen.add_argument("--data-dir", required=True)
    listen.add_argument("--sip", required=True, help="HOST:PORT to listen on (UDP)")
    listen.add_argument("--answer-after", type=float, default=None, help="answer after SECONDS (default: never)")
    listen.add_argument("--for", dest="for_seconds", type=float, default=None, help="stop after SECONDS")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return _listen(args)
    except StoreKeyError as error:
        print(str(error), file=sys.stderr)
        return STORE_LOCKED_EXIT


if __name__ == "__main__":
    sys.exit(main())
