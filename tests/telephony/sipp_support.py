"""SIPp (Debian's sip-tester) as the real peer of the seat's SIP user agent."""

import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

SCENARIOS = Path(__file__).resolve().parent / "sipp"
SIPP = shutil.which("sipp")


def need_sipp() -> str:
    if SIPP is None:
        pytest.skip("SKIPPING SIP tests — SIPp not found: install Debian's sip-tester (make test-setup does)")
    return SIPP


def callers_csv(directory: Path, numbers: Sequence[str]) -> Path:
    path = directory / "callers.csv"
    path.write_text("SEQUENTIAL\n" + "".join(f"{n};\n" for n in numbers), encoding="ascii")
    return path


def run_sipp(scenario: str, port: int, csv: Path, *, calls: int, rate: float = 10, limit: int = 20,
             timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``calls`` calls of a scenario against 127.0.0.1:port; exit 0 when all succeeded."""
    sipp = need_sipp()
    return subprocess.run(
        [sipp, f"127.0.0.1:{port}", "-sf", str(SCENARIOS / f"{scenario}.xml"), "-inf", str(csv),
         "-i", "127.0.0.1", "-p", "0", "-m", str(calls), "-r", str(rate), "-l", str(limit),
         "-timeout", f"{int(timeout)}s", "-timeout_error", "-nostdin", "-max_recv_loops", "10000"],
        capture_output=True, text=True, timeout=timeout + 30, cwd=csv.parent, check=False)


def wait_for(condition: Callable[[], bool], timeout: float = 15) -> bool:
    """Poll until ``condition`` holds (the seat records a call's last step just after answering it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
