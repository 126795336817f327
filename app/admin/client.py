"""The center's admin endpoints for the desktop: users, units, categories, holidays, audit log.

Each call is one blocking request through ``ApiClient.request`` (timeouts, TLS, retries), made
off the GUI thread by the caller. Failures are the sync errors (``ServerUnavailable``,
``AuthRequired``, ``ApiError``); ``describe(error)`` turns any of them into one message
(app.messages) that says what happened and what to do next. Nothing here logs a name, a password or a token.
"""

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote

import requests

from app.domain.accounts import USERNAME_PATTERN
from app.domain.passwords import password_problem
from app.domain.roles import Role
from app.domain.rules import unknown_units_message
from app.messages import Message, Text, recognize
from app.sync.client import ApiClient
from app.sync.errors import ApiError, AuthRequired, ServerUnavailable

AUDIT_PAGE_SIZE = 100

NOT_SIGNED_IN = Text("admin.not_signed_in", "尚未登录中心：请通过“同步 → 登录中心…”用管理员账号登录后再试。")()
BAD_USERNAME = Text("admin.bad_username", "用户名只能用英文字母、数字和 _ . -，最长 64 个字符。")
CHOOSE_ROLE = Text("admin.choose_role", "请选择角色。")
UNIT_NEEDED = Text("admin.unit_needed", "承办单位账号必须选择所属单位。")
PASSWORDS_DIFFER = Text("admin.passwords_differ", "两次输入的密码不一致。")
YES = Text("admin.yes", "是")
NO = Text("admin.no", "否")
DETAIL_ITEM = Text("admin.detail_item", "{name}：{value}")
DETAIL_PAIR = Text("admin.detail_pair", "{name} {value}")
SIGNED_OUT = Text("admin.signed_out", "登录已失效：请通过“同步 → 登录中心…”重新登录，然后点“刷新”再试。")
SERVER_ERROR = Text("admin.server_error", "中心服务器出错（{status}），这次修改没有生效：请稍后点“刷新”重试；"
                                          "如一直出错，请把出错时间告诉中心的运维人员。")
BUSY = Text("admin.busy", "中心服务器正忙（429）：请稍等一会儿再点“刷新”。")
OFFLINE = Text("admin.offline", "连不上中心服务器，这里的数据无法读取或修改：请检查网络，或在“同步 → 设置…”中"
                                "核对服务器地址；恢复后点“刷新”。")
FORBIDDEN = Text("admin.forbidden", "中心拒绝了这个操作：{detail}")
GONE = Text("admin.gone", "{detail}请点“刷新”查看最新列表。")
NOT_ACCEPTED = Text("admin.not_accepted", "中心未接受这个修改：{detail}")
INVALID = Text("admin.invalid", "填写的内容不符合中心的要求：请检查后重试。")
INVALID_FIELDS = Text("admin.invalid_fields", "填写的内容不符合中心的要求（{fields}）：请检查后重试。")
REFUSED = Text("admin.refused", "中心拒绝了请求（{status}）：{detail}")
NOT_DONE = Text("admin.not_done", "操作没有完成：{detail}")
CATEGORY_PATH = Text("admin.category_path", "分类")

# Field names in the center's answers and audit details, as an admin reads them.
_FIELD_NAMES: dict[str, Message] = {
    "username": Text("admin.field.username", "用户名")(),
    "display_name": Text("admin.field.display_name", "姓名")(),
    "role": Text("admin.field.role", "角色")(),
    "unit": Text("admin.field.unit", "所属单位")(),
    "password": Text("admin.field.password", "密码")(),
    "active": Text("admin.field.active", "状态")(),
    "kind": Text("admin.field.kind", "类型")(),
    "district": Text("admin.field.district", "区县")(),
    "duties": Text("admin.field.duties", "职责")(),
    "path": Text("admin.field.path", "请求路径")(),
    "type": Text("admin.field.type", "类型")(),
    "name": Text("admin.field.name", "名称")(),
    "key": Text("admin.field.key", "对象")(),
    "rows": Text("admin.field.rows", "行数")(),
    "format": Text("admin.field.format", "格式")(),
    "filter": Text("admin.field.filter", "筛选条件")(),
    "confidential": Text("admin.field.confidential", "含保密工单")(),
    "seat": Text("admin.field.seat", "座席")(),
    "changes": Text("admin.field.changes", "修改")(),
    "removed": Text("admin.field.removed", "删除条数")(),
    "page": Text("admin.field.page", "页码")(),
    "since": Text("admin.field.since", "起始时间")(),
    "until": Text("admin.field.until", "截止时间")(),
    "action": Text("admin.field.action", "操作")(),
    "ticket": Text("admin.field.ticket", "工单")(),
}


