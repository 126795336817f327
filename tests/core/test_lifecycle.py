"""The lifecycle: every action from every status is either allowed or refused with a reason."""

import pytest

from app.domain.enums import Status
from app.domain.lifecycle import Action, TransitionError, allowed_actions, next_status

# The whole table, written out by hand from the hotline's rules (not derived from the code).
ALLOWED: dict[Status, dict[Action, Status]] = {
    Status.ACCEPTED: {Action.DISPATCH: Status.DISPATCHED, Action.COMPLETE: Status.COMPLETED,
                      Action.ESCALATE: Status.ACCEPTED, Action.MERGE: Status.ARCHIVED},
    Status.DISPATCHED: {Action.SIGN: Status.SIGNED, Action.RETURN: Status.RETURNED,
                        Action.ESCALATE: Status.DISPATCHED, Action.MERGE: Status.ARCHIVED},
    Status.SIGNED: {Action.START: Status.IN_PROGRESS, Action.RETURN: Status.RETURNED,
                    Action.REQUEST_EXTENSION: Status.SIGNED, Action.DECIDE_EXTENSION: Status.SIGNED,
                    Action.COMPLETE: Status.COMPLETED, Action.ESCALATE: Status.SIGNED,
                    Action.MERGE: Status.ARCHIVED},
    Status.IN_PROGRESS: {Action.RETURN: Status.RETURNED,
                         Action.REQUEST_EXTENSION: Status.IN_PROGRESS,
                         Action.DECIDE_EXTENSION: Status.IN_PROGRESS,
                         Action.COMPLETE: Status.COMPLETED, Action.ESCALATE: Status.IN_PROGRESS,
                         Action.MERGE: Status.ARCHIVED},
    # A callback that reached nobody (未联系上) can be tried again; 不满意 reopens (rules module).
    Status.COMPLETED: {Action.CALLBACK: Status.CALLED_BACK, Action.REOPEN: Status.DISPATCHED,
                       Action.ARCHIVE: Status.ARCHIVED},
    Status.CALLED_BACK: {Action.CALLBACK: Status.CALLED_BACK, Action.REOPEN: Status.DISPATCHED,
                         Action.ARCHIVE: Status.ARCHIVED},
    Status.ARCHIVED: {},
    Status.RETURNED: {Action.DISPATCH: Status.DISPATCHED, Action.ESCALATE: Status.RETURNED,
                      Action.MERGE: Status.ARCHIVED},
}

CASES = [(status, action) for status in Status for action in Action]


@pytest.mark.parametrize(("status", "action"), CASES, ids=[f"{s.value}-{a.value}" for s, a in CASES])
def test_every_action_from_every_status(status: Status, action: Action) -> None:
    expected = ALLOWED[status].get(action)
    if expected is not None:
        assert next_status(status, action) == expected
        assert action in allowed_actions(status)
        return
    assert action not in allowed_actions(status)
    with pytest.raises(TransitionError) as refused:
        next_status(status, action)
    message = str(refused.value)
    assert f"工单当前状态为“{status.value}”，不能执行“{action.value}”" in message
    # The reason names the statuses from which the action is possible.
    sources = [s for s in Status if action in ALLOWED[s]]
    assert f"只有处于{'、'.join(s.value for s in sources)}状态的工单可以{action.value}" in message


def test_main_path_runs_from_acceptance_to_archive() -> None:
    status = Status.ACCEPTED
    for action in (Action.DISPATCH, Action.SIGN, Action.START, Action.COMPLETE, Action.CALLBACK,
                   Action.ARCHIVE):
        status = next_status(status, action)
    assert status == Status.ARCHIVED
    assert allowed_actions(Status.ARCHIVED) == []


def test_allowed_actions_follow_the_main_path_order() -> None:
    assert allowed_actions(Status.SIGNED) == [
        Action.START, Action.RETURN, Action.REQUEST_EXTENSION, Action.DECIDE_EXTENSION,
        Action.COMPLETE, Action.ESCALATE, Action.MERGE]


def test_returned_ticket_goes_back_to_dispatch_and_unsatisfied_callback_reopens() -> None:
    assert next_status(next_status(Status.DISPATCHED, Action.RETURN), Action.DISPATCH) == Status.DISPATCHED
    assert next_status(Status.CALLED_BACK, Action.REOPEN) == Status.DISPATCHED
