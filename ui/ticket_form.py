"""The ticket entry form: keyboard first, validated field by field, autosaved as a draft.

Nothing typed is ever discarded: a refused save keeps every field as it was, and the form's
content is written to the store's drafts table a moment after the agent stops typing.
"""

import itertools
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.assistant.quality import Finding, SaveGate
from app.desk import Desk
from app.desk.views import EditableTicket, SavedTicket
from app.domain.handoff import Handoff, handoff_text
from app.domain.ticket import MAX_LENGTH, TicketInput, always_confidential
from app.reference import ReferenceData
from app.tickets.service import TicketValidationError, local_date
from ui.messages import say
from ui.style import FOCUS_VISIBLE
from ui.tasks import run_task
from ui.vocabulary import CHANNELS, REQUEST_TYPES, URGENCIES, display

# The assistant follows typing faster than the autosave does.
ASSIST_MS = 250
FIELD_MIN_WIDTH = 170  # px: the narrowest a short field of the capture form may get
# A draft is written at the latest this long after the first unsaved keystroke.
AUTOSAVE_MAX_WAIT_MS = 2000
# Drafts and saves go through one writer thread, in order: an older draft never lands last.
_WRITER = QThreadPool()
_WRITER.setMaxThreadCount(1)


def _picker(editable: bool = True) -> QComboBox:
    """A combo box the agent can type into to filter its items (matching anywhere)."""
    combo = QComboBox()
    combo.setEditable(editable)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    if editable:
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
    return combo


