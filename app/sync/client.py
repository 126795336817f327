"""REST adapter for /api/v1 on a requests.Session: timeouts, TLS verification, retries.

Retries (timeouts, connection errors, 5xx, 429) back off exponentially with jitter. Pushing
again is safe: every mutation carries its own id and the server replays, never re-applies.
Nothing here logs a token, a phone number or a name.
"""

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from app.messages import Message, Text
from app.sync.errors import ApiError, AuthRequired, ResyncRequired, ServerUnavailable
from app.sync.protocol import API_PREFIX
from app.sync.transport import check_transport

CERTIFICATE = Text("sync.certificate",
                   "无法验证中心服务器的证书；请检查服务器地址，或在设置中指定单位的 CA 证书文件。")
TIMED_OUT = Text("sync.timed_out", "连接超时")
UNREACHABLE = Text("sync.unreachable", "无法连接")
ANSWERED = Text("sync.answered", "服务器返回 {status}")
OFFLINE = Text("sync.offline", "暂时连不上中心服务器（{problem}）；工单已安全保存在本机，恢复网络后会自动同步。")
REFUSED = Text("sync.refused", "服务器拒绝了请求（{status}）。")
LOGIN_OFFLINE = Text("sync.login_offline", "暂时连不上中心服务器，无法登录；请检查网络和服务器地址。")

log = logging.getLogger("app.sync.client")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # retries after the first try
    backoff: float = 0.5
    max_backoff: float = 8.0


@dataclass(frozen=True)
class LoginResult:
    token: str
    username: str
    display_name: str
    role: str
    unit: str


class ApiClient:
    def __init__(
        self, base_url: str, *, token: str | None = None, ca_bundle: str | None = None,
        connect_timeout: float = 5.0, read_timeout: float = 30.0,
        retry: RetryPolicy = RetryPolicy(), sleep: Callable[[float], None] = time.sleep,
        allow_plain_http: bool = False,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.allow_plain_http = allow_plain_http
        self.token = token
        self.timeout = (connect_timeout, read_timeout)
        self.retry = retry
        self._sleep = sleep
        self.session = requests.Session()
        # TLS verification always on; a private CA bundle may be given, never "verify=False".
        # Passed with every call: requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override a
        # session's bundle, and the unit's CA was then ignored wherever those are set.
        self.verify: str | bool = ca_bundle or True
        self.session.verify = self.verify
        self.session.headers["User-Agent"] = "HotlineDesk/0.1"

    def close(self) -> None:
        self.session.close()

    def _check_transport(self) -> None:
        """Before anything leaves the seat: no plain http to another machine unless allowed."""
        check_transport(self.base_url, allow_plain_http=self.allow_plain_http)

    def _delay(self, attempt: int) -> float:
        base = min(self.retry.max_backoff, self.retry.backoff * 2**attempt)
        return float(base * random.uniform(0.5, 1.5))  # jitter: seats coming back online do not stampede

    def request(self, method: str, path: str, *, json: Any = None,
                params: dict[str, Any] | None = None, auth: bool = True) -> requests.Response:
        self._check_transport()
        url = f"{self.base_url}{API_PREFIX}{path}"
        headers = {"Authorization": f"Bearer {self.token}"} if auth and self.token else {}
        problem: Message = UNREACHABLE()
        status: int | None = None
        for attempt in range(self.retry.attempts + 1):
            if attempt:
                self._sleep(self._delay(attempt - 1))
            try:
                response = self.session.request(method, url, json=json, params=params, headers=headers,
                                                timeout=self.timeout, verify=self.verify)
            except requests.exceptions.SSLError as error:
                raise ServerUnavailable(CERTIFICATE()) from error
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
                problem = TIMED_OUT() if isinstance(error, requests.exceptions.Timeout) else UNREACHABLE()
                status = None
                log.info("request failed path=%s attempt=%d kind=%s", path, attempt, type(error).__name__)
                continue
            if response.status_code >= 500 or response.status_code == 429:
                problem = ANSWERED(status=response.status_code)
                status = response.status_code
                log.info("request failed path=%s attempt=%d status=%d", path, attempt, response.status_code)
                continue
            if response.status_code == 401:
                raise AuthRequired()
            if response.status_code == 410:
                raise ResyncRequired(self._detail(response))
            if response.status_code >= 400:
                raise ApiError(self._detail(response), response.status_code, self._raw_detail(response))
            return response
        raise ServerUnavailable(OFFLINE(problem=problem), status)

    @staticmethod
    def _raw_detail(response: requests.Response) -> Any:
        try:
            return response.json().get("detail")
        except (ValueError, AttributeError):
            return None

    @staticmethod
    def _detail(response: requests.Response) -> str:
        try:
            detail = response.json().get("detail")
        except (ValueError, AttributeError):
            detail = None
        return detail if isinstance(detail, str) else REFUSED(status=response.status_code)

    def login(self, username: str, password: str) -> LoginResult:
        self._check_transport()
        url = f"{self.base_url}{API_PREFIX}/auth/login"
        try:
            response = self.session.post(url, json={"username": username, "password": password},
                                         timeout=self.timeout, verify=self.verify)
        except requests.exceptions.SSLError as error:
            raise ServerUnavailable(CERTIFICATE()) from error
        except requests.exceptions.RequestException as error:
            raise ServerUnavailable(LOGIN_OFFLINE()) from error
        if response.status_code in (401, 429) or response.status_code >= 400:
            message = self._detail(response)
            if response.status_code == 401:
                raise AuthRequired(message)
            raise ApiError(message, response.status_code)
        body = response.json()
        self.token = str(body["token"])
        user = body["user"]
        return LoginResult(self.token, user["username"], user["display_name"], user["role"], user["unit"])

    def change_password(self, current: str, new: str) -> None:
        """The signed-in user's own password. Sent once, never retried: a replay after a lost
        answer would be refused (the current password changed) and say the opposite of what
        happened. Errors: AuthRequired (token gone), ApiError (the center's reason), or
        ServerUnavailable."""
        self._check_transport()
        url = f"{self.base_url}{API_PREFIX}/auth/password"
        try:
            response = self.session.post(
                url, json={"current_password": current, "new_password": new},
                headers={"Authorization": f"Bearer {self.token}"} if self.token else {}, timeout=self.timeout,
                verify=self.verify)
        except requests.exceptions.SSLError as error:
            raise ServerUnavailable(CERTIFICATE()) from error
        except requests.exceptions.RequestException as error:
            raise ServerUnavailable("连不上中心服务器，密码没有修改；请检查网络后再试。") from error
        if response.status_code == 401:
            raise AuthRequired()
        if response.status_code >= 500:
            raise ServerUnavailable(f"中心服务器出错（{response.status_code}），密码没有修改；请稍后再试。",
                                    response.status_code)
        if response.status_code >= 400:
            raise ApiError(self._detail(response), response.status_code)

    def logout(self) -> None:
        if self.token:
            self.request("POST", "/auth/logout")
            self.token = None

    def health(self) -> bool:
        self._check_transport()
        try:
            return self.session.get(f"{self.base_url}{API_PREFIX}/health", timeout=self.timeout,
                                    verify=self.verify).ok
        except requests.exceptions.RequestException:
            return False

    def push(self, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        answers: list[dict[str, Any]] = self.request(
            "POST", "/sync/push", json={"mutations": mutations}).json()["answers"]
        return answers

    def pull(self, cursor: int, limit: int = 500) -> dict[str, Any]:
        page: dict[str, Any] = self.request(
            "GET", "/sync/pull", params={"cursor": cursor, "limit": limit}).json()
        return page
