"""Quality checks before saving (智能质检): pure functions over a draft."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.assistant.category import CategoryScore
from app.assistant.models import DraftInput
from app.assistant.text import normalize

MIN_DESCRIPTION = 15
CONFIDENT = 0.7
VAGUE_TITLES = frozenset({"问题", "反映问题", "反映情况", "投诉", "咨询", "求助", "建议", "举报",
                          "其他", "无", "情况", "一个问题", "有问题", "来电", "市民来电"})
# Categories whose complaints must say where, or no unit can act on them.
NEEDS_ADDRESS = frozenset({"城市管理", "城乡建设", "环境保护", "公共服务", "交通运输"})
# Kept short on purpose: the check points the agent at wording to rephrase, it does not censor.
ABUSIVE = ("傻逼", "煞笔", "他妈的", "妈的", "滚蛋", "王八蛋", "狗东西", "废物", "去死", "混蛋",
           "贱人", "垃圾政府", "狗官", "白痴", "脑残", "畜生")
SENSITIVE = ("身份证号", "银行卡号", "密码", "病历", "艾滋", "HIV", "强奸", "性侵")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
_ID_CARD = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


@dataclass(frozen=True)
class Finding:
    field: str
    severity: str  # "error" blocks saving in the UI's choice; "warning" and "info" do not
    message: str


def check_fields(d: DraftInput) -> list[Finding]:
    out: list[Finding] = []
    title = normalize(d.title)
    desc = normalize(d.description)
    if not title:
        out.append(Finding("title", "error", "请填写标题，用一句话概括诉求（地点+事项）。"))
    elif title in VAGUE_TITLES or len(title) < 4:
        out.append(Finding("title", "warning",
                           f"标题“{d.title.strip()}”过于笼统，请写明地点和具体事项，如“某小区路灯不亮”。"))
    if not desc:
        out.append(Finding("description", "error", "请填写诉求内容：时间、地点、事情经过和来电人诉求。"))
    elif len(desc) < MIN_DESCRIPTION:
        out.append(Finding("description", "warning",
                           f"诉求内容只有 {len(desc)} 个字，请补充时间、地点、经过和具体诉求。"))
    if not d.category:
        out.append(Finding("category", "error", "请选择诉求分类。"))
    if d.category in NEEDS_ADDRESS and d.request_type != "咨询" and not normalize(d.address):
        out.append(Finding("address", "warning",
                           f"“{d.category}”类诉求需要具体地址（区、街道、小区或路段门牌），承办单位才能到现场处理。"))
    if not normalize(d.caller_phone) and not d.confidential:
        out.append(Finding("caller_phone", "info", "未留联系电话，将无法回访；请确认来电人是否愿意留电话。"))
    return out


def check_category(d: DraftInput, predicted: list[CategoryScore]) -> list[Finding]:
    """Flag a chosen category that the model confidently disagrees with."""
    if not d.category or not predicted:
        return []
    top = predicted[0]
    if top.label != d.category and top.probability >= CONFIDENT:
        chosen = next((p.probability for p in predicted if p.label == d.category), 0.0)
        return [Finding("category", "warning",
                        f"所选分类“{d.category}”与内容不太相符，内容更像“{top.label}”"
                        f"（{top.probability:.0%}，所选分类 {chosen:.0%}）；{top.reason}。请核对。")]
    return []


def check_confidential(d: DraftInput) -> list[Finding]:
    """A confidential ticket must not carry the caller's identity in its free text."""
    if not d.confidential:
        return []
    out: list[Finding] = []
    for field, value in (("title", d.title), ("description", d.description)):
        text = normalize(value)
        name = normalize(d.caller_name)
        if len(name) >= 2 and name in text:
            out.append(Finding(field, "error",
                               f"保密工单的{_label(field)}中出现了来电人姓名“{d.caller_name.strip()}”，请删除或改为“来电人”。"))
        phone = "".join(ch for ch in d.caller_phone if ch.isdigit())
        if (len(phone) >= 7 and phone in text) or _PHONE.search(text):
            out.append(Finding(field, "error",
                               f"保密工单的{_label(field)}中含有电话号码，请删除，号码只填在来电号码栏。"))
        if _ID_CARD.search(text):
            out.append(Finding(field, "error", f"保密工单的{_label(field)}中含有身份证号，请删除。"))
    return out


def check_wording(d: DraftInput) -> list[Finding]:
    out: list[Finding] = []
    for field, value in (("title", d.title), ("description", d.description)):
        text = normalize(value)
        abusive = [w for w in ABUSIVE if w in text]
        if abusive:
            out.append(Finding(field, "warning",
                               f"{_label(field)}含有不文明用语（{'、'.join(abusive)}），请改为客观描述，如“来电人情绪激动”。"))
        sensitive = [w for w in SENSITIVE if normalize(w) in text]
        if sensitive:
            out.append(Finding(field, "info",
                               f"{_label(field)}涉及敏感信息（{'、'.join(sensitive)}），请确认是否必须记录，必要时设为保密工单。"))
    return out


def check_draft(d: DraftInput, predicted: list[CategoryScore] | None = None) -> list[Finding]:
    """All checks in the order an agent would fix them."""
    return [*check_fields(d), *check_category(d, predicted or []), *check_confidential(d),
            *check_wording(d)]


def _label(field: str) -> str:
    return {"title": "标题", "description": "诉求内容"}.get(field, field)


@dataclass(frozen=True)
class SaveGate:
    """What the quality checks say when the agent saves (the UI only displays it).

    Policy: a confidential ticket whose free text names the caller, their number or an ID card
    is refused until the text is fixed (the leak would travel to every unit and export, and the
    fix is one deletion). Any other "error" finding asks for a second Ctrl+S to save anyway (the
    agent may know better, e.g. a 表扬 needs no category). Warnings and info are shown only.
    """

    refuse: tuple[Finding, ...]
    confirm: tuple[Finding, ...]
    notes: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.refuse and not self.confirm


def save_gate(d: DraftInput, predicted: list[CategoryScore] | None = None) -> SaveGate:
    refuse = tuple(check_confidential(d))
    others = [*check_fields(d), *check_category(d, predicted or []), *check_wording(d)]
    return SaveGate(
        refuse=refuse,
        confirm=tuple(f for f in others if f.severity == "error"),
        notes=tuple(f for f in others if f.severity != "error"),
    )
