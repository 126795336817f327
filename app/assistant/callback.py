"""Callback script (智能回访) for a completed ticket."""

from __future__ import annotations

from dataclasses import dataclass

SATISFACTION_OPTIONS = ("满意", "基本满意", "不满意", "未联系上")


@dataclass(frozen=True)
class Question:
    step: str
    say: str
    options: tuple[str, ...] = ()
    record_to: str = ""  # ticket field the answer goes to, if any


def callback_script(*, title: str, request_type: str, unit: str, result: str,
                    caller_name: str = "") -> list[Question]:
    """Ordered questions; the wording follows the request type (投诉/咨询/求助/建议/举报)."""
    who = f"{caller_name.strip()[:1]}先生/女士" if caller_name.strip() else "您"
    # The recap is quoted inside a sentence that ends it: its own full stop would double (。。).
    recap = result.strip()[:120].rstrip("。.！!；;，, ") or "承办单位已办理完毕"
    steps = [
        Question("问候与身份核实",
                 f"您好，我是12345热线回访员。请问是{who}吗？您之前反映的“{title}”已有办理结果，"
                 "耽误您一两分钟做个回访可以吗？",
                 ("是本人，可以", "不是本人/不方便"), "callback_reached"),
    ]
    if request_type == "咨询":
        steps.append(Question("答复确认",
                              f"关于您咨询的问题，{unit or '相关单位'}的答复是：{recap}。请问这个答复您清楚了吗？",
                              ("清楚", "不清楚，需要再解释"), "callback_note"))
    elif request_type in ("建议", "表扬"):
        steps.append(Question("结果告知",
                              f"您的意见已转{unit or '相关单位'}，答复是：{recap}。感谢您的参与，您还有补充吗？",
                              (), "callback_note"))
    elif request_type == "举报":
        steps.append(Question("办理确认",
                              f"{unit or '相关单位'}已对您举报的情况进行了核查处理：{recap}。请问您是否了解处理情况？",
                              ("已了解", "不了解"), "callback_note"))
    else:  # 投诉、求助 and anything unclassified: check that the problem was actually solved
        steps.append(Question("是否联系",
                              f"{unit or '承办单位'}是否与您联系过，或到现场处理过？",
                              ("联系过", "没有联系"), "callback_contacted"))
        steps.append(Question("办理结果确认",
                              f"承办单位反馈的办理结果是：{recap}。请问您反映的问题解决了吗？",
                              ("已解决", "部分解决", "未解决"), "callback_resolved"))
    steps.append(Question("满意度",
                          "请问您对这次办理结果是否满意？满意、基本满意，还是不满意？",
                          SATISFACTION_OPTIONS[:3], "satisfaction"))
    steps.append(Question("不满意原因",
                          "如果不满意，请您说一下主要原因，我们会反馈给承办单位重新办理或督办。",
                          (), "callback_note"))
    steps.append(Question("结束语", "感谢您的配合和对12345热线的支持，再见。"))
    return steps
