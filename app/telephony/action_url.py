"""Desk-phone events ("Action URL"): an IP phone requests a URL of ours when a call comes in, is
answered, held, transferred or hung up; a small HTTP listener turns each request into a step.

How each vendor is set up (the phone's web page, "Action URL"; variables filled by the phone):

- Yealink (T4x/T5x, Features → Action URL): one URL per event, e.g.
  ``Incoming call: http://SEAT:8790/yealink/incoming?call_id=$call_id&remote=$remote&local=$local``;
  events ``incoming``, ``established``, ``terminated``, ``missed``, ``hold``, ``unhold``,
  ``transfer``; variables ``$call_id``, ``$remote`` (the other party's number), ``$local`` (the line
  or account called), ``$display_remote``, ``$callerID``, ``$calledNumber``.
- Fanvil (X-series, Advanced → Action URL): the same event names and ``$call_id``, ``$remote``,
  ``$local`` variables as Yealink (``Incoming Call``, ``Established``, ``Terminated``, ``Missed``…).
- Grandstream (GXP/GRP, Settings → Action URL): ``Incoming Call``, ``Answered Call``,
  ``Terminated Call``, ``Missed Call``, ``Hold``/``Unhold``, ``Transfer``; variables ``$call_id``,
  ``$remote``, ``$local``, ``$display_remote`` (older firmware names the caller ``$caller``).

The event is the last part of the path (``/incoming``, ``/yealink/established`` …) or the ``event``
parameter. Accepted names: call id ``call_id`` / ``callid`` / ``CallID``; the caller ``remote`` /
``callerID`` / ``caller`` / ``number``; the line ``local`` / ``calledNumber`` / ``called`` / ``line``;
a transfer's target ``target`` / ``transfer_to``. These names are as the vendors' admin guides
give them; no physical phone was tried here.

Calling back (漏接回拨) goes the other way: the seat requests the phone's own dial URL ("Action
URI"), set as ``phone_dial_url`` with ``{number}`` where the number goes, for example:

- Yealink: ``http://PHONE/servlet?key=number={number}`` (the phone must trust the seat's address:
  Features → Remote Control → Action URI Allow IP List; it asks "Allow remote control?" once);
  with a login, ``http://user:password@PHONE/servlet?key=number={number}``.
- Grandstream: ``http://PHONE/cgi-bin/api-make_call?phonenumber={number}&account=0&password=ADMIN``.
- Fanvil: its Action URI page gives the model's form; put it with ``{number}``.
No physical phone was tried here either; the tests stand a small HTTP server in for the phone.

The listener binds 127.0.0.1 by default: a phone on the LAN needs the seat's LAN address in
settings, and then anyone on that network can send events (the optional ``token`` parameter
then must match). A desk phone answers and transfers on its own keys: ``answer``, ``transfer``
and ``hang_up`` do nothing here, and ``available`` cannot refuse a call (the phone rings anyway).
"""

import logging
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.error import HTTPError
from urllib.parse import parse_qs, quote, urlsplit
from urllib.request import ProxyHandler, build_opener

from app.telephony.adapter import CallEvent, CallSink, now
from app.telephony.model import CallState, EndReason

log = logging.getLogger("app.telephony.action_url")

DIAL_TIMEOUT_S = 5
# The phone is on the seat's own network: never through an http_proxy from the environment.
_DIRECT = build_opener(ProxyHandler({}))

_EVENTS: dict[str, CallState] = {
    "incoming": CallState.RINGING, "incoming_call": CallState.RINGING, "ringing": CallState.RINGING,
    "established": CallState.ANSWERED, "call_established": CallState.ANSWERED,
    "answered": CallState.ANSWERED, "answered_call": CallState.ANSWERED, "answer": CallState.ANSWERED,
    "terminated": CallState.ENDED, "call_terminated": CallState.ENDED, "terminated_call": CallState.ENDED,
    "hangup": CallState.ENDED, "missed": CallState.ABANDONED, "missed_call": CallState.ABANDONED,
    "hold": CallState.HELD, "unhold": CallState.ANSWERED, "transfer": CallState.TRANSFERRED,
    "transfer_call": CallState.TRANSFERRED,
}
_CALL_ID = ("call_id", "callid", "CallID")
_CALLER = ("remote", "callerID", "caller", "number")
_LINE = ("local", "calledNumber", "called", "line")
_TARGET = ("target", "transfer_to")


