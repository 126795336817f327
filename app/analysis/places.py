"""Places in a ticket's text, with jieba (jieba-rs) and the city's reference data.

A ticket names its place in many ways: "A2区丽发新城小区附近", "丽发新城旁边", "在梁园区凯旋路与
株洲路交叉口". What is found here:

- administrative units: the reference districts and streets (``districts.csv``) written out in
  the text, and masked ones as in the public message data (A市, A3区, K3县);
- named places: a run of jieba tokens ending in a place-type word (小区, 学校, 公司, 路, 村 …, see
  ``PLACE_TYPES``), or a token jieba tags as a place or organisation name (``ns``/``nt``/``nz``);
  the run starts after the last boundary before it (punctuation, a preposition, a pronoun, a
  request verb such as 反映/投诉). No list of place names is written here: the names come from
  the text, the reference data and jieba's dictionary, to which the reference names are added.

Each named place gets a ``key`` that ignores how it was written: the district prefix and a
trailing generic type word are dropped (丽发新城小区 → 丽发新城, 株洲路口 → 株洲路). Keys written
differently still (伊景园滨河苑 / 滨河苑) are joined later over the whole period
(``grouping.canonical_places``), and names written without their type word (鑫源建筑 for
鑫源建筑公司) are found then too (``corpus.Corpus.add_known_mentions``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import rjieba

from app.reference import ReferenceData, default_reference

# Place-type words a place name ends with, longest first within each kind. POI: a building,
# estate or organisation (the finest place); ROAD: a road or street; AREA: a village or town.
POI, ROAD, AREA = "poi", "road", "area"
PLACE_TYPES: dict[str, str] = {
    **dict.fromkeys(
        ("小区", "社区", "花园", "家园", "新村", "新城", "公寓", "大厦", "广场", "商城", "名城",
         "山庄", "公馆", "华府", "庄园", "国际城", "学校", "中学", "小学", "大学", "学院", "幼儿园",
         "附中", "医院", "卫生院", "诊所", "公司", "集团", "工厂", "市场", "商场", "超市", "酒店",
         "宾馆", "公园", "景区", "车站", "派出所", "中心", "项目", "工地", "楼盘", "苑", "园",
         "城", "府", "湾", "郡", "庭", "厂", "站", "院", "馆", "所", "局"),
        POI,
    ),
    **dict.fromkeys(("大道", "大街", "路口", "路段", "路", "街", "巷", "桥"), ROAD),
    **dict.fromkeys(("村委会", "居委会", "村", "组", "镇", "乡"), AREA),
}
# Generic type words dropped from the end of a key when a name of two or more characters remains.
_KEY_DROPS = ("小区", "社区", "项目", "工地", "楼盘", "片区")
# Phases, blocks and buildings after a name (丽发新城三期, 6栋) are not part of the place.
_AFTER_NAME = re.compile(r"(?:[一二三四五六七八九十\d]+(?:期|栋|幢|号楼|单元|号|楼))+$")

# jieba tags that end a place name going backwards: punctuation, prepositions, conjunctions,
# particles, pronouns, adverbs, directions, time words, numbers, measure words, verbs,
# adjectives and idioms. A road's name may hold a verb or adjective (解放西路, 胜利路): the token
# right before a bare road word is kept whatever its tag.
_BOUNDARY_TAGS = frozenset(("x", "p", "c", "u", "uj", "ul", "uv", "uz", "ud", "ug", "r", "rr", "rz",
                            "d", "f", "t", "tg", "q", "y", "e", "o", "w", "m", "mq", "v", "vd",
                            "vg", "vi", "a", "ad", "i", "l", "zg"))
_GLUE = frozenset("之")  # 魅力之城
_NAME_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nt", "nz"))
# Words that introduce or qualify a place rather than belong to its name (我们小区, 附近).
_NOT_NAME = frozenset(("反映", "投诉", "举报", "咨询", "建议", "请求", "希望", "要求", "关于",
                       "位于", "地处", "处于", "来自", "住在", "居住", "购买", "购房", "入住",
                       "业主", "居民", "市民", "村民", "学生", "家长", "员工", "职工", "本人",
                       "附近", "旁边", "对面", "门口", "周边", "整个", "所有", "部分", "多个",
                       "政府", "市政府", "区政府", "县政府", "领导", "书记", "市长", "问题"))
# Administrative units: a reference name (districts.csv), or a masked one as in the public
# message data set (A3区, K3县, A9市: districts there; A市 is the city itself).
MASKED_DISTRICT = re.compile(r"[A-Z]\d{0,2}[市区县]")
_ADMIN_END = re.compile("[区县市镇乡]|街道")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_COARSE_ENDS = ("省", "国", "市")
_AUTHORITIES = ("政府", "市委", "党委", "人大", "政协")


@dataclass(frozen=True)
class Place:
    """A named place as written (``name``), its matching key and kind."""

    name: str
    key: str
    kind: str


@dataclass(frozen=True)
class TextFacts:
    """Where the text of one ticket says its problem is."""

    districts: tuple[str, ...]  # administrative units named (梁园区, A3区), first first
    places: tuple[Place, ...]  # named places, in order of appearance, no repeated key


MEMO_SIZE = 20_000


class PlaceFinder:
    """Finds administrative units and named places; build one per process (jieba's dictionary
    takes ~0.5 s): ``default_finder()``."""

    def __init__(self, reference: ReferenceData) -> None:
        self.jieba = rjieba.Jieba()
        self.districts = set(reference.districts)
        self.street_district = {s: d for d, names in reference.districts.items() for s in names}
        for name in self.districts | set(self.street_district):
            self.jieba.add_word(name, None, "ns")
        for unit in reference.unit_names():
            self.jieba.add_word(unit, None, "nt")
        self._admin_lengths = sorted({len(n) for n in self.districts | set(self.street_district)}, reverse=True)
        self._memo: dict[str, TextFacts] = {}

    # --- administrative units -----------------------------------------------------------------
    def admin_units(self, text: str) -> tuple[list[str], str]:
        """The districts named in ``text`` and the text with every admin unit made a boundary."""
        found: list[str] = []
        spans: list[tuple[int, int]] = []
        for match in MASKED_DISTRICT.finditer(text):
            spans.append(match.span())
            # A bare letter + 市 (A市) is the city itself, not one of its districts.
            name = match.group(0)
            if (len(name) > 2 or not name.endswith("市")) and name not in found:
                found.append(name)
        for match in _ADMIN_END.finditer(text):
            end = match.end()
            for length in self._admin_lengths:
                if length > end:
                    continue
                name = text[end - length : end]
                if name in self.street_district or name in self.districts:
                    spans.append((end - length, end))
                    district = self.street_district.get(name, name)
                    if district not in found:
                        found.append(district)
                    break
        if not spans:
            return found, text
        chars = list(text)
        for start, end in spans:
            chars[start:end] = ["|"] * (end - start)
        return found, "".join(chars)

    def is_common_word(self, word: str) -> bool:
        """A word jieba's dictionary knows, other than as a name (公交车 yes, 梅溪湖/ns no)."""
        if not self.jieba.has_word(word):
            return False
        tags = self.jieba.tag(word, False)
        return len(tags) != 1 or tags[0][1] not in _NAME_TAGS

    # --- places ---------------------------------------------------------------------
    def find(self, text: str) -> TextFacts:
        """The districts and named places of ``text`` (normalised first); remembered, as the
        same address or title comes back often."""
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[text] = self._find(text)
        return found

    def _find(self, text: str) -> TextFacts:
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        districts, cleaned = self.admin_units(text)
        places: list[Place] = []
        self._places_in(self.jieba.tag(cleaned, True), places)
        unique: dict[str, Place] = {}
        for place in places:
            unique.setdefault(place.key, place)
        return TextFacts(tuple(districts), tuple(unique.values()))

    def _places_in(self, tokens: list[tuple[str, str]], out: list[Place]) -> set[int]:
        """Append the places of one clause to ``out``; return the token positions they used."""
        used: set[int] = set()
        found: list[Place] = []
        index = len(tokens) - 1
        while index >= 0:
            word, tag = tokens[index]
            kind = place_kind(word)
            if kind is None and tag not in ("ns", "nt"):
                index -= 1
                continue
            start = index
            if kind is not None and word in _BARE_ROADS and start > 0 and _gluable(tokens[start - 1]):
                start -= 1  # 解放|西路, 胜利|路: the word before a bare road word is its name
            while (start > 0 and index - start < 4 and self._name_part(tokens[start - 1])
                   and not _whole_place(tokens[start - 1][0])):
                start -= 1
            place = self._place(tokens[start : index + 1], kind)
            if place is not None:
                found.append(place)
                used.update(range(start, index + 1))
                index = start - 1
            else:
                index -= 1
        out.extend(reversed(found))  # found right to left
        return used

    def _name_part(self, token: tuple[str, str]) -> bool:
        word, tag = token
        if word in _GLUE:
            return True
        if word in _NOT_NAME or not (_CJK.search(word) or word.isalnum()):
            return False
        # A word jieba does not know was glued by its HMM, whose tag is a guess (丽发/v, 水新/a):
        # part of a name. A known word's tag is its dictionary's.
        return tag not in _BOUNDARY_TAGS or not self.jieba.has_word(word)

    def _place(self, tokens: list[tuple[str, str]], kind: str | None) -> Place | None:
        while tokens and tokens[0][0] in _GLUE:
            tokens = tokens[1:]
        phrase = _AFTER_NAME.sub("", "".join(w for w, _ in tokens))
        if len(tokens) == 1:
            word, tag = tokens[0]
            known = self.jieba.has_word(word)
            # One token: a name jieba knows as such (黄兴路/nr, 梅溪湖/ns) or a word it does not
            # know at all (a name its HMM glued together). A dictionary noun such as 搅拌站,
            # 加油站 or 停车场 names a kind of thing, not a place; 中国, 西地省 are too coarse.
            if known and tag not in _NAME_TAGS:
                return None
            if kind is None and ((len(word) < 3 and known) or word.endswith(_COARSE_ENDS)):
                return None
        if phrase.endswith(_AUTHORITIES):
            return None  # the government asked to act, not where the problem is
        if type_suffix(phrase[:2]) is not None and phrase[:2] in PLACE_TYPES:
            return None  # 小区临街, 社区门口: a kind of place, then a word, is no name
        suffix = type_suffix(phrase)
        name_length = len(phrase) - (len(suffix) if suffix else 0)
        if name_length < 2 or (len(phrase) < 3 and kind is not None):
            return None  # 马路, 新村 alone: a type without a name
        key = phrase
        for drop in _KEY_DROPS:
            if key.endswith(drop) and len(key) - len(drop) >= 2:
                key = key[: -len(drop)]
                break
        if key.endswith(("路口", "路段")):
            key = key[:-1]  # 株洲路口, 株洲路段: the road 株洲路
        return Place(name=phrase, key=key, kind=kind or POI)


