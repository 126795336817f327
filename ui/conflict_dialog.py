"""A ticket changed here and at the center: both values side by side, the agent picks per field."""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.sync.review import ConflictView, merged_values
from ui.vocabulary import display

_VOCABULARY_FIELDS = frozenset({"channel", "request_type", "urgency"})
LOCAL, SERVER = 0, 1


class ConflictDialog(QDialog):
    """Shows one conflict; on OK emits the merged values for ``SyncEngine.resolve_conflict``.

    Signals:
        resolved(str, object): the ticket's client id and the editable values to keep.
    """

    resolved = Signal(str, object)

    def __init__(self, conflict: ConflictView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._conflict = conflict
        self.setWindowTitle(self.tr("处理同步冲突 — 工单 %s") % conflict.number)
        self.resize(820, 440)
        intro = QLabel(self.tr(
            "工单 %1「%2」在本机修改后，中心也修改了它。下面列出两边不同的内容，"
            "请逐项选择保留哪一边；保存后结果会提交到中心。")
            .replace("%1", conflict.number).replace("%2", conflict.title))
        intro.setWordWrap(True)

        self.groups: dict[str, QButtonGroup] = {}
        self.cells: dict[str, tuple[QLabel, QLabel]] = {}  # field → (local, server) value labels
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for column, text in enumerate((self.tr("字段"), self.tr("本机的内容"), self.tr("中心的内容"))):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, column)
        labels = self._field_labels()
        for row, difference in enumerate(conflict.differences, start=1):
            grid.addWidget(QLabel(labels.get(difference.name, difference.name)), row, 0,
                           Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            choices = []
            for side, value in ((LOCAL, difference.local), (SERVER, difference.server)):
                choice = self._choice(self._text(difference.name, value))
                group.addButton(choice.radio, side)
                grid.addWidget(choice, row, 1 + side)
                choices.append(choice.label)
            self.cells[difference.name] = (choices[0], choices[1])
            group.button(LOCAL).setChecked(True)  # the agent's own typing is kept unless changed
            self.groups[difference.name] = group
        if not conflict.differences:
            grid.addWidget(QLabel(self.tr("两边可编辑的内容相同；保存后以中心的状态为准。")),
                           1, 0, 1, 3)
        grid.setRowStretch(len(conflict.differences) + 1, 1)
        table = QWidget()
        table.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(table)

        self.other_note = QLabel(self.tr(
            "本机对这张工单还做过 %n 项流转操作（如派单），它们不会提交；如仍需要，请在保存后重新操作。",
            "", conflict.other_changes))
        self.other_note.setWordWrap(True)
        self.other_note.setVisible(conflict.other_changes > 0)

        buttons = QDialogButtonBox()
        self.all_local = QPushButton(self.tr("全部保留本机"))
        self.all_server = QPushButton(self.tr("全部采用中心"))
        self.all_local.clicked.connect(lambda: self.choose_all(LOCAL))
        self.all_server.clicked.connect(lambda: self.choose_all(SERVER))
        buttons.addButton(self.all_local, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.all_server, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("保存选择"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("稍后处理"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.other_note)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # once inside the dialog, or Qt picks the first button

    class _Choice(QFrame):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.setFrameShape(QFrame.Shape.StyledPanel)
            self.radio = QRadioButton()
            self.label = QLabel(text)
            self.label.setWordWrap(True)
            self.label.mousePressEvent = lambda _event: self.radio.setChecked(True)  # type: ignore[method-assign]
            layout = QGridLayout(self)
            layout.setContentsMargins(6, 4, 6, 4)
            layout.addWidget(self.radio, 0, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(self.label, 0, 1, Qt.AlignmentFlag.AlignTop)
            layout.setColumnStretch(1, 1)

    def _choice(self, text: str) -> "ConflictDialog._Choice":
        return ConflictDialog._Choice(text)

    def _field_labels(self) -> dict[str, str]:
        return {
            "channel": self.tr("受理渠道"), "request_type": self.tr("诉求类型"),
            "caller_name": self.tr("来电人"), "caller_phone": self.tr("联系电话"),
            "anonymous": self.tr("匿名"), "confidential": self.tr("保密"),
            "category1": self.tr("一级分类"), "category2": self.tr("二级分类"),
            "category3": self.tr("三级分类"), "district": self.tr("区县"),
            "street": self.tr("乡镇/街道"), "address": self.tr("详细地址"), "title": self.tr("标题"),
            "description": self.tr("诉求内容"), "urgency": self.tr("紧急程度"),
            "handling_unit": self.tr("承办单位"), "result": self.tr("办理结果"),
        }

    def _text(self, name: str, value: Any) -> str:
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if value in (None, ""):
            return self.tr("（空）")
        return display(str(value)) if name in _VOCABULARY_FIELDS else str(value)

    def choose_all(self, side: int) -> None:
        for group in self.groups.values():
            group.button(side).setChecked(True)

    def choose(self, name: str, side: int) -> None:
        self.groups[name].button(side).setChecked(True)

    def kept_local(self) -> set[str]:
        return {name for name, group in self.groups.items() if group.checkedId() == LOCAL}

    def values(self) -> dict[str, Any]:
        return merged_values(self._conflict, self.kept_local())

    def _on_accept(self) -> None:
        self.resolved.emit(self._conflict.client_id, self.values())
        self.accept()
