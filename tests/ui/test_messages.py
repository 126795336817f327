"""The core's messages (app.messages) reach the user in the user's language, from one place:
every code has English words, the English UI says the rules' refusals and the validation in
English, the Chinese UI reads exactly what the core (the CLI, the server) reads."""

import ast
import pickle
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.admin.client import check_user, describe, summarize_detail
from app.domain.calendar import WorkCalendar
from app.domain.enums import RequestType, Satisfaction, Status
from app.domain.lifecycle import Action
from app.domain.roles import Role
from app.domain.rules import Performer, TicketState, plan_action
from app.domain.ticket import TicketInput, validate_ticket
from app.messages import Message, Text
from app.reference import ReferenceData
from app.store.keys import (
    LOST_KEY_ADVICE,
    NO_KEYRING_REASON,
    WRONG_PASSPHRASE,
    PassphraseRequest,
    WrongKeyError,
)
from app.sync.client import OFFLINE, TIMED_OUT
from app.sync.errors import ApiError, AuthRequired, ServerUnavailable
from ui.application import TRANSLATIONS_DIR, install_translations
from ui.lifecycle_dialogs import ErrorLabel
from ui.messages import say, say_error
from ui.passphrase_dialog import PassphraseDialog

APP = TRANSLATIONS_DIR.parents[1] / "app"
TS = TRANSLATIONS_DIR / "hotline_desk_en.ts"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
TODAY = date(2026, 12, 7)


def _definitions() -> dict[str, str]:
    """Every ``Text(code, template)`` written in app/, as lupdate reads them (literals only)."""
    found: dict[str, str] = {}
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Text":
                where = f"{path.relative_to(APP.parent)}:{node.lineno}"
                args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                assert len(args) == 2 == len(node.args), f"{where}: Text(code, template) takes two string literals"
                code, template = args
                assert code not in found, f"{where}: the code {code} is defined twice"
                found[code] = template
    return found


def _english() -> dict[tuple[str, str], str]:
    """(context, source) → finished English translation."""
    root = ET.parse(TS).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or ""): translation.text or ""
            for context in root.iter("context") for message in context.iter("message")
            if (translation := message.find("translation")) is not None
            and translation.get("type") is None and (translation.text or "").strip()}


def test_every_code_has_english_words() -> None:
    definitions = _definitions()
    assert len(definitions) > 50
    english = _english()
    missing = [code for code, template in definitions.items() if (code, template) not in english]
    assert not missing, (f"messages without English (run `make translations` and translate them in "
                         f"{TS.name}): {missing}")
    for code, template in definitions.items():
        fields = sorted(re.findall(r"\{\w+\}", template))
        assert sorted(re.findall(r"\{\w+\}", english[code, template])) == fields, code


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = qapp.findChildren(QTranslator)
    default_locale = QLocale()
    install_translations(qapp, "en")
    added = [t for t in qapp.findChildren(QTranslator) if t not in before]
    yield
    for translator in added:
        qapp.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(default_locale)


def _refusals() -> list[Message]:
    """A refusal of each kind the rules give, with data in ASCII so that any Chinese is ours."""
    calendar = WorkCalendar()
    dispatcher = Performer(Role.DISPATCHER, username="d1")
    unit = Performer(Role.UNIT, unit="Unit B", username="u1")
    agent = Performer(Role.AGENT, username="a1")
    accepted = TicketState(Status.ACCEPTED, request_type=RequestType.COMPLAINT.value, client_id="c1",
                           number="T-1")
    signed = TicketState(Status.SIGNED, handling_unit="Unit A", co_units=("Unit B",),
                         deadline=TODAY, client_id="c2", number="T-2")
    cases = [
        (accepted, Action.SIGN, unit, {}),  # wrong status
        (accepted, Action.DISPATCH, agent, {}),  # wrong role
        (signed, Action.SIGN, unit, {}),
        (signed, Action.START, unit, {}),  # co-unit
        (signed, Action.START, Performer(Role.UNIT, unit="Unit C"), {}),  # another unit
        (signed, Action.COMPLETE, dispatcher, {}),
        (accepted, Action.DISPATCH, dispatcher, {"units": ["Unit Z"], "deadline": "2020-01-01"}),
        (accepted, Action.DISPATCH, dispatcher, {"deadline": "soon"}),
        (signed, Action.REQUEST_EXTENSION, Performer(Role.UNIT, unit="Unit A"), {"requested_deadline": "2020-01-01"}),
        (signed, Action.COMPLETE, Performer(Role.UNIT, unit="Unit A"), {"solved": "x"}),
        (TicketState(Status.COMPLETED, client_id="c3"), Action.CALLBACK, agent, {"satisfaction": "x"}),
        (TicketState(Status.CALLED_BACK, satisfaction=Satisfaction.UNSATISFIED.value), Action.ARCHIVE,
         dispatcher, {}),
        (signed, Action.ESCALATE, Performer(Role.SUPERVISOR), {"level": "x"}),
        (signed, Action.MERGE, dispatcher, {"main": "c2"}),
        (TicketState(Status.ACCEPTED, merged_into="c9"), Action.DISPATCH, dispatcher, {}),
    ]
    refusals: list[Message] = []
    for state, action, performer, params in cases:
        plan = plan_action(state, action, performer, params, today=TODAY, calendar=calendar,
                           known_units=frozenset({"Unit A", "Unit B"}))
        assert plan.errors, (state, action)
        refusals += plan.errors
    return refusals