@dataclass(frozen=True)
class UserRecord:
    username: str
    display_name: str
    role: str
    unit: str
    active: bool
    created_at: datetime | None

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> "UserRecord":
        created = body.get("created_at")
        return cls(str(body["username"]), str(body.get("display_name", "")), str(body.get("role", "")),
                   str(body.get("unit", "") or ""), bool(body.get("active", True)),
                   datetime.fromisoformat(created) if isinstance(created, str) else None)


@dataclass(frozen=True)
class ReferenceChange:
    """What the center stored (kind, key, value; a removal is ``{"deleted": true}``), to apply
    to this seat's copy at once instead of waiting for the next pull."""

    kind: str
    key: str
    value: dict[str, Any]


@dataclass(frozen=True)
class AuditQuery:
    """The filters ``GET /audit`` offers; times are naive UTC (the center's format)."""

    action: str = ""
    username: str = ""
    ticket: str = ""
    since: datetime | None = None
    until: datetime | None = None
    page: int = 1
    page_size: int = AUDIT_PAGE_SIZE

    def params(self) -> dict[str, Any]:
        params: dict[str, Any] = {"page": self.page, "page_size": self.page_size}
        for name in ("action", "username", "ticket"):
            if value := getattr(self, name).strip():
                params[name] = value
        for name in ("since", "until"):
            if (moment := getattr(self, name)) is not None:
                params[name] = moment.isoformat(timespec="seconds")
        return params


@dataclass(frozen=True)
class AuditEntry:
    at: datetime  # UTC, aware
    username: str
    role: str
    action: str
    ticket_no: str
    reason: str
    detail: Any
    address: str


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def check_user(*, username: str, role: str, unit: str, password: str | None,
               repeated: str | None = None, known_units: Collection[str] | None = None) -> list[Message]:
    """What the center would refuse in a new or changed account, said before sending it.
    ``known_units``: the seat's unit directory (None: not checked here)."""
    errors: list[Message] = []
    if not USERNAME_PATTERN.match(username):
        errors.append(BAD_USERNAME())
    if role not in Role._value2member_map_:
        errors.append(CHOOSE_ROLE())
    elif Role(role) is Role.UNIT and not unit.strip():
        errors.append(UNIT_NEEDED())
    elif Role(role) is Role.UNIT and known_units is not None and unit not in known_units:
        errors.append(unknown_units_message([unit], known_units))
    if password is not None:
        if (problem := password_problem(password, username=username)) is not None:
            errors.append(problem)
        elif repeated is not None and repeated != password:
            errors.append(PASSWORDS_DIFFER())
    return errors


def summarize_detail(detail: Any, say: Callable[[str], str] = str,
                     separators: tuple[str, str] = ("；", "，")) -> str:
    """An audit entry's detail (a JSON object) as one readable line; ``say`` turns the names
    (messages) into the reader's language, ``separators`` go between items and between pairs."""
    if not isinstance(detail, Mapping):
        return "" if detail in (None, "") else str(detail)
    parts = []
    for key, value in detail.items():
        if isinstance(value, Mapping):
            value = separators[1].join(say(DETAIL_PAIR(name=_FIELD_NAMES.get(str(k), str(k)), value=str(v)))
                                       for k, v in value.items())
        elif isinstance(value, bool):
            value = say(YES() if value else NO())
        parts.append(say(DETAIL_ITEM(name=_FIELD_NAMES.get(str(key), str(key)), value=str(value))))
    return separators[0].join(parts)


def _field_errors(detail: Any) -> tuple[Message | str, ...]:
    """FastAPI's 422 detail ([{loc, msg}, …]) as the names of the fields to fix."""
    if not isinstance(detail, list):
        return ()
    names: list[Message | str] = []
    for item in detail:
        location = item.get("loc", []) if isinstance(item, Mapping) else []
        field = str(location[-1]) if location else ""
        names.append(CATEGORY_PATH() if field == "path" else _FIELD_NAMES.get(field, field))  # the form's path
    return tuple(dict.fromkeys(n for n in names if n))


def _detail(error: BaseException) -> Message | str:
    """What the center said, as one of the core's messages when it is one (same definitions)."""
    text = error.args[0] if len(error.args) == 1 and isinstance(error.args[0], str) else str(error)
    return recognize(text) or text


