"""Drafts of the ticket form: saved, replaced, discarded, offered back; empty forms are not."""

from app.domain.ticket import TicketInput
from app.seat import Seat
from app.tickets.drafts import discard_draft, pending_drafts, save_draft


def test_draft_is_saved_replaced_and_offered_back(seat: Seat) -> None:
    with seat.store.session() as session, session.begin():
        save_draft(session, form_key="new-1", values=TicketInput(title="夜间施"))
    with seat.store.session() as session, session.begin():
        save_draft(session, form_key="new-1", values=TicketInput(title="夜间施工噪音", caller_phone="138"))
    with seat.store.session() as session:
        (draft,) = pending_drafts(session)
    assert draft.form_key == "new-1"
    assert draft.values == TicketInput(title="夜间施工噪音", caller_phone="138")  # whole, as typed


def test_draft_keeps_text_verbatim_even_when_invalid(seat: Seat) -> None:
    typed = TicketInput(request_type="投诉", caller_phone="１３８", description="  第一行\r\n" + "长" * 6000,
                        anonymous=True, confidential=True)
    with seat.store.session() as session, session.begin():
        save_draft(session, form_key="f", values=typed)
    with seat.store.session() as session:
        assert pending_drafts(session)[0].values == typed


def test_discarded_and_empty_drafts_are_not_offered(seat: Seat) -> None:
    with seat.store.session() as session, session.begin():
        save_draft(session, form_key="a", values=TicketInput(title="路灯"))
        save_draft(session, form_key="b", values=TicketInput())
        save_draft(session, form_key="c", values=TicketInput(channel="微信", urgency="紧急"))
    with seat.store.session() as session:
        assert [d.form_key for d in pending_drafts(session)] == ["a"]
    with seat.store.session() as session, session.begin():
        discard_draft(session, form_key="a")
    with seat.store.session() as session:
        assert pending_drafts(session) == []


def test_several_forms_newest_first_and_edit_drafts_keep_their_ticket(seat: Seat) -> None:
    for key in ("first", "second"):
        with seat.store.session() as session, session.begin():
            save_draft(session, form_key=key, values=TicketInput(title=key),
                       ticket_client_id="c1" if key == "second" else "")
    with seat.store.session() as session:
        drafts = pending_drafts(session)
    assert [(d.form_key, d.ticket_client_id) for d in drafts] == [("second", "c1"), ("first", "")]
