"""A made-up store for the hot-issue tests, written before the analysis was tuned on anything.

March 2024 in 商丘 (the reference city), imported through the real spreadsheet importer:

- A: 丽华花园旁搅拌站夜间噪音, 7 tickets, the estate written four ways, the noise in six;
- B: 凯旋路与株洲路口污水井返水, 5 tickets;
- C: 育才中学门口上下学拥堵, 4 tickets;
- D (decoy of A's place): 丽华花园物业乱收停车费, 3 tickets — its own group, never A's;
- E (decoy of A's problem): 金桂家园旁搅拌站噪音, 3 tickets — its own group, never A's;
- F (a group of people, no place): 鑫源建筑公司拖欠农民工工资, 3 tickets;
- noise: 40 tickets about 40 different things in 40 places (none may be grouped);
- a surge: 14 callers within two hours on 2024-03-14 about a burst main on 民主路, over a
  background of ~10 ordinary tickets a day from February on (the baseline);
- a repeat caller (138****1111, four ordinary tickets) and a whistleblower who called three
  times about one restaurant (W: 举报, confidential: a group, but never listed as a caller).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

HEADERS = ("受理时间", "渠道", "诉求类型", "一级分类", "区县", "街道", "地址", "标题", "诉求内容",
           "来电人", "联系电话", "状态", "满意度")


@dataclass(frozen=True)
class Planted:
    label: str  # group label ("" for noise and background)
    when: datetime
    title: str
    description: str
    district: str = "梁园区"
    street: str = ""
    address: str = ""
    category: str = "城乡建设"
    phone: str = ""
    request_type: str = "投诉"
    status: str = "受理"
    satisfaction: str = ""


GROUP_A = (
    ("丽华花园小区旁边搅拌站夜间施工噪音扰民", "丽华花园小区旁边新建的搅拌站每天夜里施工，噪音很大，居民无法休息。"),
    ("丽华花园附近搅拌站噪声太大", "我住丽华花园，附近搅拌站晚上十点后还在作业，噪声太大。"),
    ("梁园区丽华花园搅拌站半夜还在作业", "丽华花园东侧的搅拌站半夜还在作业，搅拌机轰鸣，严重影响睡眠。"),
    ("投诉丽华花园小区边上的搅拌站扰民", "丽华花园小区边上的搅拌站夜间噪音扰民，请有关部门处理。"),
    ("丽华花园搅拌站夜里噪音吵得睡不着", "丽华花园旁边搅拌站夜里噪音吵得睡不着，老人孩子受不了。"),
    ("反映丽华花园旁搅拌厂夜间施工扰民问题", "丽华花园旁的搅拌厂夜间施工，噪音扰民，已经持续一个月。"),
    ("丽华花园B区旁搅拌站噪音扰民", "丽华花园B区旁的搅拌站噪音扰民，晚上车辆进出也很吵。"),
)
GROUP_B = (
    ("凯旋路与株洲路交叉口污水井返水", "凯旋路与株洲路交叉口东侧污水井往外返水，路面都是污水。"),
    ("凯旋路株洲路口下水道冒污水", "凯旋路株洲路口下水道堵了，污水冒到路上，臭味很大。"),
    ("凯旋路污水管道堵塞向上返水", "凯旋路靠近株洲路的污水管道堵塞，向上返水。"),
    ("凯旋路与株洲路路口污水外溢", "凯旋路与株洲路路口污水外溢，行人无法通行。"),
    ("凯旋路株洲路交叉口污水井堵塞", "凯旋路株洲路交叉口的污水井堵塞返水好几天了。"),
)
GROUP_C = (
    ("育才中学门口上下学时段交通拥堵", "育才中学门口每天上下学时段车辆乱停，交通拥堵严重。"),
    ("育才中学校门口早晚高峰堵车", "育才中学校门口早晚高峰接送学生的车辆堵住道路。"),
    ("育才中学门口接送车辆乱停堵路", "育才中学门口接送孩子的车辆乱停，把路堵死了。"),
    ("育才中学放学时门口交通拥堵", "育才中学放学时门口交通拥堵，希望交警疏导。"),
)
DECOY_D = (
    ("丽华花园物业乱收停车费", "丽华花园小区物业公司擅自提高停车费，每月多收一百元。"),
    ("丽华花园小区物业违规收取停车费", "丽华花园物业违规收取地面停车费，没有收费公示。"),
    ("丽华花园物业公司停车收费不合理", "丽华花园物业公司停车收费不合理，业主意见很大。"),
)
DECOY_E = (
    ("金桂家园旁搅拌站夜间噪音扰民", "金桂家园小区旁边的搅拌站夜间施工噪音扰民。"),
    ("金桂家园附近搅拌站噪声扰民", "金桂家园附近搅拌站晚上噪声很大，影响休息。"),
    ("金桂家园小区边搅拌站半夜作业", "金桂家园小区边上的搅拌站半夜作业，吵得睡不着。"),
)
GROUP_F = (
    ("鑫源建筑公司拖欠农民工工资", "我们在鑫源建筑公司干活，老板拖欠农民工工资半年不给。"),
    ("鑫源建筑拖欠工人工资半年", "鑫源建筑拖欠我们工人工资半年了，多次讨要无果。"),
    ("反映鑫源建筑公司欠薪问题", "鑫源建筑公司欠我们农民工工资，年底了还不发。"),
)
# Forty different problems in forty different places.
NOISE = (
    ("民主路路灯不亮", "民主路北段路灯晚上不亮，行人走路看不清。"),
    ("南京路井盖缺失", "南京路与文化路口有个井盖丢了，很危险。"),
    ("平原路公交站牌损坏", "平原路公交站的站牌被撞坏了。"),
    ("长江路绿化带垃圾堆积", "长江路绿化带里垃圾很多没人清理。"),
    ("黄河路占道经营", "黄河路早市商贩占道经营，车辆无法通行。"),
    ("北海路人行道破损", "北海路人行道地砖破损，老人容易摔倒。"),
    ("华商大道红绿灯时间太短", "华商大道行人红绿灯时间太短，过不去马路。"),
    ("珠江路违章搭建", "珠江路一户居民在楼顶违章搭建彩钢房。"),
    ("团结路噪音扰民的广场舞", "团结路广场舞音响声音太大，晚上十点还在跳。"),
    ("文化路共享单车乱放", "文化路地铁口共享单车乱放挡住盲道。"),
    ("宋城路积水严重", "宋城路一下雨就积水，排水不畅。"),
    ("建设路树木倒伏", "建设路有棵大树被风刮倒压在路边。"),
    ("八一路流浪狗伤人", "八一路附近流浪狗很多，已经咬伤行人。"),
    ("神火大道大货车超速", "神火大道夜间大货车超速行驶，非常危险。"),
    ("归德路菜市场卫生差", "归德路菜市场地面脏乱，污水横流。"),
    ("凯旋路幼儿园收费过高", "凯旋路一家幼儿园收费过高，还乱收兴趣班费用。"),
    ("睢阳区古城门票价格咨询", "想咨询睢阳区古城景区门票价格和开放时间。"),
    ("永城市医保报销咨询", "异地住院医保怎么报销，需要什么材料。"),
    ("虞城县养老金发放咨询", "退休人员养老金每月几号发放。"),
    ("夏邑县农村低保申请", "家里困难想申请农村低保，需要什么手续。"),
    ("柘城县驾驶证换证", "驾驶证到期了，在柘城县哪里可以换证。"),
    ("宁陵县供暖不热", "宁陵县城关镇阳光小区暖气不热，室温只有十二度。"),
    ("民权县电费异常", "家里这个月电费突然翻倍，怀疑电表有问题。"),
    ("睢县公积金提取", "买房后想提取公积金，办理流程是什么。"),
    ("梁园区出租车拒载", "在火车站打出租车，司机嫌路近拒载。"),
    ("睢阳区网吧接纳未成年人", "睢阳区一家网吧接纳未成年人上网到深夜。"),
    ("示范区燃气管道异味", "示范区平安街道一栋楼楼道里有燃气异味。"),
    ("梁园区电梯故障困人", "梁园区一小区电梯经常故障，昨天还困人。"),
    ("睢阳区药店卖过期药", "在一家药店买到了过期的感冒药。"),
    ("永城市学校食堂卫生", "孩子学校食堂饭菜里有虫子。"),
    ("虞城县拖欠装修款", "装修公司收了钱不干活，也不退款。"),
    ("夏邑县快递丢件", "快递显示签收了但我没有收到。"),
    ("柘城县无证行医", "村里有人无证行医给人打针。"),
    ("宁陵县秸秆焚烧", "田地里有人焚烧秸秆，烟很大。"),
    ("民权县预付卡跑路", "健身房办了年卡，现在关门跑路了。"),
    ("睢县学校乱收资料费", "学校要求每个学生交两百元资料费。"),
    ("梁园区公园厕所无人管理", "公园的公共厕所脏，没人打扫。"),
    ("睢阳区二手房过户咨询", "二手房过户需要交哪些税费。"),
    ("示范区新生入学划片", "孩子明年上小学，想知道学区怎么划分。"),
    ("梁园区退役军人优抚咨询", "退役军人优抚金怎么申请。"),
)
ORDINARY = (
    ("咨询社保缴费基数", "社保缴费基数是怎么确定的", "劳动和社会保障"),
    ("小区垃圾清运不及时", "小区垃圾好几天没人清运", "城市管理"),
    ("路灯损坏", "路灯坏了很久没人修", "城乡建设"),
    ("公交车晚点", "公交车经常晚点", "交通运输"),
    ("咨询医保异地结算", "医保异地结算怎么办理", "卫生计生"),
    ("学校收费咨询", "学校收费标准是什么", "教育文体"),
)
DISTRICTS = ("梁园区", "睢阳区", "示范区", "虞城县", "永城市")
LABELS = {"A": GROUP_A, "B": GROUP_B, "C": GROUP_C, "D": DECOY_D, "E": DECOY_E, "F": GROUP_F}
ADDRESSES = {"A": "丽华花园", "B": "凯旋路与株洲路交叉口", "C": "育才中学门口", "D": "丽华花园",
             "E": "金桂家园", "F": ""}
SURGE_DAY = datetime(2024, 3, 14, 9, 0)
WHISTLE_TITLES = ("举报某饭店偷排污水", "举报某饭店往雨水井偷排污水", "某饭店仍在偷排污水")
REPEAT_CALLER = "13800001111"
WHISTLEBLOWER = "13900002222"


def planted_tickets(seed: int = 7) -> list[Planted]:
    rng = random.Random(seed)
    serial = iter(range(10_000, 99_999))

    def phone() -> str:
        return f"135{next(serial):08d}"

    tickets: list[Planted] = []
    # Background, February 1 to March 31: ordinary calls everywhere, the baseline of warnings.
    day = datetime(2024, 2, 1)
    while day < datetime(2024, 4, 1):
        for _ in range(8 if day.weekday() >= 5 else 11):
            title, text, category = rng.choice(ORDINARY)
            district = rng.choice(DISTRICTS)
            when = day + timedelta(hours=rng.randint(8, 19), minutes=rng.randint(0, 59))
            tickets.append(Planted("", when, title, f"{text}（{district}）", district=district,
                                   category=category, phone=phone(), request_type="咨询"))
        day += timedelta(days=1)
    march = datetime(2024, 3, 1, 9, 30)
    for label, texts in LABELS.items():
        for k, (title, text) in enumerate(texts):
            when = march + timedelta(days=1 + k * 4 + rng.randint(0, 2), hours=rng.randint(0, 9))
            people = label == "F"  # workers of one company: no place, no district, a 咨询 too
            tickets.append(Planted(label, when, title, text, district="" if people else "梁园区",
                                   phone=phone(), address=ADDRESSES[label],
                                   category="劳动和社会保障" if people else "城乡建设",
                                   request_type="咨询" if people else "投诉"))
    for k, (title, text) in enumerate(NOISE):
        when = march + timedelta(days=k % 30, hours=k % 8)
        tickets.append(Planted("", when, title, text, district=DISTRICTS[k % len(DISTRICTS)],
                               phone=phone(), address=title[:5]))
    for k in range(14):
        when = SURGE_DAY + timedelta(minutes=8 * k)
        title = rng.choice(("民主路自来水管爆裂", "民主路水管爆了路面积水", "民主路地下水管破裂冒水"))
        tickets.append(Planted("surge", when, title, f"{title}，水漫到路上了。", category="公共服务",
                               phone=phone(), address="民主路", request_type="求助"))
    for k in range(4):
        title, text, category = ORDINARY[k]
        tickets.append(Planted("", march + timedelta(days=3 + 5 * k), title, text,
                               category=category, phone=REPEAT_CALLER, request_type="咨询"))
    for k in range(3):
        tickets.append(Planted("W", march + timedelta(days=2 + 7 * k, hours=2), WHISTLE_TITLES[k],
                               "有饭店把污水偷排进雨水井。", phone=WHISTLEBLOWER, request_type="举报",
                               address="某饭店"))
    return tickets


def write_csv(tickets: list[Planted], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for t in tickets:
            writer.writerow((t.when.strftime("%Y-%m-%d %H:%M:%S"), "电话", t.request_type, t.category,
                             t.district, t.street, t.address, t.title, t.description, "",
                             t.phone, t.status, t.satisfaction))
