"""Text normalisation: what the agent typed or pasted, cleaned without changing what it says."""

import pytest

from app.domain.text import normalize_text


@pytest.mark.parametrize(("typed", "stored"), [
    ("１２３４５号楼", "12345号楼"),
    ("ＡＢＣａｂｃ小区", "ABCabc小区"),
    ("  凯旋路　", "凯旋路"),                 # ASCII spaces and U+3000 around
    ("\u3000\u3000井盖丢了", "井盖丢了"),
    ("井盖\x00丢了\x07", "井盖丢了"),          # control characters dropped
    ("路灯\u200b不亮\ufeff", "路灯不亮"),     # zero-width space, BOM
    ("噪音\t\t扰民", "噪音 扰民"),
    ("第一行\r\n第二行", "第一行 第二行"),     # single-line fields join lines
    ("，。！？“”", "，。！？“”"),             # Chinese punctuation stays as typed
])
def test_single_line(typed: str, stored: str) -> None:
    assert normalize_text(typed) == stored


def test_emoji_kept_with_zero_width_joiner() -> None:
    family = "👨\u200d👩\u200d👧"
    assert normalize_text(f"谢谢{family}👍🏽") == f"谢谢{family}👍🏽"


def test_multiline_keeps_lines_and_paragraphs() -> None:
    typed = "\u3000\u3000楼下餐馆油烟大。\r\n\r\n\r\n\r\n  晚上十点后还在营业\r最好尽快处理\n\n"
    assert normalize_text(typed, multiline=True) == "楼下餐馆油烟大。\n\n晚上十点后还在营业\n最好尽快处理"


def test_multiline_crlf_and_unicode_line_separators() -> None:
    assert normalize_text("a\r\nb\u2028c\u2029d", multiline=True) == "a\nb\nc\nd"


def test_normalisation_is_idempotent_on_examples() -> None:
    for typed in ("１２ 号\u3000楼 ", "a\r\n\r\n\r\nb", "\x01x\u200by"):
        for multiline in (False, True):
            once = normalize_text(typed, multiline=multiline)
            assert normalize_text(once, multiline=multiline) == once
