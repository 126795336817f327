"""Quality checks before saving (智能质检): pure functions over a draft."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.assistant.category import CategoryScore
from app.assistant.models import DraftInput
from app.assistant.text import normalize
from app.domain.ticket import FIELD_LABELS
from app.messages import Message, Text

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

# What the checks say (app.messages: the sidebar says them in the agent's language).
TITLE_NEEDED = Text("quality.title_needed", "请填写标题，用一句话概括诉求（地点+事项）。")
VAGUE_TITLE = Text("quality.vague_title", "标题“{title}”过于笼统，请写明地点和具体事项，如“某小区路灯不亮”。")
DESCRIPTION_NEEDED = Text("quality.description_needed", "请填写诉求内容：时间、地点、事情经过和来电人诉求。")
SHORT_DESCRIPTION = Text("quality.short_description", "诉求内容只有 {length} 个字，请补充时间、地点、经过和具体诉求。")
CATEGORY_NEEDED = Text("quality.category_needed", "请选择诉求分类。")
ADDRESS_NEEDED = Text("quality.address_needed",
                      "“{category}”类诉求需要具体地址（区、街道、小区或路段门牌），承办单位才能到现场处理。")
NO_PHONE = Text("quality.no_phone", "未留联系电话，将无法回访；请确认来电人是否愿意留电话。")
CATEGORY_DOUBT = Text("quality.category_doubt", "所选分类“{chosen}”与内容不太相符，内容更像“{likely}”"
                                                "（{likely_share}，所选分类 {chosen_share}）；{why}。请核对。")
NAME_IN_CONFIDENTIAL = Text("quality.name_in_confidential",
                            "保密工单的{field}中出现了来电人姓名“{name}”，请删除或改为“来电人”。")
PHONE_IN_CONFIDENTIAL = Text("quality.phone_in_confidential", "保密工单的{field}中含有电话号码，请删除，号码只填在来电号码栏。")
ID_IN_CONFIDENTIAL = Text("quality.id_in_confidential", "保密工单的{field}中含有身份证号，请删除。")
ABUSIVE_WORDS = Text("quality.abusive_words", "{field}含有不文明用语（{words}），请改为客观描述，如“来电人情绪激动”。")
SENSITIVE_WORDS = Text("quality.sensitive_words", "{field}涉及敏感信息（{words}），请确认是否必须记录，必要时设为保密工单。")


@dataclass(frozen=True)
class Finding:
    field: str
    severity: str  # "error" blocks saving in the UI's choice; "warning" and "info" do not
    message: Message


def check_fields(d: DraftInput) -> list[Finding]:
    out: list[Finding] = []
    title = normalize(d.title)
    desc = normalize(d.description)
    if not title:
        out.append(Finding("title", "error", TITLE_NEEDED()))
    elif title in VAGUE_TITLES or len(title) < 4:
        out.append(Finding("title", "warning", VAGUE_TITLE(title=d.title.strip())))
    if not desc:
        out.append(Finding("description", "error", DESCRIPTION_NEEDED()))
    elif len(desc) < MIN_DESCRIPTION:
        out.append(Finding("description", "warning", SHORT_DESCRIPTION(length=len(desc))))
    if not d.category:
        out.append(Finding("category", "error", CATEGORY_NEEDED()))
    if d.category in NEEDS_ADDRESS and d.request_type != "咨询" and not normalize(d.address):
        out.append(Finding("address", "warning", ADDRESS_NEEDED(category=d.category)))
    if not normalize(d.caller_phone) and not d.confidential:
        out.append(Finding("caller_phone", "info", NO_PHONE()))
    return out


def check_category(d: DraftInput, predicted: list[CategoryScore]) -> list[Finding]:
    """Flag a chosen category that the model confidently disagrees with."""
    if not d.category or not predicted:
        return []
    top = predicted[0]
    if top.label != d.category and top.probability >= CONFIDENT:
        chosen = next((p.probability for p in predicted if p.label == d.category), 0.0)
        return [Finding("category", "warning", CATEGORY_DOUBT(
            chosen=d.category, likely=top.label, likely_share=f"{top.probability:.0%}",
            chosen_share=f"{chosen:.0%}", why=top.reason))]
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
            out.append(Finding(field, "error", NAME_IN_CONFIDENTIAL(field=FIELD_LABELS[field],
                                                                    name=d.caller_name.strip())))
        phone = "".join(ch for ch in d.caller_phone if ch.isdigit())
        if (len(phone) >= 7 and phone in text) or _PHONE.search(text):
            out.append(Finding(field, "error", PHONE_IN_CONFIDENTIAL(field=FIELD_LABELS[field])))
        if _ID_CARD.search(text):
            out.append(Finding(field, "error", ID_IN_CONFIDENTIAL(field=FIELD_LABELS[field])))
    return out


def check_wording(d: DraftInput) -> list[Finding]:
    out: list[Finding] = []
    for field, value in (("title", d.title), ("description", d.description)):
        text = normalize(value)
        abusive = [w for w in ABUSIVE if w in text]
        if abusive:
            out.append(Finding(field, "warning", ABUSIVE_WORDS(field=FIELD_LABELS[field], words=tuple(abusive))))
        sensitive = [w for w in SENSITIVE if normalize(w) in text]
        if sensitive:
            out.append(Finding(field, "info", SENSITIVE_WORDS(field=FIELD_LABELS[field], words=tuple(sensitive))))
    return out


def check_draft(d: DraftInput, predicted: list[CategoryScore] | None = None) -> list[Finding]:
    """All checks in the order an agent would fix them."""
    return [*check_fields(d), *check_category(d, predicted or []), *check_confidential(d),
            *check_wording(d)]


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
