"""Callers' phone numbers: normalisation, validation and masking."""

import re
import unicodedata

from app.messages import Message, Text

_SEPARATORS = re.compile(r"[\s\-()（）—]")
_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area codes are 3 digits (010, 02x) or 4 digits (0370); local numbers 7 or 8 digits.
_LANDLINE = re.compile(r"(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})")
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_EXTENSION = re.compile(r"(?:转|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)


EMPTY = Text("phone.empty", "请填写联系电话；来电人不愿留号码时请勾选“匿名”。")
NOT_DIGITS = Text("phone.not_digits", "联系电话只能包含数字、空格和“-”，请检查是否有多余的文字。")
MOBILE_EXTENSION = Text("phone.mobile_extension", "手机号码不能带分机号，请删除“转”后面的部分。")
MOBILE_LENGTH = Text("phone.mobile_length", "手机号码应为11位，当前为{length}位，请核对。")
BAD_SHAPE = Text("phone.bad_shape",
                 "号码格式不对：手机号为11位（如13812345678），固定电话为区号加7～8位号码（如0370-3221234）。")


class PhoneError(ValueError):
    """A number that cannot be a caller's phone; ``message`` says what to fix."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def normalize_phone(raw: str, default_area_code: str = "0370") -> str:
    """Return the canonical form (13812341234, 0370-3221234, 0370-3221234转801).

    Accepts full-width digits, spaces, dashes, brackets, a +86/0086 prefix and local numbers
    without area code (the seat's own area code is added so that caller history matches).
    """
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        raise PhoneError(EMPTY())
    extension = ""
    if match := _EXTENSION.search(text):
        extension = match.group(1)
        text = text[: match.start()]
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not digits.isdigit():
        raise PhoneError(NOT_DIGITS())
    if _MOBILE.fullmatch(digits):
        if extension:
            raise PhoneError(MOBILE_EXTENSION())
        return digits
    if match := _LANDLINE.fullmatch(digits):
        number = f"{match.group(1)}-{match.group(2)}"
    elif _LOCAL.fullmatch(digits):
        number = f"{default_area_code}-{digits}"
    elif digits.startswith("1"):
        raise PhoneError(MOBILE_LENGTH(length=len(digits)))
    else:
        raise PhoneError(BAD_SHAPE())
    return f"{number}转{extension}" if extension else number


def mask_phone(phone: str) -> str:
    """Hide the middle of a number: 138****1234, 0370-***1234. Unknown shapes keep only 4 digits."""
    if not phone:
        return ""
    if is_masked(phone):
        return phone  # already masked (as the center sends numbers)
    if _MOBILE.fullmatch(phone):
        return f"{phone[:3]}****{phone[-4:]}"
    main, _, _ = phone.partition("转")
    if "-" in main:
        area, local = main.split("-", 1)
        return f"{area}-{'*' * max(len(local) - 4, 0)}{local[-4:]}"
    return f"{'*' * max(len(main) - 4, 0)}{main[-4:]}"


def is_masked(phone: str) -> bool:
    """A number as the center sends it (138****1234): shown as is, never dialled or validated."""
    return "*" in phone
