"""The smart assistant beside the capture form: what a seasoned colleague would say.

All computation goes through :class:`app.assistant.store_source.SidebarEngine` on a worker
thread (``ui.tasks.run_task``): the duplicate index is read and changed on one ordered pool so
it never sees two threads at once. Suggestions for older text are dropped (``Newest``): a draft
typed on replaces the one being computed, and drafts overtaken while they wait are skipped.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.assistant.category import CategoryModel, CategoryScore
from app.assistant.quality import Finding
from app.assistant.store_source import (
    CallerTicket,
    RecentHistory,
    SidebarEngine,
    SidebarResult,
    draft_from_input,
)
from app.assistant.units import UnitSuggestion
from app.domain.handoff import Handoff, HandoffWay
from app.domain.phone import mask_phone
from app.domain.ticket import FIELD_LABELS, TicketInput
from app.reference import ReferenceData
from app.tickets.service import local_date, utc_now
from ui.messages import fill, say
from ui.tasks import Newest, run_task
from ui.vocabulary import status_text

# Every read and change of the duplicate index, in order, on one thread.
ASSISTANT_POOL = QThreadPool()
ASSISTANT_POOL.setMaxThreadCount(1)
RETRAIN_CHECK_MS = 10 * 60 * 1000
_Index = QModelIndex | QPersistentModelIndex
TicketIdRole = Qt.ItemDataRole.UserRole + 1
# The quality checks name DraftInput fields; the form's labels use the ticket's names.
_FINDING_FIELDS = {"category": "category1"}
_SEVERITY_COLOR = {"error": "#c0392b", "warning": "#b9770e", "info": "#5d6d7e"}


@dataclass(frozen=True)
class TicketItem:
    text: str
    tooltip: str
    ticket_id: int
    emphasis: bool = False  # open ticket / near-duplicate: shown bold and dark red


class TicketListModel(QAbstractListModel):
    """A short list of tickets (caller history, similar tickets); TicketIdRole gives the id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[TicketItem] = []

    def set_items(self, items: list[TicketItem]) -> None:
        if items == self._items:
            return
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tooltip
        if role == TicketIdRole:
            return item.ticket_id
        if role == Qt.ItemDataRole.FontRole and item.emphasis:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and item.emphasis:
            return QBrush(QColor("#922b21"))
        return None


