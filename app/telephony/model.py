"""A call's states and the steps between them, one definition for the seat, its adapters, the
reports and the center. Qt-free, no store.

A call is offered to the seat, rings, is answered, may be held and resumed, and ends: hung up
(ended), handed to another line (transferred) or lost before anyone took it (abandoned). The
three last are final: nothing follows them, and the call's record then travels to the center.
"""

from enum import StrEnum


class CallState(StrEnum):
    OFFERED = "offered"
    RINGING = "ringing"
    ANSWERED = "answered"
    HELD = "held"
    TRANSFERRED = "transferred"
    ENDED = "ended"
    ABANDONED = "abandoned"


class EndReason(StrEnum):
    """Why an abandoned call was lost (漏接): the callback list shows it."""

    CALLER_HUNG_UP = "caller_hung_up"  # CANCEL while ringing (呼损)
    REFUSED_BUSY = "refused_busy"  # offered while the agent was not 示闲
    NO_ANSWER = "no_answer"  # rang until the adapter gave up
    INTERRUPTED = "interrupted"  # the seat stopped (crash, power) before the call ended


STATE_LABELS: dict[CallState, str] = {
    CallState.OFFERED: "呼入", CallState.RINGING: "振铃", CallState.ANSWERED: "通话中",
    CallState.HELD: "保持", CallState.TRANSFERRED: "已转接", CallState.ENDED: "已结束",
    CallState.ABANDONED: "未接通",
}

FINAL_STATES: frozenset[CallState] = frozenset({CallState.TRANSFERRED, CallState.ENDED, CallState.ABANDONED})

TRANSITIONS: dict[CallState, frozenset[CallState]] = {
    CallState.OFFERED: frozenset({CallState.RINGING, CallState.ABANDONED}),
    CallState.RINGING: frozenset({CallState.ANSWERED, CallState.ABANDONED}),
    CallState.ANSWERED: frozenset({CallState.HELD, CallState.TRANSFERRED, CallState.ENDED}),
    CallState.HELD: frozenset({CallState.ANSWERED, CallState.TRANSFERRED, CallState.ENDED}),
    CallState.TRANSFERRED: frozenset(),
    CallState.ENDED: frozenset(),
    CallState.ABANDONED: frozenset(),
}

# The national rule counts a call answered within 15 seconds of being offered.
ANSWER_TARGET_SECONDS = 15


class CallStateError(ValueError):
    """A step the call cannot take from where it is (a late or reordered signal)."""


def check_step(current: CallState, new: CallState) -> bool:
    """Whether ``new`` changes the call: False for a repeat of the current state (a signal sent
    twice) or a hang-up after the call already ended (the BYE after a transfer).

    Raises:
        CallStateError: ``new`` cannot follow ``current``.
    """
    if new == current or (current in FINAL_STATES and new in FINAL_STATES):
        return False
    if new not in TRANSITIONS[current]:
        raise CallStateError(f"来电状态不能从“{STATE_LABELS[current]}”变为“{STATE_LABELS[new]}”。")
    return True
