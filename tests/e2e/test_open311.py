"""Open311 GeoReport v2 at /open311/v2 on the real server (SQLite and PostgreSQL), driven by two
independent clients from PyPI: ``georeport`` (reads) and ``civicbot`` (reads and writes,
checking its form against our service definition).
"""

import uuid
import xml.etree.ElementTree as ET
from typing import Any

import pytest
import requests
from civicbot.http import HttpError, HttpTransport, RateLimiter
from civicbot.open311 import Open311Client, ValidationError
from civicbot.registry import Endpoint
from e2e_support import PASSWORD
from georeport import GeoReport
from lifecycle_support import mutation

from server.testing import ServerProcess

PHONE = "13812345678"
CALLER = "张三"


def base(server: ServerProcess) -> str:
    return f"{server.url}/open311/v2"


def civicbot(server: ServerProcess) -> Open311Client:
    endpoint = Endpoint(id="hotline-desk", name="12345", base_url=base(server), write=True)
    # civicbot waits 0.5 s between calls to one host by default (politeness to real cities).
    return Open311Client(endpoint, HttpTransport(rate_limiter=RateLimiter(min_interval=0)))


def code_of(server: ServerProcess, name: str) -> str:
    return next(s["service_code"] for s in GeoReport(base(server)).get_service_list()
                if s["service_name"] == name)


@pytest.fixture(scope="module")
def key(server: ServerProcess) -> str:
    return server.open311_key(f"市民通-{uuid.uuid4().hex[:6]}", channel="App")


def file(server: ServerProcess, key: str, **fields: Any) -> requests.Response:
    form = {"api_key": key, "service_code": code_of(server, "路灯"),
            "address_string": "梁园区平原街道凯旋路12号", "description": "凯旋路路灯不亮三天了",
            "attribute[request_type]": "complaint", **fields}
    return requests.post(f"{base(server)}/requests.json", data=form, timeout=10)


def test_services_are_the_category_tree_for_both_clients(server: ServerProcess) -> None:
    services = GeoReport(base(server)).get_service_list()
    # A service per level-3 category; a level-2 category without level 3 is one too.
    assert sorted(s["service_name"] for s in services) == ["井盖", "噪音", "拖欠工资", "消费维权", "路灯"]
    lamp = next(s for s in services if s["service_name"] == "路灯")
    assert lamp["group"] == "城乡建设" and lamp["metadata"] is True
    as_xml = GeoReport(base(server), output_format="xml").get_service_list()
    assert {s["service_code"] for s in as_xml} == {s["service_code"] for s in services}
    assert civicbot(server).list_services() == services

    definition = GeoReport(base(server)).get_service_definition(lamp["service_code"])
    codes = {a["code"]: a for a in definition["attributes"]}
    assert codes["request_type"]["required"] is True
    assert {"key": "complaint", "name": "投诉"} in codes["request_type"]["values"]
    assert {v["key"] for v in codes["district"]["values"]} == {"梁园区", "睢阳区"}
    xml_definition = GeoReport(base(server), output_format="xml").get_service_definition(
        lamp["service_code"])
    assert xml_definition["service_code"] == lamp["service_code"]


