"""/open311/v2: GeoReport v2 in JSON and XML (the format is the path's suffix, as the
specification writes it: services.json, requests/SQ….xml).

Errors answer in the specification's form, a list of {code, description}, with 400 (bad
parameters), 403 (api_key missing, unknown or revoked), 404 (no such service, request, token
or path) and 429 (a key over its rate). Parameters are read by hand, not by FastAPI's models:
a partner's mistake must get the specification's error, never FastAPI's 422 shape.
"""

import json
import logging
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from server.config import ServerSettings
from server.db import Database
from server.open311 import service
from server.open311.models import Open311Key
from server.open311.service import Open311Error
from server.reference.service import current_reference

log = logging.getLogger("server.open311")
PREFIX = "/open311/v2"
router = APIRouter(prefix=PREFIX, include_in_schema=False)
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
MAX_BODY = 64 * 1024
ATTEMPTS = 5
# XML: the element of each item of a list-valued field.
_ITEM_TAGS = {"attributes": "attribute", "values": "value", "endpoints": "endpoint",
              "formats": "format"}
T = TypeVar("T")


def _xml_fill(parent: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for name, item in value.items():
            child = ET.SubElement(parent, name)
            if isinstance(item, list):
                for element in item:
                    _xml_fill(ET.SubElement(child, _ITEM_TAGS.get(name, "item")), element)
            else:
                _xml_fill(child, item)
    elif isinstance(value, bool):
        parent.text = "true" if value else "false"
    elif value is not None:
        parent.text = str(value)


def render(fmt: str, data: Any, root: str, item: str, status: int = 200) -> Response:
    """``data`` as JSON, or as XML under ``root`` (a list: one ``item`` element each)."""
    if fmt != "xml":
        return Response(json.dumps(data, ensure_ascii=False), status_code=status,
                        media_type=FORMATS["json"])
    element = ET.Element(root)
    if isinstance(data, list):
        for entry in data:
            _xml_fill(ET.SubElement(element, item), entry)
    else:
        _xml_fill(element, data)
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(element, encoding="utf-8")
    return Response(body, status_code=status, media_type=FORMATS["xml"])


def error(fmt: str, failure: Open311Error) -> Response:
    return render(fmt, [{"code": failure.status, "description": d} for d in failure.descriptions],
                  "errors", "error", failure.status)


def _split(name: str) -> tuple[str, str]:
    """"SQ2026….json" → ("SQ2026…", "json"); an unknown format is a 400."""
    stem, _, fmt = name.rpartition(".")
    if fmt not in FORMATS or not stem:
        raise Open311Error(400, "请在路径末尾写明格式：.json 或 .xml。")
    return stem, fmt


def _fmt_of(name: str) -> str:
    fmt = name.rpartition(".")[2]
    return fmt if fmt in FORMATS else "json"


def _context(request: Request) -> tuple[Database, ServerSettings]:
    return request.app.state.database, request.app.state.settings


def _key(session: Session, settings: ServerSettings, params: dict[str, str], *,
         required: bool) -> Open311Key | None:
    raw = params.get("api_key", "").strip()
    if not raw:
        if required:
            raise Open311Error(403, "缺少 api_key：提交诉求需要热线中心签发的合作方密钥。")
        return None
    key = service.active_key(session, raw)
    if key is None:
        raise Open311Error(403, "api_key 无效或已停用，请联系热线中心。")
    if not service.take_rate(session, key=key, limit=settings.open311_rate_per_minute,
                             now=service.utc_now()):
        limit = key.rate_per_minute or settings.open311_rate_per_minute
        raise Open311Error(429, f"请求过于频繁：这个密钥每分钟最多{limit}次，请稍后再试。")
    return key


def _write(database: Database, work: Callable[[Session], T]) -> T:
    """A write transaction, run again when a concurrent one won a race (as sync's push)."""
    for attempt in range(ATTEMPTS):
        try:
            with database.write_session() as session, session.begin():
                return work(session)
        except (IntegrityError, OperationalError):
            if attempt == ATTEMPTS - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")


def _checked_key(database: Database, settings: ServerSettings, params: dict[str, str], *,
                 required: bool) -> Open311Key | None:
    """The caller's key, checked and counted against its rate in a transaction of its own: a
    request refused afterwards (a 400) still counts."""
    def work(session: Session) -> Open311Key | None:
        key = _key(session, settings, params, required=required)
        if key is not None:
            session.expunge(key)
        return key

    return _write(database, work)


def _read(request: Request, fmt: str, root: str, item: str,
          work: Callable[[Session, dict[str, str], Open311Key | None], Any]) -> Response:
    """A read in one snapshot; a key is optional (it shows its partner's confidential requests)."""
    database, settings = _context(request)
    params = dict(request.query_params)
    try:
        key = _checked_key(database, settings, params, required=False)
        with database.read_session() as session, session.begin():
            data = work(session, params, key)
    except Open311Error as failure:
        return error(fmt, failure)
    return render(fmt, data, root, item)


@router.get("/discovery.{fmt}")
def discovery(request: Request, fmt: str) -> Response:
    if fmt not in FORMATS:
        return error("json", Open311Error(400, "格式只能是 json 或 xml。"))
    base = str(request.base_url).rstrip("/") + PREFIX
    return render(fmt, service.discovery(base, service.utc_now().date()), "discovery", "")


@router.get("/services.{fmt}")
def services(request: Request, fmt: str) -> Response:
    def work(session: Session, _params: dict[str, str], _key: Open311Key | None) -> Any:
        reference, _ = current_reference(session, _context(request)[0].url)
        return [service.service_dict(s) for s in service.services(reference)]

    if fmt not in FORMATS:
        return error("json", Open311Error(400, "格式只能是 json 或 xml。"))
    return _read(request, fmt, "services", "service", work)


@router.get("/services/{name}")
def service_definition(request: Request, name: str) -> Response:
    try:
        code, fmt = _split(name)
    except Open311Error as failure:
        return error(_fmt_of(name), failure)

    def work(session: Session, _params: dict[str, str], _key: Open311Key | None) -> Any:
        reference, _ = current_reference(session, _context(request)[0].url)
        return service.definition_dict(service.find_service(reference, code), reference)

    return _read(request, fmt, "service_definition", "", work)


@router.get("/requests.{fmt}")
def requests_list(request: Request, fmt: str) -> Response:
    if fmt not in FORMATS:
        return error("json", Open311Error(400, "格式只能是 json 或 xml。"))
    return _read(request, fmt, "service_requests", "request",
                 lambda session, params, key: service.find_requests(
                     session, params=params, key=key, now=service.utc_now()))


@router.get("/requests/{name}")
def request_one(request: Request, name: str) -> Response:
    try:
        request_id, fmt = _split(name)
    except Open311Error as failure:
        return error(_fmt_of(name), failure)
    return _read(request, fmt, "service_requests", "request",
                 lambda session, _params, key: service.get_request(
                     session, request_id=request_id, key=key))


@router.get("/tokens/{name}")
def token(request: Request, name: str) -> Response:
    try:
        token_id, fmt = _split(name)
    except Open311Error as failure:
        return error(_fmt_of(name), failure)
    return _read(request, fmt, "service_requests", "request",
                 lambda session, _params, _key: service.get_token(session, token=token_id))


@router.post("/requests.{fmt}")
async def create_request(request: Request, fmt: str) -> Response:
    if fmt not in FORMATS:
        return error("json", Open311Error(400, "格式只能是 json 或 xml。"))
    body = await request.body()
    if len(body) > MAX_BODY:
        return error(fmt, Open311Error(400, f"请求内容过大（最多{MAX_BODY // 1024}KB）。"))
    content_type = request.headers.get("content-type", "")
    if body and "application/x-www-form-urlencoded" not in content_type:
        return error(fmt, Open311Error(400, "请以 application/x-www-form-urlencoded 表单提交。"))
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return error(fmt, Open311Error(400, "表单须为 UTF-8 编码。"))
    form: dict[str, str] = dict(request.query_params)
    for name, value in pairs:
        form.setdefault(name, value.replace("\x00", ""))
    database, settings = _context(request)

    def work(session: Session, key: Open311Key) -> dict[str, Any]:
        reference, config = current_reference(session, database.url)
        return service.file_request(session, form=form, key=key, reference=reference,
                                    config=config, city_prefix=settings.city_prefix)

    def checked_then_filed() -> dict[str, Any]:
        key = _checked_key(database, settings, form, required=True)
        assert key is not None
        return _write(database, lambda session: work(session, key))

    try:
        answer = await run_in_threadpool(checked_then_filed)
    except Open311Error as failure:
        return error(fmt, failure)
    log.info("open311 request filed service_request_id=%s", answer["service_request_id"])
    return render(fmt, [answer], "service_requests", "request")


@router.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
def not_found(rest: str) -> Response:
    return error(_fmt_of(rest), Open311Error(404, f"没有这个接口：{PREFIX}/{rest[:80]}"))