def _fill(combo: QComboBox, values: list[str], *, blank: str = "") -> None:
    current = combo.currentData() or combo.currentText()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(blank, "")
    for value in values:
        combo.addItem(display(value), value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    if combo.isEditable() and index < 0:
        combo.setEditText("")
    combo.blockSignals(False)


def _combo_value(combo: QComboBox) -> str:
    """The stored value: the chosen item's data, or what was typed if it matches no item."""
    text = combo.currentText().strip()
    index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
    if index >= 0:
        return str(combo.itemData(index) or "")
    return text


def _set_combo(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(value)


class _EnterMovesOn(QObject):
    """Enter in a one-line field moves to the next field, as Tab does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and isinstance(watched, QWidget)):
            popup = watched.completer().popup() if isinstance(watched, QLineEdit) and watched.completer() else None
            if popup is not None and popup.isVisible():
                return False
            watched.window().focusNextChild()
            return True
        return False


class TicketForm(QWidget):
    """Capture or edit one ticket.

    Signals:
        ticket_saved(int, str): id and local number of the ticket just saved.
        draft_changed(object): the current TicketInput, a moment after the agent stops typing.
        draft_stored(): the draft has been written to the store.
        assist_changed(object): the current TicketInput, 250 ms after the last change (for the
            assistant; faster than the autosave, and also after the form is cleared or loaded).
        links_changed(int): how many earlier tickets the new ticket will be linked to.
    """

    ticket_saved = Signal(int, str)
    draft_changed = Signal(object)
    draft_stored = Signal()
    assist_changed = Signal(object)
    links_changed = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._reference = desk.reference
        self._form_key = str(uuid.uuid4())
        self._editing_client_id = ""
        self._kept_phone = ""  # the masked number of the ticket being edited (kept if left empty)
        self._counting_hints = False  # the status line counts the red hints left
        self._pristine = self._blank = TicketInput()  # the form as loaded: nothing typed yet
        self._loading = False
        self._saving = False
        self._errors: dict[str, QLabel] = {}
        self._enter_filter = _EnterMovesOn(self)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(desk.settings.autosave_ms)
        self._autosave.timeout.connect(self._on_autosave)
        self._unsaved_since = QElapsedTimer()
        self._assist = QTimer(self)
        self._assist.setSingleShot(True)
        self._assist.setInterval(ASSIST_MS)
        self._assist.timeout.connect(lambda: self.assist_changed.emit(self.values()))
        # Set by the window: the quality checks run when saving (rules live in app.assistant).
        self.quality_gate: Callable[[TicketInput], SaveGate] | None = None
        self._confirmed: TicketInput | None = None
        self._links: dict[int, str] = {}
        self._handoffs: list[Handoff] = []
        # The call the tickets saved now are taken in (set by the window; kept across new
        # tickets so that several tickets of one call are linked to it).
        self.call_id = ""
        self._build()
        self._connect_changes()
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # A window that offers its own Ctrl+N action disables this one (two would be ambiguous).
        self.new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self, self.new_ticket)
        self.new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_ticket()

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.channel = _picker(editable=False)
        self.request_type = _picker(editable=False)
        self.urgency = _picker(editable=False)
        self.caller_name = QLineEdit()
        self.caller_phone = QLineEdit()
        self.caller_phone.setPlaceholderText(self.tr("13812345678 或 0370-3221234"))
        self.anonymous = QCheckBox(self.tr("匿名"))
        self.confidential = QCheckBox(self.tr("保密"))
        self.category1, self.category2, self.category3 = _picker(), _picker(), _picker()
        self.district, self.street = _picker(), _picker()
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("路名、小区、楼栋门牌或参照物"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("一句话概括诉求"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("发生了什么、在哪里、持续多久、希望怎么解决"))
        self.handling_unit = _picker()
        for field_name in ("caller_name", "address", "title"):
            line: QLineEdit = getattr(self, field_name)
            line.setMaxLength(MAX_LENGTH[field_name] * 20)  # generous: over-long text is reported, not cut

        _fill(self.channel, CHANNELS)
        self.channel.removeItem(0)
        _fill(self.request_type, REQUEST_TYPES, blank=self.tr("请选择"))
        _fill(self.urgency, URGENCIES)
        self.urgency.removeItem(0)
        _fill(self.category1, self._reference.categories.level1())
        _fill(self.district, list(self._reference.districts))
        _fill(self.handling_unit, self._reference.unit_names())

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
            # Equal fields whatever the captions' length: English captions are wider, and the
            # middle fields (Phone, Category 2, Town) were squeezed to a few characters.
            grid.setColumnMinimumWidth(column, FIELD_MIN_WIDTH)

        def place(row: int, column: int, label: str, name: str, widget: QWidget, span: int = 1) -> None:
            caption = QLabel(label)
            caption.setBuddy(widget)
            caption.setContentsMargins(0, 4, 0, 0)
            grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            holder = QVBoxLayout()
            holder.setSpacing(1)
            holder.addWidget(widget)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.setStyleSheet("color: #c0392b;")
            error.hide()
            holder.addWidget(error)
            if not isinstance(widget, QPlainTextEdit):
                # A field stays at the top of its row when a neighbour's error text makes the row
                # taller, level with its caption (it was centred, the captions were not).
                holder.addStretch(1)
            self._errors[name] = error
            grid.addLayout(holder, row, column + 1, 1, span)

        place(0, 0, self.tr("受理渠道"), "channel", self.channel)
        place(0, 2, self.tr("诉求类型"), "request_type", self.request_type)
        place(0, 4, self.tr("紧急程度"), "urgency", self.urgency)
        place(1, 0, self.tr("来电人"), "caller_name", self.caller_name)
        place(1, 2, self.tr("联系电话"), "caller_phone", self.caller_phone)
        flags = QHBoxLayout()
        flags.addWidget(self.anonymous)
        flags.addWidget(self.confidential)
        flags.addStretch()
        grid.addLayout(flags, 1, 5, Qt.AlignmentFlag.AlignTop)
        place(2, 0, self.tr("一级分类"), "category1", self.category1)
        place(2, 2, self.tr("二级分类"), "category2", self.category2)
        place(2, 4, self.tr("三级分类"), "category3", self.category3)
        place(3, 0, self.tr("区县"), "district", self.district)
        place(3, 2, self.tr("乡镇/街道"), "street", self.street)
        place(3, 4, self.tr("承办单位"), "handling_unit", self.handling_unit)
        place(4, 0, self.tr("详细地址"), "address", self.address, span=5)
        place(5, 0, self.tr("标题"), "title", self.title, span=5)
        place(6, 0, self.tr("诉求内容"), "description", self.description, span=5)
        grid.setRowStretch(6, 1)

        self.status_line = QLabel()
        self.status_line.setObjectName("formStatus")
        self.status_line.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新建 (Ctrl+N)"))
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.new_button.clicked.connect(self.new_ticket)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_line, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)

        self.setStyleSheet(FOCUS_VISIBLE)  # the style draws no focus on a checkbox otherwise
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(separator)
        layout.addLayout(buttons)

        order: list[QWidget] = [
            self.channel, self.request_type, self.urgency, self.caller_name, self.caller_phone,
            self.anonymous, self.confidential, self.category1, self.category2, self.category3,
            self.district, self.street, self.handling_unit, self.address, self.title,
            self.description, self.save_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        for widget in order[:-2]:
            target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
            if target is not None:
                target.installEventFilter(self._enter_filter)
            if isinstance(target, QLineEdit) and target is not widget:
                # Enter that picks from a picker's list reaches the line edit past the filter
                # (the completer hands it on directly): move on from there too.
                target.returnPressed.connect(self._move_on)

    def _move_on(self) -> None:
        self.window().focusNextChild()

    def _connect_changes(self) -> None:
        for line in (self.caller_name, self.caller_phone, self.address, self.title):
            line.textEdited.connect(self._on_edited)
        self.description.textChanged.connect(self._on_edited)
        for box in (self.anonymous, self.confidential):
            box.toggled.connect(self._on_edited)
        for combo in (self.channel, self.urgency, self.category2, self.category3, self.street,
                      self.handling_unit):
            combo.currentTextChanged.connect(self._on_edited)
        self.request_type.currentIndexChanged.connect(self._on_request_type_changed)
        self.category1.currentTextChanged.connect(self._on_category1_changed)
        self.category2.currentTextChanged.connect(self._on_category2_changed)
        self.district.currentTextChanged.connect(self._on_district_changed)
        self.anonymous.toggled.connect(self._on_anonymous_toggled)
        self.caller_phone.editingFinished.connect(lambda: self._recheck("caller_phone"))

    # -- values ----------------------------------------------------------------------------

    def values(self) -> TicketInput:
        """What the form holds now, exactly as typed."""
        return TicketInput(
            channel=_combo_value(self.channel), request_type=_combo_value(self.request_type),
            caller_name=self.caller_name.text(), caller_phone=self.caller_phone.text(),
            anonymous=self.anonymous.isChecked(), confidential=self.confidential.isChecked(),
            category1=_combo_value(self.category1), category2=_combo_value(self.category2),
            category3=_combo_value(self.category3), district=_combo_value(self.district),
            street=_combo_value(self.street), address=self.address.text(), title=self.title.text(),
            description=self.description.toPlainText(), urgency=_combo_value(self.urgency),
            handling_unit=_combo_value(self.handling_unit),
        )

    def has_unsaved_input(self) -> bool:
        """Whether the form holds typing that is not saved (Ctrl+N asks before leaving it)."""
        return self.values() != self._pristine

    def set_values(self, values: TicketInput) -> None:
        """Fill every field (a restored draft, a ticket opened for editing)."""
        self._loading = True
        try:
            _set_combo(self.channel, values.channel)
            _set_combo(self.request_type, values.request_type)
            _set_combo(self.urgency, values.urgency)
            self.caller_name.setText(values.caller_name)
            self.caller_phone.setText(values.caller_phone)
            self.anonymous.setChecked(values.anonymous)
            self.confidential.setChecked(values.confidential)
            _set_combo(self.category1, values.category1)
            self._on_category1_changed()
            _set_combo(self.category2, values.category2)
            self._on_category2_changed()
            _set_combo(self.category3, values.category3)
            _set_combo(self.district, values.district)
            self._on_district_changed()
            _set_combo(self.street, values.street)
            _set_combo(self.handling_unit, values.handling_unit)
            self.address.setText(values.address)
            self.title.setText(values.title)
            self.description.setPlainText(values.description)
            self._show_confidential_rule()
        finally:
            self._loading = False
        self._assist.start()

    def set_field(self, name: str, value: str) -> None:
        """Accept one suggestion (from the assistant) into a field, as if typed."""
        widget = getattr(self, name)
        if isinstance(widget, QComboBox):
            _set_combo(widget, value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        self._on_edited()

    @property
    def form_key(self) -> str:
        return self._form_key

    def set_reference(self, reference: ReferenceData) -> None:
        """The center changed units, categories or districts: refill the pickers and keep what
        is chosen (a choice no longer listed stays as typed, and validation says so)."""
        self._reference = reference
        pickers = (self.category1, self.category2, self.category3, self.district, self.street,
                   self.handling_unit)
        chosen = [_combo_value(combo) for combo in pickers]
        category1, category2, _, district, _, _ = chosen
        _fill(self.category1, reference.categories.level1())
        _fill(self.category2, reference.categories.level2(category1))
        _fill(self.category3, reference.categories.level3(category1, category2))
        _fill(self.district, list(reference.districts))
        _fill(self.street, reference.streets(district))
        _fill(self.handling_unit, reference.unit_names())
        for combo, value in zip(pickers, chosen, strict=True):
            if value and _combo_value(combo) != value and combo.isEditable():
                combo.blockSignals(True)
                combo.setEditText(value)
                combo.blockSignals(False)

    # -- cascading pickers -----------------------------------------------------------------

    def _on_request_type_changed(self) -> None:
        self._show_confidential_rule()
        self._on_edited()

    def _show_confidential_rule(self) -> None:
        """A 举报 is always confidential (the rule saves it so): the box says so and stays ticked."""
        forced = always_confidential(_combo_value(self.request_type))
        if forced:
            self.confidential.setChecked(True)
        self.confidential.setEnabled(not forced)
        self.confidential.setToolTip(self.tr("举报件一律保密，保护举报人") if forced else "")

    def _on_category1_changed(self) -> None:
        _fill(self.category2, self._reference.categories.level2(_combo_value(self.category1)))
        self._on_category2_changed()

    def _on_category2_changed(self) -> None:
        _fill(self.category3, self._reference.categories.level3(
            _combo_value(self.category1), _combo_value(self.category2)))
        self._on_edited()

    def _on_district_changed(self) -> None:
        _fill(self.street, self._reference.streets(_combo_value(self.district)))
        self._on_edited()

    def _on_anonymous_toggled(self, checked: bool) -> None:
        self.caller_name.setEnabled(not checked)
        if checked:
            self._show_error("caller_phone", "")

    # -- validation ------------------------------------------------------------------------

    def _validate(self) -> Mapping[str, str]:
        return self._desk.validate(self.values(), kept_phone=self._kept_phone)

    def _show_error(self, name: str, message: str) -> None:
        label = self._errors.get(name)
        if label is None:
            return
        label.setText(say(message))
        label.setVisible(bool(message))

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        self._counting_hints = False  # a new form, or save() counts them again
        for name in self._errors:
            self._show_error(name, errors.get(name, ""))

    def _recheck(self, name: str) -> None:
        """After leaving a field, say at once if it is wrong (and clear a fixed error)."""
        if self._loading:
            return
        message = self._validate().get(name, "")
        if name == "caller_phone" and not self.caller_phone.text().strip():
            message = ""  # an empty number is only an error when saving
        self._show_error(name, message)
        self._count_hints()

    def _count_hints(self) -> None:
        """Keep "还有 N 处需要修改" true while the agent fixes the fields one by one."""
        if not self._counting_hints:
            return
        left = sum(1 for label in self._errors.values() if label.text())
        self.status_line.setText(self.tr("还有 %n 处需要修改，见红字提示。", "", left) if left
                                 else self.tr("已全部改好，按 Ctrl+S 保存。"))

    def error_text(self, name: str) -> str:
        label = self._errors[name]
        return label.text() if label.isVisible() or label.text() else ""

    # -- drafts and saving -----------------------------------------------------------------

    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        # Debounced, but never for long: an agent typing without a pause (an IME commits a
        # word every half second) would otherwise keep the draft from ever being written.
        if not self._autosave.isActive():
            self._unsaved_since.start()
            self._autosave.start()
        elif self._unsaved_since.elapsed() + self._autosave.interval() <= AUTOSAVE_MAX_WAIT_MS:
            self._autosave.start()
        self._assist.start()
        for name, label in self._errors.items():
            if label.text() and name not in ("caller_phone",):
                self._recheck(name)

    def _on_autosave(self) -> None:
        values = self.values()
        self.draft_changed.emit(values)
        desk, key, client_id = self._desk, self._form_key, self._editing_client_id
        self._run_write(lambda: desk.save_draft(values, form_key=key, client_id=client_id),
                        lambda _: self.draft_stored.emit(), self._on_draft_failed)

    def flush_draft(self) -> None:
        """Write the draft now (on quit, before a risky action)."""
        if self._autosave.isActive():
            self._autosave.stop()
            self._on_autosave()

    def wait_for_writes(self, timeout_ms: int = 5000) -> bool:
        """Block until queued draft and ticket writes are on disk (used when quitting)."""
        return _WRITER.waitForDone(timeout_ms)

    def _on_draft_failed(self, error: Exception) -> None:
        self.status_line.setText(self.tr("草稿未能保存到本机（%s）。请检查磁盘空间；已输入的内容仍在表单中。")
                                 % type(error).__name__)

    def _run_write(self, func: Callable[[], object], on_done: Callable[[Any], None],
                   on_error: Callable[[Exception], None]) -> None:
        run_task(func, on_done, on_error, pool=_WRITER, owner=self)

    def save(self) -> None:
        """Validate and store the ticket; on refusal show what to fix and keep everything."""
        if self._saving:
            return
        errors = self._validate()
        self._show_errors(errors)
        if errors:
            first = next(name for name in self._errors if name in errors)
            focus = getattr(self, first)
            focus.setFocus()
            self.status_line.setText(self.tr("还有 %n 处需要修改，见红字提示。", "", len(errors)))
            self._counting_hints = True
            return
        self._counting_hints = False
        if not self._passes_quality(self.values()):
            return
        self._autosave.stop()
        self._saving = True
        self.save_button.setEnabled(False)
        values, key, editing = self.values(), self._form_key, self._editing_client_id
        desk, links, handoffs, call_id = self._desk, dict(self._links), list(self._handoffs), self.call_id
        # The draft goes in the ticket's transaction: either the ticket or the draft survives.
        self._run_write(lambda: desk.save_ticket(values, form_key=key, client_id=editing, links=links,
                                                 handoffs=handoffs, call_id=call_id),
                        self._on_saved, self._on_save_failed)

    def _passes_quality(self, values: TicketInput) -> bool:
        """Quality findings before saving: refuse, ask for a second Ctrl+S, or pass."""
        if self.quality_gate is None:
            return True
        gate = self.quality_gate(values)
        if gate.refuse:
            self._show_findings(gate.refuse)
            self.status_line.setText(self.tr("未保存：") + say(gate.refuse[0].message))
            return False
        if gate.confirm and self._confirmed != values:
            self._confirmed = values
            self._show_findings(gate.confirm)
            self.status_line.setText(
                self.tr("智能质检：") + self.tr("；").join(say(f.message) for f in gate.confirm)
                + self.tr(" 确认无误请再按一次 Ctrl+S 保存。"))
            return False
        return True

    def _show_findings(self, findings: tuple[Finding, ...]) -> None:
        for f in findings:
            name = "category1" if f.field == "category" else f.field
            if name in self._errors:
                self._show_error(name, f.message)
        first = "category1" if findings[0].field == "category" else findings[0].field
        if first in self._errors:
            getattr(self, first).setFocus()

    def add_link(self, ticket_id: int, reason: str) -> None:
        """Link the ticket being captured to an earlier one when it is saved."""
        self._links[ticket_id] = reason
        self.status_line.setText(self.tr("保存时将与 %n 张已有工单关联。", "", len(self._links)))
        self.links_changed.emit(len(self._links))

    @property
    def links(self) -> dict[int, str]:
        return dict(self._links)

    def add_handoff(self, handoff: Handoff) -> None:
        """The caller was handed off: "已转119" with its time goes on the timeline at save."""
        self._handoffs.append(handoff)
        self.status_line.setText(self.tr("保存时将在时间线记录：%s。") % "、".join(
            f"{handoff_text(h.service)} {local_date(h.at).strftime('%H:%M')}"
            for h in self._handoffs))

    @property
    def handoffs(self) -> list[Handoff]:
        return list(self._handoffs)

    def _on_saved(self, saved: SavedTicket) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        caller = saved.caller_masked or self.tr("匿名")
        self.new_ticket()
        self.status_line.setText(
            self.tr("已保存工单 %1，来电 %2。").replace("%1", saved.local_no).replace("%2", caller))
        self.ticket_saved.emit(saved.id, saved.local_no)

    def _on_save_failed(self, error: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, TicketValidationError):
            self._show_errors(error.errors)
            self.status_line.setText(self.tr("未保存：请按红字提示修改。"))
        else:
            self.status_line.setText(
                self.tr("未保存：写入本机数据库失败（%s）。内容仍在表单和草稿中，请检查磁盘空间后再按 Ctrl+S。")
                % type(error).__name__)

    def new_ticket(self) -> None:
        """Start an empty form (Ctrl+N). The previous form, if unsaved, stays in its draft."""
        self.flush_draft()
        self._form_key = str(uuid.uuid4())
        self._editing_client_id = ""
        self._keep_phone("")
        self._confirmed = None
        if self._links:
            self._links = {}
            self.links_changed.emit(0)
        self._handoffs = []
        self.set_values(TicketInput())
        _set_combo(self.request_type, "")
        self._pristine = self._blank = self.values()
        self._show_errors({})
        self.status_line.clear()
        self.caller_phone.setFocus() if self.isVisible() else None
        self.channel.setFocus()

    def edit_ticket(self, ticket: EditableTicket) -> None:
        self.flush_draft()
        self._form_key = str(uuid.uuid4())
        self._editing_client_id = ticket.client_id
        self._keep_phone(ticket.kept_phone)
        self.set_values(ticket.values)
        self._pristine = self.values()
        self._show_errors({})
        self.status_line.setText(self.tr("正在修改工单 %s") % ticket.local_no)

    def _keep_phone(self, masked: str) -> None:
        """A synced ticket's number is on this seat only masked: the field stays empty (a masked
        number is not a number) and says that the number is kept unless a new one is typed."""
        self._kept_phone = masked
        self.caller_phone.setPlaceholderText(
            self.tr("不变（%s）；要更换请输入新号码") % masked if masked
            else self.tr("13812345678 或 0370-3221234"))

    def restore_draft(self, form_key: str, values: TicketInput, ticket_client_id: str = "") -> None:
        """Bring back a draft left by an earlier run, whole, under its own key."""
        self._form_key = form_key
        self._editing_client_id = ticket_client_id
        self._keep_phone(self._desk.kept_phone(ticket_client_id) if ticket_client_id else "")
        self._counting_hints = False
        self.set_values(values)
        self._pristine = self._blank  # a draft is typing not saved yet
        self.status_line.setText(self.tr("已恢复上次未保存的草稿。"))