def test_civicbot_files_with_a_key_and_both_clients_read_it_back(server: ServerProcess, key: str) -> None:
    client = civicbot(server)
    code = code_of(server, "路灯")
    with pytest.raises(ValidationError, match="request_type"):  # checked against our definition
        client.create_request(code, dry_run=False, confirm="SEND", api_key=key, validate_remote=True,
                              address_string="凯旋路12号", description="路灯不亮")
    sent = client.create_request(
        code, dry_run=False, confirm="SEND", api_key=key, validate_remote=True,
        address_string="梁园区平原街道凯旋路12号", description="凯旋路路灯不亮三天了，晚上很黑",
        attributes={"request_type": "complaint"}, phone=PHONE, first_name="三", last_name="张")
    (answer,) = sent.response
    number = answer["service_request_id"]
    assert number.startswith("SQ") and answer["token"]
    assert client.get_token(answer["token"]) == [{"service_request_id": number, "token": answer["token"]}]

    read = client.get_request(number)
    assert read is not None
    assert read["status"] == "open" and read["service_name"] == "路灯"
    assert read["address"] == "梁园区平原街道凯旋路12号" and read["expected_datetime"]
    one = GeoReport(base(server)).get_service_request(number)
    assert one["service_request_id"] == number
    listed = GeoReport(base(server)).get_service_requests(status="open", service_code=code)
    assert number in [r["service_request_id"] for r in listed]
    as_xml = GeoReport(base(server), output_format="xml").get_service_request(number)
    assert as_xml["status"] == "open"
    for text in (requests.get(f"{base(server)}/requests/{number}.json", timeout=10).text,
                 requests.get(f"{base(server)}/requests.xml", timeout=10).text):
        assert PHONE not in text and PHONE[-4:] not in text and CALLER not in text

    # At the center it is a ticket like a seat's: taken on the App channel, the partner recorded.
    token = server.login("dispatcher", PASSWORD)
    (ticket,) = server.get("/tickets", token, official_no=number).json()["items"]
    assert ticket["channel"] == "App" and ticket["request_type"] == "投诉"
    assert ticket["district"] == "梁园区"  # found in the address
    assert ticket["created_by"].startswith("市民通") and ticket["caller_phone"] == "138****5678"


def test_a_bad_or_revoked_key_is_refused_with_403(server: ServerProcess) -> None:
    client = civicbot(server)
    code = code_of(server, "路灯")
    with pytest.raises(HttpError) as refused:
        client.create_request(code, dry_run=False, confirm="SEND", api_key="o311_not-a-key",
                              address_string="凯旋路12号", description="路灯不亮",
                              attributes={"request_type": "complaint"})
    assert refused.value.status == 403
    assert "api_key" in refused.value.body and '"code": 403' in refused.value.body
    missing = requests.post(f"{base(server)}/requests.json", timeout=10,
                            data={"service_code": code, "address_string": "x", "description": "y"})
    assert missing.status_code == 403 and missing.json()[0]["code"] == 403

    partner = f"旧合作方-{uuid.uuid4().hex[:6]}"
    old = server.open311_key(partner, channel="网站")
    assert file(server, old).status_code == 200
    server.open311_key(partner, revoke=True)
    after = file(server, old)
    assert after.status_code == 403 and "停用" in after.json()[0]["description"]


def test_the_request_follows_the_ticket_through_its_lifecycle(server: ServerProcess, key: str) -> None:
    number = file(server, key).json()[0]["service_request_id"]
    dispatcher = server.login("dispatcher", PASSWORD)
    unit = server.login("unit_a", PASSWORD)
    (ticket,) = server.get("/tickets", dispatcher, official_no=number).json()["items"]

    def push(token: str, kind: str, version: int, payload: dict[str, Any]) -> None:
        answer = requests.post(f"{server.url}/api/v1/sync/push", timeout=10,
                               headers={"Authorization": f"Bearer {token}"},
                               json={"mutations": [mutation(ticket["client_id"], kind, version, payload)]})
        assert answer.json()["answers"][0]["status"] == "applied", answer.text

    def read() -> dict[str, Any]:
        found: dict[str, Any] = GeoReport(base(server)).get_service_request(number)
        return found

    assert read()["status_notes"] == "已受理，正在派单。"
    push(dispatcher, "派单", ticket["version"], {"units": ["市城管局"]})
    assert read()["status_notes"] == "已派至市城管局办理。"
    assert read()["agency_responsible"] == "市城管局"
    push(unit, "签收", ticket["version"] + 1, {})
    assert read()["status"] == "open"
    push(unit, "办结", ticket["version"] + 2, {"result": "已更换灯泡，路灯恢复照明。", "solved": "解决"})
    done = read()
    assert done["status"] == "closed" and done["expected_datetime"] is None
    assert done["status_notes"] == "已办结：已更换灯泡，路灯恢复照明。"
    closed = GeoReport(base(server)).get_service_requests(status="closed")
    assert number in [r["service_request_id"] for r in closed]
    still_open = GeoReport(base(server)).get_service_requests(status="open")
    assert number not in [r["service_request_id"] for r in still_open]


