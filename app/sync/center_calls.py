"""Requests the desktop makes to the center outside a sync round: the audited reveal of a
caller's number, the supervisor's live view of the seats. Qt-free; the window runs it off the GUI thread. (The admin's requests are in
app.admin.client.)"""

from dataclasses import dataclass
from datetime import datetime

from app.messages import Text
from app.sync.client import ApiClient
from app.sync.errors import ApiError
from app.ticket_shape import naive_utc

NOT_AT_CENTER = Text("sync.not_at_center", "中心没有这张工单，或您无权查看；请先同步再试。")


@dataclass(frozen=True)
class Revealed:
    caller_phone: str
    caller_name: str


def reveal_from_center(api: ApiClient, *, official_no: str, reason: str) -> Revealed:
    """The caller's full number from the center, which audits who asked, when and why."""
    found = api.request("GET", "/tickets", params={"official_no": official_no, "page_size": 1}).json()
    if not found.get("items"):
        raise ApiError(NOT_AT_CENTER(), 404)
    body = api.request("POST", f"/tickets/{found['items'][0]['id']}/reveal", json={"reason": reason}).json()
    return Revealed(str(body.get("caller_phone", "")), str(body.get("caller_name", "")))


@dataclass(frozen=True)
class SeatLive:
    """One seat in the supervisor's live view: its agent's latest state and today's calls."""

    seat: str
    agent: str
    state: str  # 示闲 / 示忙 / 小休 / 话后整理 (app.telephony.agent.AgentState)
    since: datetime  # naive UTC
    offered_today: int
    answered_today: int


def live_seats(api: ApiClient) -> list[SeatLive]:
    """Every seat's state as the center last heard it (GET /calls/seats: supervisors and admins)."""
    return [SeatLive(str(s["seat"]), str(s["agent"]), str(s["state"]), naive_utc(str(s["since"])),
                     int(s["offered_today"]), int(s["answered_today"]))
            for s in api.request("GET", "/calls/seats").json()]
