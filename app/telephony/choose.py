"""The adapter the seat's settings choose (``telephony``: "", "sip" or "action_url")."""

from app.settings import Settings
from app.telephony.adapter import CallAdapter, CallSink

ADAPTERS = ("", "sip", "action_url")


def adapter_for(settings: Settings, sink: CallSink, *, answer_after: float | None = None) -> CallAdapter | None:
    """The configured adapter, not started yet; None when the seat takes no calls through one.

    Raises:
        ValueError: an unknown adapter or a malformed address; the text says what to fix.
    """
    # Imported when chosen: a seat without calls loads no SIP stack (and no HTTP listener).
    from app.telephony.action_url import ActionUrlAdapter
    from app.telephony.sip import SipAdapter, parse_address

    kind = settings.telephony.strip().lower()
    if kind == "sip":
        proxy = parse_address(settings.sip_proxy) if settings.sip_proxy.strip() else None
        return SipAdapter(parse_address(settings.sip_address), sink, answer_after=answer_after, proxy=proxy,
                          extension=settings.extension)
    if kind == "action_url":
        return ActionUrlAdapter(parse_address(settings.action_url_address), sink, token=settings.action_url_token,
                                dial_url=settings.phone_dial_url)
    if kind:
        raise ValueError(f"来电接入方式“{settings.telephony}”不认识：请填 sip、action_url 或留空。")
    return None
