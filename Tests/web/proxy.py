"""A reverse proxy in front of a node, as an operator puts nginx in front of one: it passes requests
on and streams the answers back, and while the node is "down" it answers 502 Bad Gateway, as nginx
does while the node restarts. Each answer closes its connection (HTTP/1.0), so that a stream ends
when the proxy drops it."""

from __future__ import annotations

import http.client
import http.server
import socket
import threading
import urllib.parse

from nodes import HOST

# Headers that describe one hop, not the answer: the proxy's own connection replaces them.
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class GatewayProxy:
    def __init__(self, upstream: str) -> None:
        target = urllib.parse.urlsplit(upstream)
        self.upstream_host = target.hostname or HOST
        self.upstream_port = target.port or 80
        self.down = False
        self.refused: list[str] = []
        self._open: set[http.client.HTTPConnection] = set()
        self._lock = threading.Lock()
        self._server = http.server.ThreadingHTTPServer((HOST, 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self._server.server_address[1]}"

    def take_down(self) -> None:
        """Answers 502 from now on, and drops every answer still streaming."""
        with self._lock:
            self.down = True
            for connection in self._open:
                if connection.sock is not None:
                    try:
                        connection.sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

    def bring_up(self) -> None:
        with self._lock:
            self.down = False

    def stop(self) -> None:
        self.take_down()
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *arguments) -> None:
                pass

            def do_GET(self) -> None:
                with proxy._lock:
                    down = proxy.down
                    if down:
                        proxy.refused.append(self.path)
                if down:
                    body = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
                    self.send_response(502)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                upstream = http.client.HTTPConnection(proxy.upstream_host, proxy.upstream_port)
                with proxy._lock:
                    proxy._open.add(upstream)
                try:
                    headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
                    upstream.request("GET", self.path, headers=headers)
                    answer = upstream.getresponse()
                    self.send_response(answer.status)
                    for name, value in answer.getheaders():
                        if name.lower() not in HOP_HEADERS:
                            self.send_header(name, value)
                    self.end_headers()
                    while chunk := answer.read1(65536):
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except (OSError, ValueError, http.client.HTTPException):
                    # Dropped by take_down(): a chunked answer cut short fails to parse (ValueError).
                    pass
                finally:
                    with proxy._lock:
                        proxy._open.discard(upstream)
                    upstream.close()

        return Handler
