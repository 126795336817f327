"""Enter submits a dialog's main action and never its 取消 (issue 13.2): the login and account
dialogs closed on Enter and threw away what was typed."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.settings import Settings
from ui.admin.dialogs import CategoryDialog, HolidayDialog, PasswordDialog, UnitDialog, UserDialog
from ui.lifecycle_dialogs import RevealDialog
from ui.login_dialog import LoginDialog
from ui.password_dialog import ChangePasswordDialog
from ui.settings_dialog import SettingsDialog


def _default(dialog: QDialog) -> QPushButton:
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert len(defaults) == 1, [b.text() for b in defaults]
    return defaults[0]


def test_enter_in_the_login_dialog_logs_in_and_keeps_what_was_typed(qtbot: QtBot) -> None:
    dialog = LoginDialog("http://127.0.0.1:8345", "", keyring_ok=True, expired=False)
    qtbot.addWidget(dialog)
    dialog.open()
    assert _default(dialog) is dialog.login_button
    qtbot.keyClicks(dialog.username, "wangfang")
    qtbot.keyClicks(dialog.password, "secret-pw")
    with qtbot.waitSignal(dialog.login_requested) as asked:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert asked.args == ["http://127.0.0.1:8345", "wangfang", "secret-pw"]
    assert dialog.isVisible()
    dialog.on_login_finished(False, "用户名或密码不正确")
    assert dialog.isVisible() and dialog.username.text() == "wangfang"


def test_enter_in_the_new_account_dialog_saves(qtbot: QtBot) -> None:
    dialog = UserDialog(["市城市管理局"])
    qtbot.addWidget(dialog)
    dialog.open()
    assert _default(dialog) is dialog.save_button
    qtbot.keyClicks(dialog.username, "zhang3")
    dialog.display_name.setText("张三")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.password, "long-enough-1")
    qtbot.keyClicks(dialog.repeat, "long-enough-1")
    with qtbot.waitSignal(dialog.submitted) as saved:
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert saved.args[0]["username"] == "zhang3" and dialog.isVisible()


def test_every_dialog_defaults_to_its_main_action_not_cancel(qtbot: QtBot) -> None:
    dialogs: list[QDialog] = [
        LoginDialog("", "bob", keyring_ok=False, expired=True), SettingsDialog(Settings()),
        UserDialog(["市城市管理局"]), PasswordDialog("bob"), UnitDialog(["梁园区"]), CategoryDialog(),
        HolidayDialog(), RevealDialog()]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.open()
        default = _default(dialog)
        assert default.text() not in ("Cancel", "取消", "&Cancel"), type(dialog).__name__
        # Enter in a line edit presses it, and so never rejects what was typed.
        edits = [e for e in dialog.findChildren(QLineEdit) if e.isVisible() and e.isEnabled()]
        assert edits, type(dialog).__name__
        with qtbot.waitSignal(default.clicked, timeout=1000):
            qtbot.keyClick(edits[0], Qt.Key.Key_Return)
        dialog.close()


def test_enter_in_the_change_password_dialog_asks_the_center_and_stays_open(qtbot: QtBot) -> None:
    dialog = ChangePasswordDialog("wangfang", "王芳")
    qtbot.addWidget(dialog)
    dialog.open()
    assert _default(dialog).text() != dialog.tr("取消")
    qtbot.keyClicks(dialog.current, "old-secret-pw-1")
    qtbot.keyClicks(dialog.new, "Lantern-harbour-47")
    qtbot.keyClicks(dialog.again, "Lantern-harbour-47")
    with qtbot.waitSignal(dialog.change_requested) as asked:
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert asked.args == ["old-secret-pw-1", "Lantern-harbour-47"]
    assert dialog.isVisible() and dialog.current.text() == "old-secret-pw-1"
