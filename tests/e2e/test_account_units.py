"""Units are checked when accounts are made (issue 13.5): the README's own `--unit 市城管局` was
accepted though the directory has 市城市管理局, and such a user never receives a ticket."""

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import requests
from e2e_support import PASSWORD

from server.testing import ServerProcess

REPO = Path(__file__).resolve().parents[2]


def _readme_create_user_lines() -> list[str]:
    block = re.search(r"### Run it\n```sh\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    assert block is not None
    return [line.split("#")[0].strip() for line in block.group(1).splitlines()
            if "create-user" in line or line.startswith("export HD_PW")]


def test_the_readmes_create_user_lines_work_when_pasted_and_a_near_unit_is_refused(tmp_path: Path) -> None:
    lines = _readme_create_user_lines()
    assert len(lines) == 3 and "市城市管理局" in lines[2]
    data = tmp_path / "center"
    script = "\n".join(line.replace(".venv/bin/python", sys.executable) + f" --data-dir {data}"
                       if "create-user" in line else line for line in lines)
    env = {k: v for k, v in os.environ.items() if k != "HD_PW"}
    done = subprocess.run(["bash", "-e", "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "已创建账号 zhang" in done.stdout and "已创建账号 cg01" in done.stdout

    near = subprocess.run(
        [sys.executable, "-m", "server", "create-user", "--data-dir", str(data), "--username", "cg02",
         "--role", "unit", "--unit", "市城管局", "--password-env", "HD_PW"],
        capture_output=True, text=True, env={**env, "HD_PW": "a-long-password"}, cwd=tmp_path, timeout=60)
    assert near.returncode == 2 and "Traceback" not in near.stderr
    assert "“市城管局”不在承办单位名录中" in near.stderr and "市城市管理局" in near.stderr


def _admin(server: ServerProcess, method: str, path: str, body: dict[str, Any]) -> requests.Response:
    token = server.login("admin", PASSWORD)
    return requests.request(method, f"{server.url}/api/v1{path}", json=body,
                            headers={"Authorization": f"Bearer {token}"}, timeout=10)


def test_the_center_refuses_an_account_bound_to_an_unknown_unit(server: ServerProcess) -> None:
    # The e2e center's directory: 市城管局, 梁园区政府, 市人社局.
    refused = _admin(server, "POST", "/admin/users", {
        "username": "cg_near", "display_name": "城管", "role": "unit", "unit": "市城管", "password": "cg-near-长城-2026"})
    assert refused.status_code == 409 and "市城管局" in refused.json()["detail"]
    made = _admin(server, "POST", "/admin/users", {
        "username": "cg_ok", "display_name": "城管", "role": "unit", "unit": "市城管局", "password": "cg-ok-长城-2026"})
    assert made.status_code == 201, made.text
    moved = _admin(server, "PATCH", "/admin/users/cg_ok", {"unit": "梁园区"})
    assert moved.status_code == 409 and "梁园区政府" in moved.json()["detail"]
    assert _admin(server, "PATCH", "/admin/users/cg_ok", {"unit": "梁园区政府"}).status_code == 200
