"""A group's place and a one-line description in an analyst's words: 地点 + 问题.

    A2区 + 丽发新城小区 + 附近搅拌站噪音扰民   →   A2区丽发新城小区附近搅拌站噪音扰民

The place is the one most of the group's tickets name (its most common spelling); the problem
is the group's most typical title (the one most alike to the others) without the districts and
places it starts with, request words (反映, 投诉, 关于 …) and endings (的问题, 事宜 …).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from app.analysis.places import MASKED_DISTRICT

# What a citizen writes around the problem rather than the problem itself.
_LEADING = re.compile(
    r"^(?:(?:强烈|紧急|再次|多次|恳请|恳求|请求|请|关于|反映|投诉|举报|咨询|建议|希望|要求|询问|"
    r"求助|申请|呼吁|质疑|问一下|请问|为什么|为何|我们|我|在)[，,：:\s]*)+"
)
_TRAILING = re.compile(
    r"(?:的?(?:问题|情况|事宜|事情|现象|请求|投诉|建议|咨询|诉求|反映)+)?[？?！!。.，,；;：:\s…]*$"
)
_TYPE_AFTER_NAME = re.compile(r"^(?:小区|社区|项目|片区)")
_PUNCTUATION = re.compile(r"[，,。.！!？?；;：:…]")
_PEOPLE = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9]{0,6}?(?:学生|教师|老师|业主|家长|村民|居民|员工|职工|工人|司机|车主|"
    r"受害人|投资人|老人|医生|农民工|退役军人|商户|租户|购房者|住户)"
)
MAX_PROBLEM = 24


def problem_phrase(title: str, leading: Iterable[str]) -> str:
    """``title`` without the names it starts with (districts, the group's places), request
    words and endings, cut at a clause if long."""
    names = sorted({n for n in leading if n}, key=len, reverse=True)
    text = _LEADING.sub("", title.strip())
    stripped = True
    while stripped and text:
        stripped = False
        masked = MASKED_DISTRICT.match(text)
        if masked:
            text = _LEADING.sub("", text[masked.end() :])
            stripped = True
            continue
        for name in names:
            if text.startswith(name):
                # 丽发新城 + 社区附近…: the type word left behind goes with the name.
                text = _LEADING.sub("", _TYPE_AFTER_NAME.sub("", text[len(name) :]))
                stripped = True
                break
    clauses = [c for c in _PUNCTUATION.split(text) if c.strip()]
    if clauses and len(text) > MAX_PROBLEM:
        text = clauses[0]
    text = _TRAILING.sub("", text).strip()
    text = _LEADING.sub("", text)
    if len(text) > MAX_PROBLEM:
        text = text[: MAX_PROBLEM - 1] + "…"
    return text


def people_phrase(titles: Sequence[str]) -> str:
    """The group of people most titles speak for (经济学院学生, 伊景园业主), if any."""
    found = Counter(m.group(0) for title in titles for m in _PEOPLE.finditer(title))
    if not found:
        return ""
    phrase, count = found.most_common(1)[0]
    return phrase if count * 2 >= len(titles) else ""


def describe(district: str, place: str, problem: str) -> str:
    """District + place + problem, without saying the place twice."""
    head = "" if district and (district in place or district in problem) else district
    if place and place in problem:
        return f"{head}{problem}"
    return f"{head}{place}{problem}"
