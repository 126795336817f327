"""The passphrase prompt of a seat without a keyring: says why, checks a new passphrase."""

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.store.keys import NO_KEYRING_REASON, PassphraseRequest
from ui.passphrase_dialog import PassphraseDialog


def test_new_passphrase_is_typed_twice_and_long_enough(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PassphraseDialog(PassphraseRequest(new=True, reason=NO_KEYRING_REASON))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason.text() == NO_KEYRING_REASON
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.again, "short")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.isVisible() and "至少要 10 个字符" in dialog.error.text()
    dialog.passphrase.setText("西瓜汁-correct-horse")
    dialog.again.setText("西瓜汁-correct-hors")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "两次输入的口令不一致。"
    dialog.grab().save(str(tmp_path / "passphrase-new.png"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.again.setText("西瓜汁-correct-horse")
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)


def test_existing_store_asks_once_and_says_a_retry(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(PassphraseRequest(new=False, reason=NO_KEYRING_REASON, retry=True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.again.isVisible()
    assert dialog.error.isVisible() and dialog.error.text() == "口令不正确，请重新输入。"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClicks(dialog.passphrase, "any passphrase")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
