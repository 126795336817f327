"""Requests the desktop makes to the center outside a sync round: an audited reveal of a
caller's number and the admin's audit log. Qt-free; the window runs them off the GUI thread."""

from dataclasses import dataclass
from typing import Any

from app.sync.client import ApiClient
from app.sync.errors import ApiError


@dataclass(frozen=True)
class Revealed:
    caller_phone: str
    caller_name: str


def reveal_from_center(api: ApiClient, *, official_no: str, reason: str) -> Revealed:
    """The caller's full number from the center, which audits who asked, when and why."""
    found = api.request("GET", "/tickets", params={"official_no": official_no, "page_size": 1}).json()
    if not found.get("items"):
        raise ApiError("中心没有这张工单，或您无权查看；请先同步再试。", 404)
    body = api.request("POST", f"/tickets/{found['items'][0]['id']}/reveal", json={"reason": reason}).json()
    return Revealed(str(body.get("caller_phone", "")), str(body.get("caller_name", "")))


def audit_page(api: ApiClient, *, page: int = 1, page_size: int = 100, action: str = "",
               username: str = "") -> dict[str, Any]:
    """One page of the audit log, newest first (admins only: others get ApiError 403)."""
    params: dict[str, Any] = {"page": page, "page_size": page_size}
    if action:
        params["action"] = action
    if username:
        params["username"] = username
    result: dict[str, Any] = api.request("GET", "/audit", params=params).json()
    return result


def users(api: ApiClient) -> list[dict[str, Any]]:
    """The center's accounts (admins only)."""
    result = api.request("GET", "/admin/users").json()
    return list(result if isinstance(result, list) else result.get("items", []))
