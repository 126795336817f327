"""Hostile input at the edge: bounded bodies, 422s that echo nothing, 500s that log no values.

FastAPI's own 422 echoes each bad value (``input``): a password with a lone surrogate could not
be encoded, the 500 that followed printed the validation error, password included, into the
server log. Here a 422 carries the location and a Chinese message only, and any unexpected
exception is answered 500 and logged as its type and stack frames: never its message, which may
quote the request.
"""

import json
import logging
import traceback
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("server.safety")

# Why a value was refused, in the user's language, by pydantic's error type.
_WORDS: dict[str, str] = {
    "missing": "缺少此项",
    "extra_forbidden": "不认识的字段（不接受多余内容）",
    "string_too_long": "内容过长",
    "string_too_short": "内容过短或为空",
    "too_long": "条目过多",
    "too_short": "条目过少",
    "string_type": "应为文字",
    "string_unicode": "含有无法保存的字符",
    "string_pattern_mismatch": "格式不对",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "finite_number": "应为有限的数",
    "float_type": "应为数",
    "float_parsing": "应为数",
    "bool_type": "应为是或否",
    "bool_parsing": "应为是或否",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "list_type": "应为列表",
    "greater_than": "超出允许范围",
    "greater_than_equal": "超出允许范围",
    "less_than": "超出允许范围",
    "less_than_equal": "超出允许范围",
    "literal_error": "不是允许的取值",
    "enum": "不是允许的取值",
    "date_type": "应为日期",
    "date_parsing": "应为日期，如 2026-03-02",
    "date_from_datetime_parsing": "应为日期，如 2026-03-02",
    "datetime_type": "应为时间",
    "datetime_parsing": "应为时间，如 2026-03-02T09:30:00+08:00",
    "datetime_from_date_parsing": "应为时间，如 2026-03-02T09:30:00+08:00",
    "json_invalid": "不是有效的 JSON",
    "json_type": "应为 JSON",
    "recursion_loop": "嵌套过深",
}


def _plain(part: object) -> str | int:
    """A location part that can always be encoded (a key may hold a lone surrogate)."""
    if isinstance(part, int):
        return part
    text = str(part).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 40 else text[:40] + "…"


def error_message(error: dict[str, Any]) -> str:
    """One pydantic error in Chinese: a message our own validators raised, else by its type."""
    kind = str(error.get("type", ""))
    if kind == "value_error":
        message = str(error.get("msg", ""))
        return message.removeprefix("Value error, ") or "格式不对"
    return _WORDS.get(kind, "格式不对")


def safe_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Validation errors without the values that were refused (no input, no context)."""
    out: list[dict[str, Any]] = []
    for error in errors[:20]:
        if not isinstance(error, dict):
            continue
        loc = [_plain(p) for p in error.get("loc", ())][:8]
        out.append({"loc": loc, "msg": error_message(error), "type": _plain(error.get("type", ""))})
    return out


def where(loc: Sequence[object]) -> str:
    return ".".join(str(p) for p in loc if p not in ("body",)) or "请求"


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    errors = safe_errors(exc.errors() if isinstance(exc, RequestValidationError) else [])
    return JSONResponse(status_code=422, content={"detail": errors})


def _log_exception(scope: Scope, error: BaseException) -> None:
    """The exception's type and where it happened; its message and arguments may hold the
    request's values (a password, a number), so they are never written."""
    stack = traceback.extract_tb(error.__traceback__)
    # Our own frames and the innermost two: where it went wrong, without the framework's depth.
    kept = [f for f in stack[:-2] if "site-packages" not in f.filename] + stack[-2:]
    frames = "".join(traceback.format_list(kept[-20:]))
    log.error("unhandled %s on %s %s\n%s", type(error).__name__, scope.get("method", ""),
              scope.get("path", ""), frames)


def _json_bytes(status: int, detail: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    return headers, body


class EdgeGuard:
    """Pure ASGI middleware: refuses bodies over ``max_body_bytes`` (413) and turns any
    exception that escapes the app into a 500 logged without values (uvicorn would print the
    whole chain, messages included)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    await self._reply(send, 413, self._too_big())
                    return
        received = 0
        started = False

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, bounded_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await self._reply(send, 413, self._too_big())
        except Exception as error:
            _log_exception(scope, error)
            if not started:
                await self._reply(send, 500, "中心服务器出错，这次请求没有生效；请稍后重试。"
                                             "如一直出错，请把出错时间告诉中心的运维人员。")

    def _too_big(self) -> str:
        return str(_BodyTooLarge(self.max_body_bytes).detail)

    @staticmethod
    async def _reply(send: Send, status: int, detail: str) -> None:
        headers, body = _json_bytes(status, detail)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class _BodyTooLarge(HTTPException):
    """Raised while FastAPI reads the body: it passes HTTPExceptions on as they are (413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=f"请求内容过大（上限 {limit // (1024 * 1024)} MB），请分批提交。")


def install(app: FastAPI, *, max_body_bytes: int) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(EdgeGuard, max_body_bytes=max_body_bytes)
