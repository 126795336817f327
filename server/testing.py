"""Running the real server as a subprocess, for tests and the benchmark (never imported by it)."""

import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

import requests

from app.domain.roles import Role

PG_ADMIN_URL = os.environ.get("HOTLINE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

SAMPLE_REFERENCE: dict[str, str] = {
    "categories.csv": "一级分类,二级分类,三级分类\n城乡建设,市政设施,路灯\n城乡建设,市政设施,井盖\n"
                      "劳动保障,工资,拖欠工资\n市场监管,消费维权,\n环境保护,噪音,\n",
    "districts.csv": "区县,乡镇街道\n梁园区,平原街道\n梁园区,前进街道\n睢阳区,文化街道\n",
    "units.csv": "单位名称,类型,区县,职责\n市城管局,市直,,路灯;井盖\n梁园区政府,区县,梁园区,\n"
                 "市人社局,市直,,工资\n",
    "hotlines.csv": "号码,名称,类别,适用情形,转接话术\n110,公安报警,紧急,治安,请拨110\n",
}


def write_sample_reference(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in SAMPLE_REFERENCE.items():
        (directory / name).write_text(content, encoding="utf-8")
    return directory


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_available() -> str | None:
    """None when the machine's PostgreSQL answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except Exception as error:
        return f"PostgreSQL at {PG_ADMIN_URL} is not reachable: {type(error).__name__}: {error}"
    return None


def create_pg_database() -> str:
    """A fresh database for one test session or bench run; returns its SQLAlchemy URL."""
    import psycopg

    name = f"hd_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{name}"


def drop_pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class ServerProcess:
    """``python -m server serve`` on 127.0.0.1 and a free port; waits for /health."""

    def __init__(self, data_dir: Path, *, database_url: str | None = None,
                 reference_dir: Path | None = None, env: dict[str, str] | None = None,
                 serve_args: list[str] | None = None, tls_ca: Path | None = None) -> None:
        """``serve_args``: more options for ``serve`` (--host, --ssl-certfile …); ``tls_ca``:
        the CA that signed the server's certificate, when it serves https."""
        self.data_dir = data_dir
        self.database_url = database_url
        self.reference_dir = reference_dir
        self.env = env or {}
        self.serve_args = serve_args or []
        self.tls_ca = tls_ca
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = data_dir / f"server-{self.port}.log"

    @property
    def url(self) -> str:
        return f"{'https' if self.tls_ca else 'http'}://127.0.0.1:{self.port}"

    def _args(self) -> list[str]:
        args = ["--data-dir", str(self.data_dir)]
        if self.database_url:
            args += ["--database-url", self.database_url]
        if self.reference_dir:
            args += ["--reference-dir", str(self.reference_dir)]
        return args

    def start(self, timeout: float = 30.0) -> "ServerProcess":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", *self._args(), "--port", str(self.port), *self.serve_args],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **self.env},
        )
        self.wait_healthy(timeout)
        return self

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text(errors='replace')[-3000:]}")
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1,
                                verify=str(self.tls_ca) if self.tls_ca else True).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"server not healthy after {timeout}s: {self.log_path}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def create_user(self, username: str, role: Role, *, unit: str = "",
                    password: str | None = None) -> str:
        """Through the real CLI, as an operator would; returns the password."""
        password = password or secrets.token_urlsafe(12)
        subprocess.run(
            [sys.executable, "-m", "server", "create-user", *self._args(), "--username", username,
             "--role", role.value, "--unit", unit, "--password-env", "HD_TEST_PASSWORD"],
            check=True, capture_output=True, env={**os.environ, **self.env, "HD_TEST_PASSWORD": password},
        )
        return password

    def cli(self, *args: str, env: dict[str, str] | None = None) -> "subprocess.CompletedProcess[str]":
        """``python -m server COMMAND …`` on this server's database, as an operator runs it."""
        command, *rest = args
        return subprocess.run(
            [sys.executable, "-m", "server", command, *self._args(), *rest],
            check=True, capture_output=True, text=True, env={**os.environ, **self.env, **(env or {})},
        )

    def open311_key(self, name: str, *, channel: str = "App", revoke: bool = False,
                    rate_per_minute: int | None = None) -> str:
        """``python -m server open311-key``; returns its last line (the key, or the revocation
        message)."""
        done = self.cli("open311-key", "--name", name, "--channel", channel,
                        *(["--revoke"] if revoke else []),
                        *(["--rate-per-minute", str(rate_per_minute)] if rate_per_minute else []))
        return done.stdout.strip().splitlines()[-1]

    def login(self, username: str, password: str) -> str:
        response = requests.post(f"{self.url}/api/v1/auth/login",
                                 json={"username": username, "password": password}, timeout=10)
        response.raise_for_status()
        token: str = response.json()["token"]
        return token

    def get(self, path: str, token: str, **params: Any) -> requests.Response:
        return requests.get(f"{self.url}/api/v1{path}", params=params,
                            headers={"Authorization": f"Bearer {token}"}, timeout=30)


def add_users(database_url: str, users: list[tuple[str, Role, str]], password: str) -> None:
    """Create users straight in the database (fast path for fixtures); (username, role, unit)."""
    from server.auth.service import create_user
    from server.db import open_database

    database = open_database(database_url)
    try:
        with database.write_session() as session, session.begin():
            for username, role, unit in users:
                create_user(session, username=username, role=role, unit=unit, password=password)
    finally:
        database.dispose()
