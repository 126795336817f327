"""Transport: the center serves https with its own certificate options, answers with security
headers and no banner; a seat sends nothing over plain http to another machine unless told.

Real server subprocesses on SQLite (headers and TLS do not depend on the database engine).
"""

import datetime
import ipaddress
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from pytestqt.qtbot import QtBot

from app.desk import Desk
from app.domain.roles import Role
from app.seat import open_seat
from app.settings import Settings, save_settings
from app.sync.client import ApiClient, RetryPolicy
from app.sync.errors import InsecureTransport, ServerUnavailable
from app.sync.transport import check_transport, is_loopback_host
from server.testing import ServerProcess, add_users
from ui.sync_controller import SyncController

PASSWORD = "transport-长城-2026"


def write_certificate(directory: Path, *, name: str = "server") -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost (it is its own CA)."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hotline-test-center")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / f"{name}.crt", directory / f"{name}.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def own_lan_address() -> str | None:
    """An address of this machine that is not loopback, or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 9))  # no packet is sent: only a route is chosen
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if is_loopback_host(address) else address


@pytest.fixture(scope="module")
def tls_center(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    directory = tmp_path_factory.mktemp("tls-center")
    cert, key = write_certificate(directory)
    process = ServerProcess(directory / "data", serve_args=["--ssl-certfile", str(cert), "--ssl-keyfile", str(key)],
                            tls_ca=cert)
    try:
        process.start()
        add_users(f"sqlite:///{directory / 'data' / 'hotline-server.sqlite3'}", [("agent1", Role.AGENT, "")], PASSWORD)
        yield process
    finally:
        process.stop()


def test_serve_speaks_https_with_its_certificate(tls_center: ServerProcess) -> None:
    assert tls_center.url.startswith("https://")
    api = ApiClient(tls_center.url, ca_bundle=str(tls_center.tls_ca), retry=RetryPolicy(attempts=0))
    assert api.login("agent1", PASSWORD).username == "agent1"
    # Without the unit's CA the seat refuses the certificate, and says what to do.
    stranger = ApiClient(tls_center.url, retry=RetryPolicy(attempts=0))
    with pytest.raises(ServerUnavailable, match="证书"):
        stranger.login("agent1", PASSWORD)
    # The port speaks nothing but TLS.
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(tls_center.url.replace("https://", "http://") + "/api/v1/health", timeout=5)


def test_answers_carry_security_headers_and_no_banner(tls_center: ServerProcess) -> None:
    verify = str(tls_center.tls_ca)
    base = f"{tls_center.url}/api/v1"
    login = requests.post(f"{base}/auth/login", json={"username": "agent1", "password": PASSWORD},
                          verify=verify, timeout=30)
    token = login.json()["token"]
    refused = requests.post(f"{base}/auth/login", json={"username": "agent1", "password": "wrong-one"},
                            verify=verify, timeout=30)
    reveal = requests.post(f"{base}/tickets/1/reveal", json={"reason": "回访需要"}, verify=verify, timeout=30,
                           headers={"Authorization": f"Bearer {token}"})
    answers = {"login": login, "refused login": refused, "reveal": reveal,
               "health": requests.get(f"{base}/health", verify=verify, timeout=30)}
    for what, answer in answers.items():
        assert answer.headers.get("Cache-Control") == "no-store", what
        assert answer.headers.get("X-Content-Type-Options") == "nosniff", what
        assert "server" not in {name.lower() for name in answer.headers}, what  # no "uvicorn" banner


@pytest.mark.parametrize(("options", "message"), [
    (["--ssl-certfile", "{cert}"], "同时给出"),
    (["--ssl-certfile", "{cert}", "--ssl-keyfile", "{dir}/missing.key"], "不存在"),
    (["--ssl-certfile", "{cert}", "--ssl-keyfile", "{other_key}"], "相互匹配"),
])
def test_bad_tls_options_stop_serve_with_a_message(tmp_path: Path, options: list[str], message: str) -> None:
    cert, _ = write_certificate(tmp_path)
    _, other_key = write_certificate(tmp_path, name="other")
    args = [o.format(cert=cert, dir=tmp_path, other_key=other_key) for o in options]
    done = subprocess.run([sys.executable, "-m", "server", "serve", "--data-dir", str(tmp_path / "data"), *args],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://12345.example.gov.cn:8345", True), ("http://127.0.0.1:8345", True), ("http://localhost:8345", True),
    ("http://[::1]:8345", True), ("http://10.1.2.3:8345", False), ("http://12345.example.gov.cn", False),
    ("ftp://10.1.2.3", False), ("12345.example.gov.cn", False),
])
def test_which_addresses_may_carry_secrets(url: str, allowed: bool) -> None:
    if allowed:
        check_transport(url, allow_plain_http=False)
    else:
        with pytest.raises(InsecureTransport):
            check_transport(url, allow_plain_http=False)


@pytest.fixture(scope="module")
def lan_center(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, str]]:
    address = own_lan_address()
    if address is None:
        pytest.skip("SKIPPING: this machine has no non-loopback address to serve plain http on")
    directory = tmp_path_factory.mktemp("lan-center")
    process = ServerProcess(directory, serve_args=["--host", "0.0.0.0"])
    try:
        process.start()
        add_users(f"sqlite:///{directory / 'hotline-server.sqlite3'}", [("agent1", Role.AGENT, "")], PASSWORD)
        yield process, f"http://{address}:{process.port}"
    finally:
        process.stop()


def test_a_seat_sends_no_password_over_plain_http_to_another_machine(lan_center: tuple[ServerProcess, str]) -> None:
    center, url = lan_center
    assert "未加密" in center.log_path.read_text()  # serve warned its operator
    # A listener on this machine's LAN address stands in for a center elsewhere: it sees
    # whether anything at all arrives.
    host = url.split("//")[1].rsplit(":", 1)[0]
    with socket.create_server((host, 0)) as listener:
        listener.settimeout(0.5)
        api = ApiClient(f"http://{host}:{listener.getsockname()[1]}", retry=RetryPolicy(attempts=0))
        with pytest.raises(InsecureTransport, match="同步 → 设置"):
            api.login("agent1", PASSWORD)
        with pytest.raises(InsecureTransport):
            api.push([])
        with pytest.raises(TimeoutError):
            listener.accept()  # not even a connection was opened
    # Told explicitly (a closed test network), it goes.
    allowed = ApiClient(url, retry=RetryPolicy(attempts=0), allow_plain_http=True)
    assert allowed.login("agent1", PASSWORD).username == "agent1"


def test_the_desk_says_how_when_it_refuses_plain_http(lan_center: tuple[ServerProcess, str], tmp_path: Path,
                                                      qtbot: QtBot) -> None:
    _, url = lan_center
    data_dir = tmp_path / "seat"
    data_dir.mkdir()
    save_settings(data_dir, Settings(seat_id="S31", agent_name="agent1", sync_interval=3600))
    seat = open_seat(data_dir)
    try:
        desk = Desk(seat)
        controller = SyncController(desk, retry=RetryPolicy(attempts=0, backoff=0.01))
        with qtbot.waitSignal(controller.login_finished, timeout=30000) as refused:
            controller.login(url, "agent1", PASSWORD)
        ok, message = refused.args
        assert not ok and "未加密" in message and "允许未加密连接（http）" in message
        controller.apply_settings(replace(desk.settings, allow_plain_http=True))
        with qtbot.waitSignal(controller.login_finished, timeout=30000) as accepted:
            controller.login(url, "agent1", PASSWORD)
        assert accepted.args == [True, ""]
        controller.shutdown()
    finally:
        seat.close()