def _label(text: str = "", *, style: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def _day(moment: Any) -> str:
    return str(local_date(moment).strftime("%m-%d"))


class AssistantSidebar(QWidget):
    """Suggestions for the draft being typed: category, unit, emergency, history, duplicates.

    Signals:
        field_accepted(str, str): the agent accepted a suggestion for a form field (name, value).
        open_ticket_requested(int): the agent wants to see an earlier ticket (store id).
        link_requested(int, str): link the draft to an earlier ticket (store id, why).
        handoff_requested(str): the agent hands the caller to this line (110/119/120/122 or a
            department line): the window transfers the call or records the agent's hand-off.
        result_shown(object): a SidebarResult has just been displayed.
        model_ready(): the category model is loaded (or trained) and in use.
        history_ready(): the recent-ticket duplicate index is built and in use.
    """

    field_accepted = Signal(str, str)
    open_ticket_requested = Signal(int)
    link_requested = Signal(int, str)
    handoff_requested = Signal(str)
    result_shown = Signal(object)
    model_ready = Signal()
    history_ready = Signal()

    def __init__(self, engine: SidebarEngine, reference: ReferenceData | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assistantSidebar")
        self._engine = engine
        self._reference = reference
        self._drafts = Newest()
        self._last_values: TicketInput | None = None
        self._result: SidebarResult | None = None
        self._categories: list[CategoryScore] = []
        self._unit = ""
        # The emergency the last result showed: 紧急程度 is raised once when one appears, so an
        # agent who lowers it is not overruled on the next keystroke.
        self._emergency: str | None = None
        self._hotline: str | None = None
        # The window says whether the seat's call adapter can transfer the call in progress.
        self._can_transfer = False
        self._build()
        self._retrain_timer = QTimer(self)
        self._retrain_timer.setInterval(RETRAIN_CHECK_MS)
        self._retrain_timer.timeout.connect(self._on_retrain_check)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.setMinimumWidth(340)
        title = QLabel(self.tr("智能助手"))
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.status = _label(self.tr("分类模型加载中…（紧急识别、来电历史照常可用）"),
                             style="color: #5d6d7e;")

        self.emergency = QFrame()
        self.emergency.setObjectName("emergencyBanner")
        self.emergency.setStyleSheet(
            "#emergencyBanner { background: #c0392b; border-radius: 4px; }"
            "#emergencyBanner QLabel { color: white; }")
        self.emergency_title = _label(style="font-size: 18px; font-weight: bold;")
        self.emergency_reason = _label()
        self.emergency_script = _label(rich=True)
        self.handoff_button = QPushButton()
        self.handoff_button.setObjectName("handoffButton")
        self.handoff_button.setStyleSheet(
            "#handoffButton { background: white; color: #922b21; font-weight: bold;"
            " padding: 4px 8px; border-radius: 3px; }")
        self.handoff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the form
        self.handoff_button.clicked.connect(self.hand_off)
        self.handoff_done = _label()
        box = QVBoxLayout(self.emergency)
        for w in (self.emergency_title, self.emergency_reason, self.emergency_script,
                  self.handoff_button, self.handoff_done):
            box.addWidget(w)
        self.handoff_done.hide()
        self.emergency.hide()

        self.hotline = QFrame()
        self.hotline.setObjectName("hotlineHint")
        self.hotline.setStyleSheet(
            "#hotlineHint { background: #fff4cc; border: 1px solid #e0c060; border-radius: 4px; }")
        self.hotline_title = _label(style="font-weight: bold;")
        self.hotline_reason = _label(style="color: #5d6d7e;")
        self.hotline_script = _label(rich=True)
        self.hotline_button = QPushButton()
        self.hotline_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the form
        self.hotline_button.clicked.connect(self.hand_off)
        self.hotline_done = _label()
        box = QVBoxLayout(self.hotline)
        for w in (self.hotline_title, self.hotline_reason, self.hotline_script, self.hotline_button,
                  self.hotline_done):
            box.addWidget(w)
        self.hotline_done.hide()
        self.hotline.hide()

        # Category: three accept buttons, each with its reason below.
        self.category_group = QGroupBox(self.tr("分类建议"))
        cat_box = QVBoxLayout(self.category_group)
        self.category_hint = _label(self.tr("输入标题或诉求内容后显示"), style="color: #5d6d7e;")
        cat_box.addWidget(self.category_hint)
        self.category_buttons: list[QPushButton] = []
        self.category_reasons: list[QLabel] = []
        for i in range(3):
            button = QPushButton()
            button.setStyleSheet("text-align: left; padding: 3px 6px;")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the form
            button.clicked.connect(lambda _=False, n=i: self.accept_category(n))
            reason = _label(style="color: #5d6d7e; margin-left: 8px;")
            button.hide()
            reason.hide()
            cat_box.addWidget(button)
            cat_box.addWidget(reason)
            self.category_buttons.append(button)
            self.category_reasons.append(reason)

        self.unit_group = QGroupBox(self.tr("承办单位建议"))
        unit_box = QVBoxLayout(self.unit_group)
        self.unit_button = QPushButton()
        self.unit_button.setStyleSheet("text-align: left; padding: 3px 6px;")
        self.unit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unit_button.clicked.connect(self.accept_unit)
        self.unit_reason = _label(style="color: #5d6d7e; margin-left: 8px;")
        self.unit_others = _label(style="color: #5d6d7e;")
        for unit_widget in (self.unit_button, self.unit_reason, self.unit_others):
            unit_box.addWidget(unit_widget)
        self.unit_group.hide()

        self.caller_group = QGroupBox(self.tr("来电历史 (Alt+H)"))
        caller_box = QVBoxLayout(self.caller_group)
        self.caller_summary = _label()
        self.caller_model = TicketListModel(self)
        self.caller_list = self._ticket_list(self.caller_model)
        caller_box.addWidget(self.caller_summary)
        caller_box.addWidget(self.caller_list)
        self.caller_group.hide()

        self.similar_group = QGroupBox(self.tr("相似/重复工单 (Alt+D)"))
        similar_box = QVBoxLayout(self.similar_group)
        self.similar_model = TicketListModel(self)
        self.similar_list = self._ticket_list(self.similar_model)
        self.link_button = QPushButton(self.tr("关联所选工单 (Alt+L)"))
        self.link_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.link_button.clicked.connect(self.link_selected)
        similar_box.addWidget(self.similar_list)
        similar_box.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignRight)
        self.similar_group.hide()

        self.knowledge_group = QGroupBox(self.tr("知识库与历史答复"))
        self.knowledge_box = QVBoxLayout(self.knowledge_group)
        self.knowledge_group.hide()

        self.quality_group = QGroupBox(self.tr("智能质检"))
        self.quality_box = QVBoxLayout(self.quality_group)
        self.quality_group.hide()

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 4, 4, 4)
        for part in (title, self.status, self.emergency, self.hotline, self.category_group,
                     self.unit_group, self.caller_group, self.similar_group, self.knowledge_group,
                     self.quality_group):
            column.addWidget(part)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        shortcuts: list[tuple[str, Callable[[], None]]] = [
            ("Alt+1", lambda: self.accept_category(0)),
            ("Alt+2", lambda: self.accept_category(1)),
            ("Alt+3", lambda: self.accept_category(2)),
            ("Alt+U", self.accept_unit),
            ("Alt+H", lambda: self._focus_list(self.caller_list)),
            ("Alt+D", lambda: self._focus_list(self.similar_list)),
            ("Alt+L", self.link_selected),
            ("Alt+Z", self.hand_off),
        ]
        self.shortcuts: dict[str, QShortcut] = {}
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[keys] = shortcut

    def _ticket_list(self, model: TicketListModel) -> QListView:
        view = QListView()
        view.setModel(model)
        view.setWordWrap(True)
        view.setUniformItemSizes(False)
        view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        view.setToolTip(self.tr("双击或按回车打开工单"))
        view.activated.connect(self._on_ticket_activated)
        return view

    # -- start-up and upkeep ---------------------------------------------------------------

    def set_reference(self, reference: ReferenceData) -> None:
        """Hotline hand-off scripts follow the center's directory."""
        self._reference = reference

    def start(self) -> None:
        """Load the model and build the recent-ticket index in the background."""
        engine = self._engine
        run_task(engine.load_model, self._on_model_loaded, self._on_model_failed)
        run_task(engine.build_recent, self._on_recent_built, self._on_history_failed)
        self._retrain_timer.start()

    def _on_model_loaded(self, model: object) -> None:
        if not isValid(self):
            return
        assert isinstance(model, CategoryModel)
        self._engine.set_model(model)
        n = int(model.meta.get("n_labeled", 0))
        self.status.setText(self.tr("分类模型：已用 %s 条已确认工单训练") % n if n
                            else self.tr("分类模型：内置关键词（本机已确认工单尚少）"))
        self.model_ready.emit()
        self._refresh()

    def _on_model_failed(self, error: Exception) -> None:
        if isValid(self):
            self.status.setText(self.tr("分类模型不可用（%s）；其余提示照常。") % type(error).__name__)

    def _on_recent_built(self, recent: object) -> None:
        if not isValid(self):
            return
        assert isinstance(recent, RecentHistory)
        engine = self._engine
        run_task(lambda: engine.install(recent), self._on_history_installed,
                 self._on_history_failed, pool=ASSISTANT_POOL)

    def _on_history_installed(self, size: object) -> None:
        if isValid(self):
            self.history_ready.emit()
            self._refresh()

    def _on_history_failed(self, error: Exception) -> None:
        if isValid(self):
            self.status.setText(self.tr("相似工单索引未建立（%s）。") % type(error).__name__)

    def _on_retrain_check(self) -> None:
        engine = self._engine
        run_task(engine.needs_retrain, self._on_retrain_needed)

    def _on_retrain_needed(self, needed: object) -> None:
        if needed and isValid(self):
            run_task(self._engine.train_model, self._on_model_loaded, self._on_model_failed)

    def note_saved(self, ticket_id: int) -> None:
        """A ticket was saved: it joins the duplicate index at once."""
        engine = self._engine
        run_task(lambda: engine.note_saved(ticket_id), lambda _: None, pool=ASSISTANT_POOL)

    def wait_for_tasks(self, timeout_ms: int = 10000) -> bool:
        return ASSISTANT_POOL.waitForDone(timeout_ms)

    # -- drafts ----------------------------------------------------------------------------

    def set_draft(self, values: object) -> None:
        """The form changed: compute suggestions for it (those for older text are dropped)."""
        assert isinstance(values, TicketInput)
        token = self._drafts.begin()
        self._last_values = values
        draft, engine, drafts = draft_from_input(values, utc_now()), self._engine, self._drafts

        def compute() -> SidebarResult | None:
            # Waited behind the computation for older text: skipped if newer text came meanwhile.
            return engine.compute(draft) if drafts.is_current(token) else None

        run_task(compute, self._on_computed, self._on_compute_failed, pool=ASSISTANT_POOL,
                 owner=self, newest=drafts)

    @property
    def computing(self) -> bool:
        """Suggestions are being computed (or wait to be)."""
        return self._drafts.running > 0

    def _refresh(self) -> None:
        """Recompute the newest draft (the model or index changed)."""
        if self._last_values is not None:
            self.set_draft(self._last_values)

    def _on_computed(self, result: SidebarResult) -> None:
        self._show(result)

    def _on_compute_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("智能提示出错（%s），请继续填写工单。") % type(error).__name__)

    # -- accepting -------------------------------------------------------------------------

    def accept_category(self, n: int) -> None:
        if n < len(self._categories):
            c = self._categories[n]
            self.field_accepted.emit("category1", c.label)
            # An emergency's category comes with its levels 2 and 3 (政法 › 社会治安 › 消防安全).
            for name, value in zip(("category2", "category3"), c.path, strict=False):
                self.field_accepted.emit(name, value)

    def hand_off(self) -> None:
        """Hand the caller to the emergency service shown, else to the department line shown."""
        if self._emergency and self.emergency.isVisible():
            self.handoff_requested.emit(self._emergency)
        elif self._hotline and self.hotline.isVisible():
            self.handoff_requested.emit(self._hotline)

    def show_handoff(self, handoff: Handoff) -> None:
        """Say what was done: "已转119" goes on the ticket's timeline when it is saved."""
        text = (self.tr("已转接：已转%1（%2），保存工单时写入时间线。")
                if handoff.way is HandoffWay.TRANSFERRED else
                self.tr("已记录：已转%1（%2），保存工单时写入时间线。"))
        text = text.replace("%1", handoff.service).replace("%2", local_date(handoff.at).strftime("%H:%M"))
        done = self.handoff_done if handoff.service == self._emergency else self.hotline_done
        done.setText(text)
        done.show()

    def set_can_transfer(self, can: bool) -> None:
        """Whether the buttons transfer the call (the adapter holds it up) or confirm the agent's."""
        self._can_transfer = can
        self._label_handoff_buttons()

    def _label_handoff_buttons(self) -> None:
        text = self.tr("转接 %1 (Alt+Z)") if self._can_transfer else self.tr("确认已转接 %1 (Alt+Z)")
        self.handoff_button.setText(text.replace("%1", self._emergency or ""))
        self.hotline_button.setText(text.replace("%1", self._hotline or ""))

    def accept_unit(self) -> None:
        if self._unit:
            self.field_accepted.emit("handling_unit", self._unit)

    def _focus_list(self, view: QListView) -> None:
        if view.isVisible() and view.model().rowCount():
            view.setFocus()
            if not view.currentIndex().isValid():
                view.setCurrentIndex(view.model().index(0, 0))

    def _on_ticket_activated(self, index: QModelIndex) -> None:
        ticket_id = index.data(TicketIdRole)
        if ticket_id is not None:
            self.open_ticket_requested.emit(int(ticket_id))

    def link_selected(self) -> None:
        index = self.similar_list.currentIndex()
        if not index.isValid() and self.similar_model.rowCount():
            index = self.similar_model.index(0, 0)
        if index.isValid():
            self.link_requested.emit(int(index.data(TicketIdRole)),
                                     str(index.data(Qt.ItemDataRole.DisplayRole)))

    @property
    def categories(self) -> list[CategoryScore]:
        """The category suggestions on screen (the save check reuses them; no model call)."""
        return list(self._categories)

    @property
    def result(self) -> SidebarResult | None:
        return self._result

    # -- display ---------------------------------------------------------------------------

    def _show(self, r: SidebarResult) -> None:
        self._result = r
        s = r.suggestions
        if not r.model_ready:
            self.status.setText(self.tr("分类模型加载中…（紧急识别、来电历史照常可用）"))
        self._show_triage(r)
        self._show_categories(s.categories, r.model_ready)
        self._show_units(r)
        self._show_callers(r)
        self._show_similar(r)
        self._show_knowledge(r)
        self._show_findings(s.findings)
        self.result_shown.emit(r)

    def _show_triage(self, r: SidebarResult) -> None:
        t = r.suggestions.triage
        if t.emergency != self._emergency:
            self.handoff_done.hide()
            if t.emergency:  # a new emergency: 特急 at once; the agent may lower it
                self.field_accepted.emit("urgency", "特急")
        self._emergency = t.emergency
        hotline = t.hotline if t.hotline and not t.emergency else None
        if hotline != self._hotline:
            self.hotline_done.hide()
        self._hotline = hotline
        self._label_handoff_buttons()
        if t.emergency:
            name = self._hotline_name(t.emergency) or t.emergency_kind or ""
            self.emergency_title.setText(
                self.tr("⚠ 紧急：请立即转接 %1 %2").replace("%1", t.emergency).replace("%2", name))
            also = (self.tr("；同时涉及 ") + "、".join(t.also)) if t.also else ""
            self.emergency_reason.setText(self.tr("依据：") + t.reason + also)
            script = t.emergency_script
            say = script.say if script else self._hotline_script(t.emergency)
            do = script.do if script else ""
            self.emergency_script.setText(self._script_html(say, do))
        self.emergency.setVisible(bool(t.emergency))
        if t.hotline and not t.emergency:
            self.hotline_title.setText(
                self.tr("部门热线：可转 %1 %2").replace("%1", t.hotline)
                .replace("%2", t.hotline_name or self._hotline_name(t.hotline)))
            self.hotline_reason.setText(self.tr("依据：") + t.reason)
            script = t.hotline_script
            self.hotline_script.setText(self._script_html(
                script.say if script else self._hotline_script(t.hotline),
                script.do if script else ""))
        self.hotline.setVisible(bool(t.hotline) and not t.emergency)

    def _script_html(self, say: str, do: str) -> str:
        from html import escape

        html = "<b>" + self.tr("话术：") + "</b>" + escape(say)
        if do:
            html += "<br><b>" + self.tr("操作：") + "</b>" + escape(do)
        return html

    def _hotline_name(self, number: str) -> str:
        hotline = self._reference.hotline(number) if self._reference else None
        return hotline.name if hotline else ""

    def _hotline_script(self, number: str) -> str:
        hotline = self._reference.hotline(number) if self._reference else None
        return hotline.script if hotline else ""

    def _show_categories(self, categories: list[CategoryScore], ready: bool) -> None:
        self._categories = categories[:3]
        if not categories:
            self.category_hint.setText(self.tr("输入标题或诉求内容后显示") if ready
                                       else self.tr("模型加载中"))
        self.category_hint.setVisible(not categories)
        for i, (button, reason) in enumerate(zip(self.category_buttons, self.category_reasons,
                                                 strict=True)):
            if i < len(self._categories):
                c = self._categories[i]
                share = f"{c.probability:.0%}" if c.probability >= 0.01 else "<1%"
                if c.path:
                    share = self.tr("紧急")
                button.setText(f"Alt+{i + 1}   {' › '.join((c.label, *c.path))}   {share}")
                button.setToolTip(self.tr("按 Alt+%s 填入一级分类") % (i + 1))
                reason.setText(say(c.reason))
            button.setVisible(i < len(self._categories))
            reason.setVisible(i < len(self._categories))

    def _show_units(self, r: SidebarResult) -> None:
        units = r.suggestions.units
        self._unit = units[0].unit if units else ""
        if units:
            self.unit_button.setText(f"Alt+U   {units[0].unit}")
            self.unit_button.setToolTip(self.tr("按 Alt+U 填入承办单位"))
            self.unit_reason.setText(self._reasons(units[0]))
            others = self.tr("；").join(fill(self.tr("%1（%2）"), u.unit, self._reasons(u).rstrip("。."))
                                       for u in units[1:])
            self.unit_others.setText(self.tr("其他：") + others if others else "")
            self.unit_others.setVisible(bool(others))
        self.unit_group.setVisible(bool(units))

    def _reasons(self, unit: UnitSuggestion) -> str:
        # Sentences one after another: no space between Chinese ones, one between English ones.
        between = "" if QLocale().language() == QLocale.Language.Chinese else " "
        return between.join(say(reason) for reason in unit.reasons)

    def _show_callers(self, r: SidebarResult) -> None:
        callers = r.caller_history
        if r.phone:
            n_open = sum(1 for c in callers if c.open)
            text = (self.tr("来电 %1 此前有 %2 件工单，其中 %3 件未办结（未办结在前）")
                    .replace("%1", mask_phone(r.phone)).replace("%2", str(len(callers)))
                    .replace("%3", str(n_open))) if callers else (
                self.tr("来电 %s 此前没有工单（新来电人）") % mask_phone(r.phone))
            self.caller_summary.setText(text)
        self.caller_model.set_items([self._caller_item(c) for c in callers])
        self._fit(self.caller_list, len(callers))
        self.caller_list.setVisible(bool(callers))
        self.caller_group.setVisible(bool(r.phone))

    def _caller_item(self, c: CallerTicket) -> TicketItem:
        t = c.ticket
        mark = "● " if c.open else "○ "
        if c.confidential:
            title = self.tr("（保密工单）")
            tip = self.tr("保密工单，内容不显示")
        else:
            title = t.title or t.description[:30]
            tip = f"{t.title}\n{t.description[:200]}" + (
                "\n" + self.tr("办理结果：") + t.result if t.result else "")
        text = f"{mark}{_day(t.created_at)} {status_text(t.status)} · {title}"
        if t.category:
            text += f" · {t.category}"
        return TicketItem(text, tip, int(t.id), emphasis=c.open)

    def _show_similar(self, r: SidebarResult) -> None:
        kinds = {"duplicate": self.tr("疑似重复"), "similar": self.tr("相似"),
                 "same_address": self.tr("同地址同类")}
        items = [
            TicketItem(f"{kinds.get(m.kind, m.kind)} {m.score:.0%} · {_day(t.created_at)} "
                       f"{status_text(t.status)} · {t.title}",
                       f"{m.reason}\n{t.title}\n{t.description[:200]}", int(t.id),
                       emphasis=m.kind == "duplicate")
            for m, t in r.similar
        ]
        self.similar_model.set_items(items)
        self._fit(self.similar_list, len(items))
        self.similar_group.setVisible(bool(items))

    def _show_knowledge(self, r: SidebarResult) -> None:
        _clear(self.knowledge_box)
        answers = [*r.suggestions.knowledge, *r.past_answers]
        for a in answers[:5]:
            self.knowledge_box.addWidget(_label(a.title, style="font-weight: bold;"))
            self.knowledge_box.addWidget(_label(a.answer))
            self.knowledge_box.addWidget(_label(self.tr("来源：") + a.source,
                                                style="color: #5d6d7e;"))
        self.knowledge_group.setVisible(bool(answers))

    def _show_findings(self, findings: list[Finding]) -> None:
        _clear(self.quality_box)
        for f in findings:
            where = say(FIELD_LABELS.get(_FINDING_FIELDS.get(f.field, f.field), f.field))
            color = _SEVERITY_COLOR.get(f.severity, "#5d6d7e")
            self.quality_box.addWidget(_label(fill(self.tr("【%1】%2"), where, say(f.message)),
                                              style=f"color: {color};"))
        self.quality_group.setVisible(bool(findings))

    @staticmethod
    def _fit(view: QListView, rows: int) -> None:
        """Show up to six rows without an inner scroll bar for short lists."""
        height = view.sizeHintForRow(0) if rows else 0
        view.setFixedHeight(min(rows, 6) * max(height, 20) + 2 * view.frameWidth() + 4)
