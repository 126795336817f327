"""The seat's use cases in one place, between the windows and the store (Anki's ``Collection``).

The desk owns the sessions and the transactions: each method is one unit of work that commits
or leaves nothing behind, and returns plain values (``app.desk.views``) rather than rows bound
to a session. Windows call it and know nothing of the schema. Every method may run on a worker
thread; none keeps state between calls other than the seat's settings, rules and identity.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin import reference as admin_reference
from app.admin.client import ReferenceChange
from app.admin.reference import HolidayRow, UnitRow
from app.analysis.corpus import Progress
from app.analysis.hotspots import analyze
from app.analysis.model import HotspotReport
from app.assistant.store_source import SidebarEngine
from app.desk.calls import CallDesk
from app.desk.errors import MergeTargetMissing, NumberAtCenter, TicketMissing
from app.desk.queue import QueueReader
from app.desk.views import (
    ActionDefaults,
    EditableTicket,
    SavedTicket,
    TicketDetail,
    TicketView,
    TimelineEntry,
)
from app.domain.deadline import DeadlineClock
from app.domain.handoff import Handoff
from app.domain.lifecycle import Action
from app.domain.phone import is_masked, mask_phone
from app.domain.roles import has_capture_form
from app.domain.ticket import TicketInput, validate_ticket
from app.messages import Message
from app.reference import ReferenceData
from app.reports.dashboard import build_dashboard
from app.reports.data import Dashboard, ReportOptions
from app.reports.period import Period
from app.reports.sample import insert_rows, seed_week_rows
from app.seat import Seat, open_seat, reload_reference
from app.settings import Settings, save_settings
from app.store.keys import PassphrasePrompt
from app.store.models import SyncConflict, Ticket
from app.store.upkeep import StoreUpkeep
from app.sync.center_calls import Revealed, reveal_from_center
from app.sync.client import ApiClient
from app.sync.engine import SyncCounts, SyncEngine, counts, get_state
from app.sync.errors import ApiError, SyncError
from app.sync.identity import Identity, remember_identity, restore_identity
from app.sync.review import ConflictView, conflicts, dismiss_rejections, marked_tickets, rejections
from app.telephony.calls import find_call
from app.telephony.calls import link_ticket as link_call
from app.tickets import lifecycle
from app.tickets.demo import DEMO_COUNT, insert_demo_tickets
from app.tickets.drafts import SavedDraft, discard_draft, pending_drafts, save_draft
from app.tickets.exporter import export_queue
from app.tickets.handoff import record_handoffs
from app.tickets.importer import ImportReport, import_file
from app.tickets.links import link_tickets
from app.tickets.queue import QueueFilter, QueueSort, UnitCount, describe_filter
from app.tickets.queues import RoleView, role_views
from app.tickets.service import (
    DEMO_KIND,
    LOCAL_TZ,
    Actor,
    TicketContext,
    checkable,
    create_ticket,
    get_by_client_id,
    get_by_number,
    ticket_to_input,
    timeline,
    update_ticket,
    utc_now,
)

# The lifecycle function of each action, called with the dialog's parameters as keywords.
_PERFORM: dict[Action, Callable[..., Ticket]] = {
    Action.DISPATCH: lifecycle.dispatch, Action.SIGN: lifecycle.sign, Action.START: lifecycle.start,
    Action.RETURN: lifecycle.return_ticket, Action.REQUEST_EXTENSION: lifecycle.request_extension,
    Action.DECIDE_EXTENSION: lifecycle.decide_extension, Action.COMPLETE: lifecycle.complete,
    Action.CALLBACK: lifecycle.callback, Action.REOPEN: lifecycle.reopen,
    Action.ESCALATE: lifecycle.escalate, Action.MERGE: lifecycle.merge, Action.ARCHIVE: lifecycle.archive,
}


def open_desk(data_dir: Path, *, prompt: PassphrasePrompt | None = None,
              background_checkpoints: bool = False) -> "Desk":
    """Open (and migrate) the seat's encrypted store in ``data_dir``; see ``app.seat.open_seat``.

    Raises:
        StoreKeyError: the store could not be unlocked; its text says what to do.
    """
    return Desk(open_seat(data_dir, prompt=prompt, background_checkpoints=background_checkpoints))


class Desk:
    """One seat's work: capture, tickets and their lifecycle, the queue, reports, sync, admin."""

    def __init__(self, seat: Seat) -> None:
        self.seat = seat
        self._store = seat.store
        self.calls = CallDesk(seat)  # calls at the seat: adapter, agent state, screen pop

    def close(self) -> None:
        self.calls.stop()
        self.seat.close()

    # -- the seat ------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.seat.settings

    @property
    def reference(self) -> ReferenceData:
        return self.seat.context.reference

    @property
    def actor(self) -> Actor:
        return self.seat.context.actor

    @property
    def context(self) -> TicketContext:
        return self.seat.context

    @property
    def data_dir(self) -> Path:
        return self.seat.data_dir

    @property
    def store_path(self) -> Path:
        return self._store.path

    def today(self) -> date:
        """Today in the seat's city."""
        return datetime.now(LOCAL_TZ).date()

    def deadline_clock(self) -> DeadlineClock:
        """The deadline rule today, on the seat's work calendar."""
        return DeadlineClock(self.today(), self.reference.calendar)

    def save_settings(self, settings: Settings) -> None:
        """Keep ``settings`` in the data directory and work by them from now on."""
        save_settings(self.seat.data_dir, settings)
        self.seat.settings = settings
        actor = self.seat.context.actor  # a new seat number or name applies to the next save
        actor = replace(actor, seat=settings.seat_id,
                        agent=settings.agent_name if actor.role is None else actor.agent)
        self.seat.context = replace(self.seat.context, settings=settings, actor=actor)

    def reload_reference(self) -> ReferenceData:
        """Rebuild the rules from the reference data the center sent last (after a pull)."""
        reload_reference(self.seat)
        return self.reference

    def unit_names(self) -> list[str]:
        """The units a ticket may go to: the center's list once a sync brought it."""
        return self.reference.unit_names()

    # -- capture -------------------------------------------------------------------------------

    def validate(self, values: TicketInput, *, kept_phone: str = "") -> dict[str, Message]:
        """What to fix in ``values`` before it can be saved, field by field (empty: nothing).
        ``kept_phone``: the masked number of the ticket being edited (EditableTicket)."""
        return validate_ticket(checkable(values, kept_phone), self.reference,
                               default_area_code=self.settings.default_area_code).errors

    def save_ticket(self, values: TicketInput, *, form_key: str, client_id: str = "",
                    links: Mapping[int, str] | None = None,
                    handoffs: Sequence[Handoff] = (), call_id: str = "") -> SavedTicket:
        """Capture a new ticket (or save the edits of ``client_id``), link it to earlier tickets
        (store id → why), record the hand-offs on its timeline, link it to the call ``call_id``
        it was taken in and discard the form's draft, all in one transaction: afterwards either
        the ticket or the draft exists, never neither. A new ticket taken in an answered call is
        accepted when the call was answered (its clock, day and number start then), however long
        the agent took to save it; any number of tickets may be taken in one call.
        Raises ``TicketValidationError``."""
        context = self.seat.context
        with self._store.session() as session, session.begin():
            ticket = get_by_client_id(session, client_id) if client_id else None
            call = find_call(session, call_id) if call_id else None
            if ticket is None:
                ticket = create_ticket(session, data=values, context=context,
                                       created_at=call.answered_at if call is not None else None)
            else:
                update_ticket(session, ticket=ticket, data=values, context=context)
            if links:
                link_tickets(session, ticket=ticket, related=links, actor=context.actor)
            if handoffs:
                record_handoffs(session, ticket=ticket, handoffs=handoffs, actor=context.actor)
            if call is not None:
                link_call(session, call_id=call.call_id, ticket_client_id=ticket.client_id, at=utc_now())
            discard_draft(session, form_key=form_key)
            return SavedTicket(ticket.id, ticket.local_no, mask_phone(ticket.caller_phone))

    def save_draft(self, values: TicketInput, *, form_key: str, client_id: str = "") -> None:
        with self._store.session() as session, session.begin():
            save_draft(session, form_key=form_key, values=values, ticket_client_id=client_id)

    def discard_draft(self, form_key: str) -> None:
        with self._store.session() as session, session.begin():
            discard_draft(session, form_key=form_key)

    def pending_drafts(self) -> list[SavedDraft]:
        """Drafts an earlier run left unsaved, newest first."""
        with self._store.session() as session:
            return pending_drafts(session)

    def editable_ticket(self, ticket_id: int) -> EditableTicket:
        with self._store.session() as session:
            ticket = self._ticket(session, ticket_id)
            values = ticket_to_input(ticket)
            if is_masked(ticket.caller_phone):  # never loaded as the number: it is not one
                return EditableTicket(ticket.client_id, ticket.local_no,
                                      replace(values, caller_phone=""), kept_phone=ticket.caller_phone)
            return EditableTicket(ticket.client_id, ticket.local_no, values)

    def kept_phone(self, client_id: str) -> str:
        """The masked number of ticket ``client_id`` when the seat has only that ("" otherwise)."""
        with self._store.session() as session:
            ticket = get_by_client_id(session, client_id)
            return ticket.caller_phone if ticket is not None and is_masked(ticket.caller_phone) else ""

    def has_tickets(self) -> bool:
        with self._store.session() as session:  # one row is enough to know (a count is not)
            return session.scalar(select(Ticket.id).limit(1)) is not None

    # -- one ticket ----------------------------------------------------------------------------

    @staticmethod
    def _ticket(session: Session, ticket_id: int) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise TicketMissing(ticket_id)
        return ticket

    def ticket(self, ticket_id: int) -> TicketDetail:
        """The ticket, its timeline, what the center said about it and what the user may do."""
        context = self.seat.context
        with self._store.session() as session:
            ticket = self._ticket(session, ticket_id)
            events = tuple(TimelineEntry.of(e) for e in timeline(session, ticket_id))
            sent_back = tuple(rejections(session, ticket.client_id))
            in_conflict = session.scalar(select(SyncConflict.id).where(
                SyncConflict.ticket_client_id == ticket.client_id)) is not None
            return TicketDetail(
                ticket=TicketView.of(ticket), timeline=events,
                deadline=lifecycle.deadline_info(ticket, clock=self.deadline_clock()),
                rejections=sent_back, in_conflict=in_conflict,
                actions=tuple(lifecycle.available_actions(ticket, context)),
                may_reveal=lifecycle.may_reveal(ticket, context),
                signed_in=context.actor.role is not None,
                defaults=ActionDefaults(
                    dispatch_deadline=lifecycle.default_dispatch_deadline(ticket, context),
                    extension_deadline=lifecycle.default_extension_deadline(ticket, context)),
                demo=any(e.kind == DEMO_KIND for e in events),
                editable=has_capture_form(context.actor.role),
            )

    def take_action(self, ticket_id: int, action: Action, params: Mapping[str, Any]) -> list[str]:
        """Take ``action`` with the dialog's ``params`` in one transaction. Returns the rules'
        refusals (nothing is written then); empty when it was taken. A merge names the ticket
        to keep by its number (``main_no``). Raises TicketMissing, MergeTargetMissing."""
        context = self.seat.context
        arguments = dict(params)
        with self._store.session() as session, session.begin():
            ticket = self._ticket(session, ticket_id)
            if action is Action.MERGE:
                number = str(arguments.pop("main_no", ""))
                main = get_by_number(session, number)
                if main is None or main.id == ticket.id:
                    raise MergeTargetMissing(number)
                arguments["main"] = main
            try:
                _PERFORM[action](session, ticket=ticket, context=context, **arguments)
            except lifecycle.LifecycleError as error:
                session.rollback()
                return list(error.errors)
        return []

    def reveal(self, ticket_id: int, reason: str, *, center: ApiClient | None = None) -> Revealed:
        """The caller's full number, audited. Asked of the center when the ticket is there and
        ``center`` is given (the center audits; its refusal, an ``ApiError``, is final). Else,
        or when the center cannot be reached, from this seat's store, with an audit report
        queued for the center. Raises NumberAtCenter when only the center has the number."""
        with self._store.session() as session:
            ticket = self._ticket(session, ticket_id)
            official_no = ticket.official_no
        unreachable: Exception | None = None
        if official_no and center is not None:
            try:
                return reveal_from_center(center, official_no=official_no, reason=reason)
            except ApiError:
                raise
            except SyncError as error:  # offline, signed out: the seat may still have it
                unreachable = error
        with self._store.session() as session, session.begin():
            ticket = self._ticket(session, ticket_id)
            if is_masked(ticket.caller_phone):  # the center sent it masked
                raise NumberAtCenter(unreachable)
            lifecycle.record_reveal(session, ticket=ticket, reason=reason, context=self.seat.context)
            return Revealed(ticket.caller_phone, ticket.caller_name)

    # -- the queue -----------------------------------------------------------------------------

    def queue_reader(self) -> QueueReader:
        """A reader of queue pages and rows on its own connection; the caller closes it."""
        return QueueReader(self._store)

    def count_queues(self, filters: Sequence[QueueFilter]) -> list[int]:
        reader = self.queue_reader()
        try:
            return [reader.count(f) for f in filters]
        finally:
            reader.close()

    def count_by_unit(self, flt: QueueFilter) -> list[UnitCount]:
        """The tickets of ``flt`` per 主办 unit, with how many are overdue (most first)."""
        reader = self.queue_reader()
        try:
            return reader.count_by_unit(flt)
        finally:
            reader.close()

    def role_views(self, identity: Identity | None) -> list[RoleView]:
        """The work queues (or, for the admin, the set-up views) of the signed-in role."""
        if identity is None:
            return []
        return role_views(identity.role, username=identity.username, unit=identity.unit,
                          today=self.today(), calendar=self.reference.calendar,
                          here=(self.settings.seat_id, self.settings.agent_name))

    def sync_marks(self) -> tuple[set[int], set[int]]:
        """Ids of the tickets the center sent back, and of those in conflict."""
        with self._store.session() as session:
            return marked_tickets(session)

    def export_queue(self, path: Path, flt: QueueFilter, sort: QueueSort) -> int:
        """Write the queue to ``path`` (.xlsx or .csv) and queue the export's audit report;
        returns how many tickets went into the file."""
        connection = self._store.raw_connection()
        try:
            summary = export_queue(connection, path, flt, sort)
        finally:
            connection.close()
        with self._store.session() as session, session.begin():
            lifecycle.record_export(session, rows=summary.rows, file_format=path.suffix.lstrip(".").lower(),
                                    description=describe_filter(flt), context=self.seat.context,
                                    confidential_rows=summary.confidential)
        return summary.rows

    def import_file(self, path: Path, *, progress: Callable[[int], None] | None = None) -> ImportReport:
        """``progress(rows done)`` after each batch; it may raise ImportCancelled to stop."""
        return import_file(self._store, path, self.seat.context, progress)

    def insert_demo(self, count: int = DEMO_COUNT) -> int:
        return insert_demo_tickets(self._store, self.seat.context, count)

    # -- reports -------------------------------------------------------------------------------

    def dashboard(self, period: Period, *, options: ReportOptions, as_of: date) -> Dashboard:
        with self._store.engine.connect() as connection:
            return build_dashboard(connection, period, options=options, as_of=as_of)

    def hotspots(self, period: Period, *, as_of: date, progress: Progress | None = None) -> HotspotReport:
        """The period's hot issues, warnings and repeat callers (``progress(stage, done, total)``)."""
        with self._store.engine.connect() as connection:
            return analyze(connection, period, as_of=as_of, progress=progress)

    def fill_sample_week(self) -> bool:
        """Load the seed's week (8–14 January 2024) into an empty store, to try the reports."""
        with self._store.engine.begin() as connection:
            if connection.exec_driver_sql("SELECT COUNT(*) FROM tickets").scalar_one():
                return False
            insert_rows(connection, seed_week_rows())
        return True

    # -- sync ----------------------------------------------------------------------------------

    def sync_engine(self, api: ApiClient) -> SyncEngine:
        return SyncEngine(self._store, api)

    def sync_counts(self) -> tuple[SyncCounts, datetime | None]:
        """Changes waiting for the center, conflicts, open rejections; and the last good round
        (naive UTC)."""
        with self._store.session() as session:
            now = counts(session)
            last = get_state(session, "last_sync_at")
        return now, datetime.fromisoformat(last).astimezone(UTC).replace(tzinfo=None) if last else None

    def conflicts(self) -> list[ConflictView]:
        with self._store.session() as session:
            return conflicts(session)

    def dismiss_rejections(self, client_id: str) -> None:
        with self._store.session() as session, session.begin():
            dismiss_rejections(session, client_id)

    def restore_identity(self) -> Identity | None:
        """Who was signed in at this seat last (offline first: it holds until a logout)."""
        return restore_identity(self.seat)

    def remember_identity(self, identity: Identity | None) -> None:
        remember_identity(self.seat, identity)

    # -- the assistant and the store's upkeep --------------------------------------------------

    def sidebar_engine(self) -> SidebarEngine:
        return SidebarEngine.for_store(self._store, self.seat.data_dir,
                                       default_area_code=self.settings.default_area_code)

    def upkeep(self) -> StoreUpkeep | None:
        """The background upkeep this store needs (None: its saves checkpoint by themselves)."""
        return StoreUpkeep(self._store) if self._store.background_checkpoints else None

    # -- admin ---------------------------------------------------------------------------------

    def mirrored_units(self) -> list[UnitRow]:
        with self._store.session() as session:
            return admin_reference.units(session)

    def mirrored_categories(self) -> list[tuple[str, ...]]:
        with self._store.session() as session:
            return admin_reference.categories(session)

    def mirrored_holidays(self) -> list[HolidayRow]:
        with self._store.session() as session:
            return admin_reference.holidays(session)

    def removed_category(self, path: tuple[str, ...]) -> list[ReferenceChange]:
        with self._store.session() as session:
            return admin_reference.removed_category(session, path)

    def remember_reference(self, changes: list[ReferenceChange]) -> None:
        """What the center confirmed of an admin's change, kept here until the next pull."""
        with self._store.session() as session, session.begin():
            admin_reference.remember(session, changes)