def describe(error: BaseException) -> Message:
    """One message for a failed admin request: what happened, what to do next."""
    if isinstance(error, AuthRequired):
        if str(error) == NOT_SIGNED_IN:
            return NOT_SIGNED_IN
        return SIGNED_OUT()
    if isinstance(error, ServerUnavailable):
        if error.status is not None and error.status >= 500:
            return SERVER_ERROR(status=error.status)
        if error.status == 429:
            return BUSY()
        return OFFLINE()
    if isinstance(error, ApiError):
        if error.status == 403:
            return FORBIDDEN(detail=_detail(error))
        if error.status == 404:
            return GONE(detail=_detail(error))
        if error.status == 409:
            return NOT_ACCEPTED(detail=_detail(error))
        if error.status == 422:
            fields = _field_errors(error.detail)
            return INVALID_FIELDS(fields=fields) if fields else INVALID()
        return REFUSED(status=error.status, detail=_detail(error))
    return NOT_DONE(detail=_detail(error))


class AdminClient:
    """The admin endpoints on one ``ApiClient``; the token is read when first needed (the
    keyring may block, so only ever off the GUI thread)."""

    def __init__(self, api: ApiClient, token: Callable[[], str | None]) -> None:
        self.api = api
        self._token = token

    def close(self) -> None:
        self.api.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        if self.api.token is None:
            self.api.token = self._token()
            if self.api.token is None:
                raise AuthRequired(NOT_SIGNED_IN)
        try:
            return self.api.request(method, path, **kwargs)
        except AuthRequired:
            self.api.token = None
            raise

    # -- users -----------------------------------------------------------------------------

    def users(self) -> list[UserRecord]:
        return [UserRecord.from_json(u) for u in self._request("GET", "/admin/users").json()]

    def create_user(self, *, username: str, display_name: str, role: str, unit: str,
                    password: str) -> UserRecord:
        body = {"username": username, "display_name": display_name, "role": role,
                "unit": unit if role == Role.UNIT.value else "", "password": password}
        return UserRecord.from_json(self._request("POST", "/admin/users", json=body).json())

    def update_user(self, username: str, *, display_name: str | None = None, role: str | None = None,
                    unit: str | None = None, active: bool | None = None) -> UserRecord:
        body = {name: value for name, value in (("display_name", display_name), ("role", role),
                                                ("unit", unit), ("active", active)) if value is not None}
        return UserRecord.from_json(
            self._request("PATCH", f"/admin/users/{quote(username, safe='')}", json=body).json())

    def reset_password(self, username: str, password: str) -> None:
        self._request("POST", f"/admin/users/{quote(username, safe='')}/password", json={"password": password})

    # -- reference data --------------------------------------------------------------------

    @staticmethod
    def _written(body: Mapping[str, Any]) -> ReferenceChange:
        return ReferenceChange(str(body["kind"]), str(body["key"]), dict(body["value"]))

    def put_unit(self, name: str, *, kind: str = "", district: str = "",
                 duties: tuple[str, ...] = ()) -> ReferenceChange:
        body = {"kind": kind, "district": district, "duties": list(duties)}
        return self._written(self._request("PUT", f"/admin/units/{quote(name, safe='')}", json=body).json())

    def delete_unit(self, name: str) -> ReferenceChange:
        self._request("DELETE", f"/admin/units/{quote(name, safe='')}")
        return ReferenceChange("unit", name, {"deleted": True})

    def put_category(self, path: tuple[str, ...]) -> list[ReferenceChange]:
        """Add a category (its parents too); returns every level the center stored."""
        written = self._written(self._request("PUT", "/admin/categories", json={"path": list(path)}).json())
        levels = list(written.value["path"])
        return [ReferenceChange(written.kind, "/".join(levels[:depth]), {"path": levels[:depth]})
                for depth in range(1, len(levels) + 1)]

    def delete_category(self, path: tuple[str, ...]) -> None:
        """Remove a category and everything under it (the feed brings each removal)."""
        self._request("DELETE", "/admin/categories", params={"path": "/".join(path)})

    def put_holiday(self, day: date, *, type_: str, name: str = "") -> ReferenceChange:
        body = {"type": type_, "name": name}
        return self._written(self._request("PUT", f"/admin/holidays/{day.isoformat()}", json=body).json())

    def delete_holiday(self, day: date) -> ReferenceChange:
        self._request("DELETE", f"/admin/holidays/{day.isoformat()}")
        return ReferenceChange("holiday", day.isoformat(), {"deleted": True})

    # -- audit -----------------------------------------------------------------------------

    def audit(self, query: AuditQuery) -> AuditPage:
        body = self._request("GET", "/audit", params=query.params()).json()
        entries = [AuditEntry(
            at=_aware(datetime.fromisoformat(item["at"])), username=str(item.get("username", "")), role=str(item.get("role", "")),
            action=str(item.get("action", "")), ticket_no=str(item.get("ticket_no", "") or ""),
            reason=str(item.get("reason", "") or ""), detail=item.get("detail"),
            address=str(item.get("address", "") or ""),
        ) for item in body["items"]]
        return AuditPage(entries, int(body["total"]), int(body["page"]), int(body["page_size"]))
