"""The ticket lifecycle as one state machine, defined once for client and server.

Main path: 受理 → 派单 → 签收 → 办理 → 办结 → 回访 → 归档.
Side paths: 退单 (a unit returns a misrouted ticket to the dispatcher), 延期 (an extension
request: the status stays, the deadline clock pauses until 延期审批 approves or refuses it),
重办 (an unsatisfied callback sends the ticket back to its unit), 督办 (escalation, a level on
any open ticket) and 合并 (a duplicate leaves the open queues, archived under its main ticket).

Who may act and what each action needs is ``app.domain.rules`` (built on this table).
"""

from dataclasses import dataclass
from enum import StrEnum

from app.domain.enums import Status
from app.messages import Message, Text, term


class Action(StrEnum):
    DISPATCH = term("Actions", "派单")
    SIGN = term("Actions", "签收")
    START = term("Actions", "办理")
    RETURN = term("Actions", "退单")
    REQUEST_EXTENSION = term("Actions", "延期")
    COMPLETE = term("Actions", "办结")
    CALLBACK = term("Actions", "回访")
    REOPEN = term("Actions", "重办")
    ESCALATE = term("Actions", "督办")
    ARCHIVE = term("Actions", "归档")
    DECIDE_EXTENSION = term("Actions", "延期审批")
    MERGE = term("Actions", "合并")


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    # None: the action leaves the status as it is (延期, 督办 only mark the ticket).
    target: Status | None


_WORKING = frozenset({Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS})

TRANSITIONS: dict[Action, Transition] = {
    Action.DISPATCH: Transition(frozenset({Status.ACCEPTED, Status.RETURNED}), Status.DISPATCHED),
    Action.SIGN: Transition(frozenset({Status.DISPATCHED}), Status.SIGNED),
    Action.START: Transition(frozenset({Status.SIGNED}), Status.IN_PROGRESS),
    Action.RETURN: Transition(_WORKING, Status.RETURNED),
    Action.REQUEST_EXTENSION: Transition(frozenset({Status.SIGNED, Status.IN_PROGRESS}), None),
    Action.DECIDE_EXTENSION: Transition(frozenset({Status.SIGNED, Status.IN_PROGRESS}), None),
    # 受理 → 办结 is the agent answering a 咨询 on the spot (直接办结).
    Action.COMPLETE: Transition(
        frozenset({Status.ACCEPTED, Status.SIGNED, Status.IN_PROGRESS}), Status.COMPLETED
    ),
    # 回访 again after 未联系上; 不满意 sends the ticket back to its unit (see rules.plan_action).
    Action.CALLBACK: Transition(frozenset({Status.COMPLETED, Status.CALLED_BACK}), Status.CALLED_BACK),
    Action.REOPEN: Transition(frozenset({Status.COMPLETED, Status.CALLED_BACK}), Status.DISPATCHED),
    Action.ESCALATE: Transition(frozenset({Status.ACCEPTED, Status.RETURNED}) | _WORKING, None),
    Action.ARCHIVE: Transition(frozenset({Status.COMPLETED, Status.CALLED_BACK}), Status.ARCHIVED),
    Action.MERGE: Transition(frozenset({Status.ACCEPTED, Status.RETURNED}) | _WORKING, Status.ARCHIVED),
}


NOT_FROM_STATUS = Text("lifecycle.not_from_status",
                       "工单当前状态为“{status}”，不能执行“{action}”；只有处于{allowed}状态的工单可以{action}。")


class TransitionError(ValueError):
    """An action that the ticket's current status does not allow; ``message`` is for the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def allowed_actions(status: Status) -> list[Action]:
    """The actions a ticket in ``status`` can take, in the order of the main path."""
    return [action for action, t in TRANSITIONS.items() if status in t.sources]


def next_status(status: Status, action: Action) -> Status:
    """The status after ``action``; raises TransitionError with the user's message if not allowed."""
    transition = TRANSITIONS[action]
    if status not in transition.sources:
        allowed = tuple(s for s in Status if s in transition.sources)
        raise TransitionError(NOT_FROM_STATUS(status=status, action=action, allowed=allowed))
    return transition.target or status