def _first(params: dict[str, list[str]], names: tuple[str, ...]) -> str:
    for name in names:
        for key, values in params.items():
            if key.lower() == name.lower() and values and values[0] and not values[0].startswith("$"):
                return values[0].strip()  # "$remote" left unfilled by the phone counts as absent
    return ""


class ActionUrlAdapter:
    """Desk-phone events over HTTP (app.telephony.adapter.CallAdapter)."""

    def __init__(self, address: tuple[str, int], sink: CallSink, *, token: str = "", dial_url: str = "") -> None:
        self.available = True
        self.transfers = False
        self._dial_url = dial_url.strip()
        self._sink = sink
        self._token = token
        self._answered: dict[str, bool] = {}
        self._lock = threading.Lock()
        adapter = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, text = adapter.handle(self.path)
                body = text.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # some firmware posts the same query

            def log_message(self, format: str, *args: object) -> None:
                pass  # the query holds callers' numbers: never in a log

        self._server = ThreadingHTTPServer(address, Handler)
        self._server.daemon_threads = True
        self.address = (str(self._server.server_address[0]), int(self._server.server_address[1]))
        self._thread = threading.Thread(target=self._server.serve_forever, name="action-url", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=10)
        self._server.server_close()

    def answer(self, call_id: str) -> None:
        """The agent answers on the phone itself."""

    def transfer(self, call_id: str, target: str) -> None:
        """The agent transfers on the phone itself (its transfer event is recorded)."""

    def hang_up(self, call_id: str) -> None:
        """The agent hangs up on the phone itself."""

    def dial(self, number: str) -> bool:
        """Have the phone call ``number`` (its dial URL); False when none is set.

        Raises:
            OSError: the phone did not take the request; the text says so without the URL (it
                holds the number and may hold the phone's password).
        """
        if not self._dial_url or not number:
            return False
        url = self._dial_url.replace("{number}", quote(number, safe="+"))
        try:
            with _DIRECT.open(url, timeout=DIAL_TIMEOUT_S) as answer:
                answer.read()
        except HTTPError as error:
            raise OSError(f"话机拒绝了拨号请求（HTTP {error.code}），请在话机上手动拨打。") from None
        except (OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            raise OSError(f"话机没有响应拨号请求（{type(reason).__name__}），请在话机上手动拨打。") from None
        return True

    def handle(self, path: str) -> tuple[int, str]:
        """Record the event a phone's request describes; (HTTP status, a line for the phone's log)."""
        parts = urlsplit(path)
        params = parse_qs(parts.query, keep_blank_values=True)
        if self._token and _first(params, ("token",)) != self._token:
            return HTTPStatus.FORBIDDEN, "令牌不对，事件未记录。"
        name = (_first(params, ("event",)) or parts.path.rstrip("/").rpartition("/")[2]).lower()
        state = _EVENTS.get(name)
        if state is None:
            return HTTPStatus.BAD_REQUEST, f"未知的话机事件“{name[:40]}”，事件未记录。"
        call_id = _first(params, _CALL_ID)
        if not call_id:
            return HTTPStatus.BAD_REQUEST, "缺少通话编号（call_id），事件未记录。"
        key = f"phone:{call_id}"[:128]
        with self._lock:  # one phone sends its events in order; keep them in order here too
            end_reason: EndReason | None = None
            if state is CallState.ANSWERED:
                self._answered[key] = True
            elif state is CallState.ENDED and not self._answered.pop(key, False):
                state, end_reason = CallState.ABANDONED, EndReason.CALLER_HUNG_UP  # never picked up
            elif state is CallState.ABANDONED:
                self._answered.pop(key, None)
                end_reason = EndReason.NO_ANSWER
            self._sink(CallEvent(call_id=key, state=state, at=now(), caller=_first(params, _CALLER),
                                 line=_first(params, _LINE), end_reason=end_reason,
                                 transfer_to=_first(params, _TARGET)))
        return HTTPStatus.OK, "ok"
