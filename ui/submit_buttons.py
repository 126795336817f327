"""The end of a dialog that sends something to the center and waits for the answer: a red
error line, then 取消 and one action button (the default) that says while it is busy."""

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QLabel, QPushButton


class SubmitButtons:
    """``idle`` and ``busy`` are the action button's texts, translated by the dialog."""

    def __init__(self, dialog: QDialog, idle: str, busy: str, on_submit: Callable[[], None]) -> None:
        self._idle, self._busy = idle, busy
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #cf222e;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.button: QPushButton = self.buttons.addButton(idle, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(on_submit)
        self.buttons.rejected.connect(dialog.reject)

    def add_to(self, layout: QBoxLayout) -> None:
        """Put the error line and the buttons at the end of the dialog's layout."""
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Enter submits: a default set before the button is inside the dialog is lost, and Qt
        # then makes the first button (取消) the default, so Enter threw away what was typed.
        self.button.setDefault(True)

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.button.setText(self._busy if busy else self._idle)
        if busy:
            self.error.hide()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()
