"""Seat settings, each declared once with its default and title, kept as JSON in the data dir."""

import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from app.domain.calendar import DEFAULT_DEADLINE_DAYS
from app.domain.enums import RequestType
from app.messages import Message, Text, term
from app.paths import write_private_text

SETTINGS_FILENAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    seat_id: str = field(default="S01", metadata={"title": term("Settings", "座席编号")})
    agent_name: str = field(default="座席员", metadata={"title": term("Settings", "话务员姓名")})
    default_area_code: str = field(default="0370", metadata={"title": term("Settings", "本地区号")})
    language: str = field(default="zh_CN", metadata={"title": term("Settings", "界面语言")})
    autosave_ms: int = field(default=600, metadata={"title": term("Settings", "草稿自动保存间隔（毫秒）")})
    deadline_days: dict[str, int] = field(
        default_factory=lambda: {k.value: v for k, v in DEFAULT_DEADLINE_DAYS.items()},
        metadata={"title": term("Settings", "各类诉求办理时限（工作日）")},
    )
    categories_csv: str = field(default="", metadata={"title": term("Settings", "自定义分类目录（CSV）")})
    server_url: str = field(default="", metadata={"title": term("Settings", "中心服务器地址")})
    server_user: str = field(default="", metadata={"title": term("Settings", "登录用户名")})
    ca_bundle: str = field(default="", metadata={"title": term("Settings", "CA 证书文件（中心使用单位自签证书时）")})
    # Plain http to a center on another machine is refused unless this is set (a closed test
    # network); http://127.0.0.1 and https need nothing.
    allow_plain_http: bool = field(default=False, metadata={"title": term("Settings", "允许未加密连接（http）")})
    sync_interval: int = field(default=60, metadata={"title": term("Settings", "自动同步间隔（秒）")})
    # Calls (app.telephony): "" none, "sip" the seat's SIP user agent, "action_url" a desk phone's events.
    telephony: str = field(default="", metadata={"title": term("Settings", "来电接入方式（sip / action_url，空为不接入）")})
    sip_address: str = field(default="127.0.0.1:5060", metadata={"title": term("Settings", "SIP 监听地址（主机:端口）")})
    extension: str = field(default="", metadata={"title": term("Settings", "本座席分机号")})
    action_url_address: str = field(default="127.0.0.1:8790", metadata={"title": term("Settings", "话机事件（Action URL）监听地址")})
    action_url_token: str = field(default="", metadata={"title": term("Settings", "话机事件令牌（可空）")})
    # 漏接回拨 dials through these (app.telephony): the switch the seat's SIP user agent sends its
    # INVITE to (empty: the one that offered the last call), a desk phone's dial URL with {number}.
    sip_proxy: str = field(default="", metadata={"title": term("Settings", "SIP 外呼交换机（主机:端口，空为来电所经交换机）")})
    phone_dial_url: str = field(default="", metadata={"title": term("Settings", "话机拨号网址（含 {number}，空为手工拨号）")})
    acw_limit_s: int = field(default=60, metadata={"title": term("Settings", "话后整理时限（秒），到时自动示闲")})
    # Column key → width in pixels, 0 for a hidden column; empty: the queue's own defaults.
    queue_columns: dict[str, int] = field(default_factory=dict,
                                          metadata={"title": term("Settings", "工单队列的列宽与显示的列")})

    def deadline_days_by_type(self) -> dict[RequestType, int]:
        merged = {k.value: v for k, v in DEFAULT_DEADLINE_DAYS.items()} | self.deadline_days
        return {RequestType(k): int(v) for k, v in merged.items() if k in RequestType._value2member_map_}

    @classmethod
    def titles(cls) -> dict[str, str]:
        return {f.name: str(f.metadata.get("title", f.name)) for f in fields(cls)}


_SEAT_ID = re.compile(r"^[A-Za-z0-9]{1,12}$")
BAD_SEAT_ID = Text("settings.bad_seat_id", "座席编号只能用字母和数字，1～12 位，如 S01、A12；每个座席各不相同。")
BAD_AGENT_NAME = Text("settings.bad_agent_name", "请填写您的姓名（最多 20 个字），它会记在您受理的工单上。")


def seat_problems(seat_id: str, agent_name: str) -> dict[str, Message]:
    """What is wrong with a seat's number and agent name ({} when both are fine). The number
    starts every local ticket number (S01-20261123-0007) and names the seat in timelines."""
    problems = {}
    if not _SEAT_ID.match(seat_id.strip()):
        problems["seat_id"] = BAD_SEAT_ID()
    if not agent_name.strip() or len(agent_name.strip()) > 20:
        problems["agent_name"] = BAD_AGENT_NAME()
    return problems


def load_settings(data_dir: Path) -> Settings:
    """Read the seat's settings; unknown keys are ignored, a broken file falls back to defaults."""
    path = data_dir / SETTINGS_FILENAME
    try:
        stored: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return replace(Settings(), **{k: v for k, v in stored.items() if k in known})


def save_settings(data_dir: Path, settings: Settings) -> None:
    write_private_text(data_dir / SETTINGS_FILENAME, json.dumps(asdict(settings), ensure_ascii=False, indent=2))