def test_the_english_ui_says_the_rules_refusals_in_english(english: None) -> None:
    refusals = _refusals()
    assert len(refusals) > 15
    said = {str(m): say(m) for m in refusals}
    assert not {zh: en for zh, en in said.items() if CJK.search(en)}
    assert say(refusals[0]) == ("The ticket is “Accepted”, so “Sign for” is not possible; only "
                                "tickets that are Dispatched can take “Sign for”.")


def test_the_english_ui_says_validation_in_english(english: None, reference: ReferenceData) -> None:
    errors = validate_ticket(TicketInput(channel="Fax", caller_phone="12345", title="x" * 101,
                                         request_type=RequestType.COMPLAINT.value,
                                         district="Nowhere", category1="Nothing"), reference).errors
    assert set(errors) >= {"channel", "caller_phone", "title", "description", "district",
                           "category1", "address"}
    said = {name: say(message) for name, message in errors.items()}
    assert not {name: text for name, text in said.items() if CJK.search(text.replace("“Fax”", ""))}
    assert said["title"] == ("The Subject takes at most 100 characters and has 101; cut 1 "
                             "(attachments can go in a note).")
    assert said["address"] == ("A Complaint ticket needs an address (road, estate, door number "
                               "or landmark).")


def test_the_chinese_ui_reads_what_the_core_reads(qapp: QApplication, reference: ReferenceData) -> None:
    """No translator for Chinese: each message shows its Chinese text, exactly as before."""
    messages = [*_refusals(), *validate_ticket(TicketInput(caller_phone="1381234"), reference).errors.values()]
    for message in messages:
        assert say(message) == str(message)
        assert CJK.search(say(message))
    refusal = _refusals()[0]
    assert str(refusal) == "工单当前状态为“受理”，不能执行“签收”；只有处于派单状态的工单可以签收。"


def test_a_message_is_a_chinese_string_that_keeps_its_code() -> None:
    """The CLI, the server and the stored reasons read str(); the windows read code and params."""
    text = Text("test.example", "{role}不能{action}，可用：{allowed}")
    message = text(role=Role.AGENT, action=Action.DISPATCH, allowed=(Status.ACCEPTED, Status.RETURNED))
    assert message == "座席员不能派单，可用：受理、退单"
    assert (message.code, message.params["action"]) == ("test.example", Action.DISPATCH)
    assert "；".join([message, "x"]) == "座席员不能派单，可用：受理、退单；x"
    assert pickle.loads(pickle.dumps(message)).params == message.params


def test_an_action_dialog_shows_the_refusals_in_english(english: None, qtbot: QtBot) -> None:
    label = ErrorLabel()
    qtbot.addWidget(label)
    label.show_errors(list(_refusals()[:3]))
    assert label.text().count("· ") == 3
    assert not CJK.search(label.text()), label.text()


def test_a_reason_kept_as_plain_text_is_said_in_english_too(english: None) -> None:
    """The center plans with the same rules and sends its refusal as text, the store keeps a
    rejection's reason as text: recognised, it reads as the message itself does."""
    for refusal in _refusals():
        assert say(str(refusal)) == say(refusal), refusal.code
    assert say("市城市管理局") == "市城市管理局"  # data stays as it is


def test_sync_and_admin_errors_are_said_in_english(english: None) -> None:
    offline = ServerUnavailable(OFFLINE(problem=TIMED_OUT()))
    assert say_error(offline) == ("The center cannot be reached (timed out); tickets are safe on this "
                                  "seat and sync by themselves once the network is back.")
    assert say_error(AuthRequired()) == "The sign-in has expired; sign in again to sync."
    refused_at_center = ApiError(str(_refusals()[1]), 403)  # as the center's 403 detail arrives
    said = say(describe(refused_at_center))
    assert said.startswith("The center refused this: As Agent you cannot “Dispatch”"), said
    assert not CJK.search(said)
    problems = check_user(username="李 四", role="", unit="", password="short", repeated="x")
    assert [say(p) for p in problems] == ["A user name uses only letters, digits and _ . -, at most 64 characters.",
                                          "Choose a role.",
                                          "A password needs at least 12 characters (this one has 5): a few words "
                                          "and digits make a sentence you can remember."]
    detail = summarize_detail({"role": "unit", "active": True}, say, ("; ", ", "))
    assert detail == "Role: unit; Status: Yes"


def test_the_passphrase_dialog_and_its_errors_in_english(english: None, qtbot: QtBot) -> None:
    """A keyring-less seat's first screen: why a passphrase, and what to do when it is wrong."""
    dialog = PassphraseDialog(PassphraseRequest(new=True, reason=NO_KEYRING_REASON))
    qtbot.addWidget(dialog)
    assert dialog.reason.text().startswith("This computer has no system keyring")
    wrong = WrongKeyError(WRONG_PASSPHRASE(advice=LOST_KEY_ADVICE(data_dir="/home/li/seat")))
    said = say_error(wrong)
    assert said.startswith("Wrong passphrase") and "Rename the data folder /home/li/seat" in said
    assert not CJK.search(said)
    assert str(wrong).startswith("口令不正确")  # the terminal prompt reads Chinese