# Tags of words that say nothing about the problem: punctuation, prepositions, conjunctions,
# particles, pronouns, adverbs, directions, time words, numbers and measure words.
_FUNCTION_TAGS = frozenset(("x", "p", "c", "u", "uj", "ul", "uv", "uz", "ud", "ug", "r", "rr", "rz",
                            "d", "f", "t", "tg", "q", "y", "e", "o", "w", "m", "mq", "zg", "eng"))
_BARE_ROADS = frozenset(("路", "街", "巷", "东路", "西路", "南路", "北路", "中路", "大道", "大街"))
_BY_LAST = {}  # type: dict[str, list[str]]
for _suffix in sorted(PLACE_TYPES, key=len, reverse=True):
    _BY_LAST.setdefault(_suffix[-1], []).append(_suffix)


def type_suffix(word: str) -> str | None:
    """The place-type word ``word`` ends with (小区, 路 …), if any."""
    for suffix in _BY_LAST.get(word[-1:], ()):
        if word.endswith(suffix):
            return suffix
    return None


def place_kind(word: str) -> str | None:
    """POI, ROAD, AREA for a word ending in a place-type word, else None (memoised: words repeat)."""
    try:
        return _KINDS[word]
    except KeyError:
        if len(_KINDS) >= MEMO_SIZE:
            _KINDS.clear()
        suffix = type_suffix(word)
        kind = _KINDS[word] = PLACE_TYPES[suffix] if suffix is not None else None
        return kind


_KINDS: dict[str, str | None] = {}


def _whole_place(word: str) -> bool:
    """A token that names a place by itself (凯旋路, 金鼎村): the next place starts after it."""
    suffix = type_suffix(word)
    return suffix is not None and len(word) - len(suffix) >= 2


def _gluable(token: tuple[str, str]) -> bool:
    word, tag = token
    return tag not in _FUNCTION_TAGS and word not in _NOT_NAME and bool(_CJK.search(word))


@cache
def default_finder() -> PlaceFinder:
    """A finder over the bundled reference data, built once per process."""
    return PlaceFinder(default_reference())
