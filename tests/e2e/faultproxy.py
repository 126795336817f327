"""A tiny HTTP proxy in front of the server that misbehaves on purpose, request by request."""

import http.client
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FaultProxy:
    """Forwards to 127.0.0.1:upstream_port. ``plan`` holds one fault per matching request:
    pass | error_before (500, not forwarded) | error_after (forwarded, then 500) |
    drop_after (forwarded, connection closed with no answer) | slow_after (forwarded, answered
    after ``slow_seconds``) | kill (forwarded, then ``on_kill`` runs and no answer comes)."""

    def __init__(self, upstream_port: int, *, match: str = "/sync/push") -> None:
        self.upstream_port = upstream_port
        self.match = match
        self.plan: list[str] = []
        self.seen: list[str] = []
        self.slow_seconds = 2.0
        self.on_kill: Callable[[], None] = lambda: None
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                fault = "pass"
                if proxy.match in self.path:
                    with proxy._lock:
                        fault = proxy.plan.pop(0) if proxy.plan else "pass"
                        proxy.seen.append(fault)
                if fault == "error_before":
                    return self._reply(500, b'{"detail":"injected"}', {})
                try:
                    upstream = http.client.HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=30)
                    headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                    upstream.request(self.command, self.path, body=body, headers=headers)
                    if fault == "kill":
                        time.sleep(0.02)
                        proxy.on_kill()
                        self.close_connection = True
                        return
                    response = upstream.getresponse()
                    data = response.read()
                    upstream.close()
                except OSError:
                    return self._reply(502, b'{"detail":"upstream down"}', {})
                if fault == "drop_after":
                    self.close_connection = True
                    return
                if fault == "error_after":
                    return self._reply(500, b'{"detail":"injected"}', {})
                if fault == "slow_after":
                    time.sleep(proxy.slow_seconds)
                self._reply(response.status, data, {"Content-Type": response.getheader("Content-Type") or ""})

            def _reply(self, status: int, data: bytes, headers: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass

            do_GET = _handle
            do_POST = _handle

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
