"""Callers' numbers: accepted in every shape an agent types, stored one way, shown masked."""

import pytest

from app.domain.phone import PhoneError, mask_phone, normalize_phone


@pytest.mark.parametrize(("typed", "stored"), [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"),
    ("+8613812345678", "13812345678"),
    ("008613812345678", "13812345678"),
    ("１３８１２３４５６７８", "13812345678"),      # full-width digits
    ("0370-3221234", "0370-3221234"),
    ("(0370)3221234", "0370-3221234"),
    ("（0370）32212345", "0370-32212345"),
    ("03703221234", "0370-3221234"),
    ("010-62345678", "010-62345678"),
    ("02167891234", "021-67891234"),
    ("3221234", "0370-3221234"),                 # local number: the seat's area code
    ("32212345", "0370-32212345"),
    ("0370-3221234转801", "0370-3221234转801"),
    ("0370-3221234 ext 801", "0370-3221234转801"),
    ("3221234转8", "0370-3221234转8"),
    ("+86 0370 3221234", "0370-3221234"),
])
def test_accepted_numbers(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


def test_local_number_gets_the_configured_area_code() -> None:
    assert normalize_phone("66781234", default_area_code="021") == "021-66781234"


@pytest.mark.parametrize(("typed", "message"), [
    ("", "请填写联系电话"),
    ("   ", "请填写联系电话"),
    ("1381234567", "手机号码应为11位，当前为10位"),
    ("138123456789", "手机号码应为11位，当前为12位"),
    ("12345", "手机号码应为11位，当前为5位"),
    ("22", "号码格式不对"),
    ("电话13812345678", "只能包含数字"),
    ("13812345678转1", "手机号码不能带分机号"),
    ("0370-12", "号码格式不对"),
])
def test_refused_numbers_say_what_to_fix(typed: str, message: str) -> None:
    with pytest.raises(PhoneError, match=message):
        normalize_phone(typed)


@pytest.mark.parametrize(("stored", "shown"), [
    ("13812341234", "138****1234"),
    ("0370-3221234", "0370-***1234"),
    ("010-62345678", "010-****5678"),
    ("0370-3221234转801", "0370-***1234"),
    ("", ""),
    ("12345", "*2345"),
])
def test_masking(stored: str, shown: str) -> None:
    assert mask_phone(stored) == shown