@pytest.mark.parametrize(("fields", "status", "words"), [
    ({"address_string": ""}, 400, "位置"),
    ({"lat": "34.41"}, 400, "lat 和 long"),
    ({"lat": "north", "long": "115.6"}, 400, "数字"),
    ({"attribute[request_type]": "shout"}, 400, "request_type"),
    ({"attribute[request_type]": ""}, 400, "request_type"),
    ({"description": ""}, 400, "description：请填写诉求内容"),
    ({"phone": "12"}, 400, "phone：手机号码应为11位"),
    ({"service_code": "c-none"}, 404, "服务代码"),
])
def test_bad_input_gets_the_specifications_error_list(
        server: ServerProcess, key: str, fields: dict[str, str], status: int, words: str) -> None:
    answer = file(server, key, **fields)
    assert answer.status_code == status, answer.text
    errors = answer.json()
    assert {e["code"] for e in errors} == {status}
    assert words in " ".join(e["description"] for e in errors)


def test_errors_in_xml_and_unknown_paths(server: ServerProcess, key: str) -> None:
    answer = requests.post(f"{base(server)}/requests.xml", timeout=10,
                           data={"api_key": key, "service_code": code_of(server, "路灯")})
    assert answer.status_code == 400
    error = ET.fromstring(answer.content).find("error")
    assert error is not None and error.findtext("code") == "400" and error.findtext("description")
    for path, status in (("/requests/SQ00000000000000.json", 404), ("/tokens/nope.xml", 404),
                         ("/services/c-none.json", 404), ("/services.csv", 400),
                         ("/requests.json?start_date=yesterday", 400),
                         ("/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400),
                         ("/requests.json?status=pending", 400), ("/nothing/here", 404)):
        got = requests.get(base(server) + path, timeout=10)
        assert got.status_code == status, (path, got.text)
        if ".xml" in path:
            assert ET.fromstring(got.content).findtext("error/code") == str(status)
        else:
            assert got.json()[0]["code"] == status
    discovery = requests.get(f"{base(server)}/discovery.xml", timeout=10)
    assert ET.fromstring(discovery.content).findtext("endpoints/endpoint/url") == base(server)


def test_a_report_is_shown_only_to_the_partner_that_filed_it(server: ServerProcess, key: str) -> None:
    answer = file(server, key, **{"attribute[request_type]": "report",
                                  "description": "某饭店夜间向河道排放污水"})
    number = answer.json()[0]["service_request_id"]
    public = requests.get(f"{base(server)}/requests/{number}.json", timeout=10)
    assert public.status_code == 404
    listed = requests.get(f"{base(server)}/requests.json", timeout=10).json()
    assert number not in [r["service_request_id"] for r in listed]
    other = server.open311_key(f"另一合作方-{uuid.uuid4().hex[:6]}")
    assert requests.get(f"{base(server)}/requests/{number}.json", params={"api_key": other},
                        timeout=10).status_code == 404
    own = requests.get(f"{base(server)}/requests/{number}.json", params={"api_key": key}, timeout=10)
    assert own.status_code == 200 and own.json()[0]["description"] == "某饭店夜间向河道排放污水"


def test_each_key_is_rate_limited_on_its_own(server: ServerProcess) -> None:
    busy = server.open311_key(f"频繁-{uuid.uuid4().hex[:6]}", rate_per_minute=5)
    calm = server.open311_key(f"平稳-{uuid.uuid4().hex[:6]}", rate_per_minute=5)
    session = requests.Session()
    statuses = []
    for _ in range(11):  # 5 a minute: a minute's turn during the loop gives at most 10
        got = session.get(f"{base(server)}/requests.json", params={"api_key": busy}, timeout=10)
        statuses.append(got.status_code)
        if got.status_code == 429:
            assert "每分钟最多5次" in got.json()[0]["description"]
            break
    assert statuses[-1] == 429 and statuses.count(200) >= 5
    assert session.get(f"{base(server)}/requests.json", params={"api_key": calm},
                       timeout=10).status_code == 200
