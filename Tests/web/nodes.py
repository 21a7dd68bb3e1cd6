"""Real `artel serve` processes for the browser tests: each node in a data directory of its own,
started in a process group of its own, stopped (SIGTERM, then SIGKILL) whatever happens to the tests.

Nothing here sleeps for a fixed time: every wait polls for the event it waits for (the HTTP port
answering, a record arriving) until a deadline, and the deadlines are generous (``TIMEOUT``) so
that the tests pass while other work keeps the machine's cores busy.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Callable, TypeVar

ROOT = Path(__file__).resolve().parents[2]
ARTEL = Path(os.environ.get("ARTEL_BIN", ROOT / ".build" / "debug" / "artel"))
# Seconds any one wait may take before a test fails: a start, a sync, a page, a live update.
TIMEOUT = float(os.environ.get("ARTEL_WEB_TIMEOUT", "90"))
HOST = "127.0.0.1"

T = TypeVar("T")


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = TIMEOUT, every: float = 0.1) -> T:
    """Polls `probe` until it returns something other than None or False, and returns that; fails
    with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while True:
        try:
            value = probe()
            if value is not None and value is not False:
                return value
        except Exception as error:  # the thing waited for may fail until it is ready
            last_error = error
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise TimeoutError(f"waited {timeout:.0f} s for {what}{detail}")
        time.sleep(every)


def die_with_parent() -> None:
    """In the child before exec: its own process group, and SIGTERM if the test process dies (Linux),
    so that no node outlives a crashed or killed test run."""
    os.setsid()
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def stop_group(process: subprocess.Popen, grace: float = 20) -> int | None:
    """SIGTERM to the process's group, then SIGKILL to what is left after `grace` seconds."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # whatever the node started, and the node if it hung
    except ProcessLookupError:
        pass
    try:
        return process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        return None


class Node:
    """One Artel node: a data directory, the CLI run on it, and its `artel serve` process."""

    def __init__(self, name: str, base: Path) -> None:
        self.name = name
        self.data = base / name
        # The ports it announced when it last started serving: it binds port 0, so that no port
        # guessed free can be taken by another process before the node binds it.
        self.peer_port: int | None = None
        self.api_port: int | None = None
        self.process: subprocess.Popen | None = None
        self.log_path = base / f"{name}.log"

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.api_port}"

    @property
    def peer_address(self) -> str:
        return f"{HOST}:{self.peer_port}"

    def artel(self, *arguments: str) -> str:
        """Runs the CLI on this node's data directory (as a user would, while the node serves or
        not) and returns its standard output; fails with its output if it fails."""
        environment = {k: v for k, v in os.environ.items() if not k.startswith("ARTEL_")}
        environment["ARTEL_DATA"] = str(self.data)
        result = subprocess.run(
            [str(ARTEL), *arguments],
            env=environment,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"artel {' '.join(arguments)} on node {self.name} exited {result.returncode}:\n"
                f"{result.stdout}{result.stderr}"
            )
        return result.stdout

    def created_id(self, *arguments: str) -> str:
        """Runs a `… post` or `… create` command and returns the id it printed."""
        output = self.artel(*arguments)
        match = re.search(r"^Created \w+ (?:.* )?([0-9a-f]{32,64})$", output, re.MULTILINE)
        if not match:
            raise RuntimeError(f"no id in the output of artel {' '.join(arguments)}:\n{output}")
        return match.group(1)

    def node_key(self) -> str:
        return self.artel("keys", "export", "node", "--public").strip()

    def serve(self) -> None:
        """Starts `artel serve` on ports the system picks, reads them from what the node announces,
        and waits until its HTTP port answers."""
        logged_before = self.log_path.stat().st_size if self.log_path.exists() else 0
        log = open(self.log_path, "ab")
        environment = {k: v for k, v in os.environ.items() if not k.startswith("ARTEL_")}
        self.process = subprocess.Popen(
            [str(ARTEL), "serve", "--data", str(self.data), "--listen", f"{HOST}:0", "--api", f"{HOST}:0"],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,
        )
        log.close()

        def running() -> None:
            if self.process.poll() is not None:
                raise RuntimeError(f"node {self.name} exited {self.process.returncode}; see {self.log_path}")

        def announced() -> tuple[int, int] | None:
            running()
            with open(self.log_path, "rb") as file:
                file.seek(logged_before)
                output = file.read().decode("utf-8", errors="replace")
            peers = re.search(r"^Listening for peers on [^\s]*:(\d+)$", output, re.MULTILINE)
            api = re.search(r"^HTTP API on http://[^\s]*:(\d+) ", output, re.MULTILINE)
            return (int(peers.group(1)), int(api.group(1))) if peers and api else None

        self.peer_port, self.api_port = wait_for(f"node {self.name} to announce its ports", announced)

        def answers() -> bool:
            running()
            with urllib.request.urlopen(f"{self.url}/health", timeout=10) as response:
                return response.status == 200

        wait_for(f"node {self.name} to answer on {self.url}/health", answers)

    def stop(self) -> None:
        if self.process is not None:
            stop_group(self.process)
            self.process = None

    def get(self, path: str, language: str = "ru", session: str | None = None) -> tuple[int, str]:
        """A GET of the node's HTTP API or site, signed in with a session cookie when one is given:
        status and body."""
        headers = {"Accept-Language": language, "Accept": "text/html,application/json"}
        if session:
            headers["Cookie"] = f"artel_session={session}"
        request = urllib.request.Request(self.url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def sign_in(self, name: str, password: str) -> str:
        """Signs in to the node's site as a browser's form does; returns the session cookie's value."""
        body = urllib.parse.urlencode({"name": name, "password": password}).encode()
        request = urllib.request.Request(
            self.url + "/signin",
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": self.url},
        )
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            opener.open(request, timeout=TIMEOUT)
        except urllib.error.HTTPError as error:
            cookie = error.headers.get("Set-Cookie", "")
            if error.code == 303 and cookie.startswith("artel_session="):
                return cookie.split(";", 1)[0].split("=", 1)[1]
            raise RuntimeError(f"signing in to node {self.name} as {name}: {error.code} {cookie}") from error
        raise RuntimeError(f"signing in to node {self.name} as {name} did not redirect")

    def total(self, kind: str, query: str = "") -> int:
        """How many public records of a kind (`jobs`, `events`, …) the node's API lists."""
        status, body = self.get(f"/api/v1/{kind}?limit=1{'&' + query if query else ''}")
        if status != 200:
            raise RuntimeError(f"GET /api/v1/{kind} on {self.name}: {status} {body[:200]}")
        return int(json.loads(body)["total"])

    def propose(self, kind: str, fields: dict[str, str]) -> None:
        """Proposes a record of a kind (`job`, `event`) as a visitor's browser does: opens the form
        for its token and cookie, then sends `fields` from the site's own origin."""
        with urllib.request.urlopen(self.url + f"/propose/{kind}", timeout=TIMEOUT) as page:
            cookie = page.headers.get("Set-Cookie", "").split(";", 1)[0]
            token = re.search(r'name="token" value="([0-9a-f]+)"', page.read().decode("utf-8")).group(1)
        request = urllib.request.Request(
            self.url + f"/propose/{kind}",
            data=urllib.parse.urlencode({"token": token, **fields}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": self.url, "Cookie": cookie},
        )
        try:
            urllib.request.build_opener(_NoRedirect).open(request, timeout=TIMEOUT)
        except urllib.error.HTTPError as error:
            if error.code == 303:
                return
            raise RuntimeError(f"proposing a {kind} on node {self.name}: {error.code}") from error
        raise RuntimeError(f"proposing a {kind} on node {self.name} did not redirect")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keeps a redirect as the answer, so that the cookie it sets can be read."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def keep_logs(nodes: list[Node], artifacts: Path) -> None:
    """Copies the nodes' logs beside the screenshots, for a failure to be read after the run."""
    artifacts.mkdir(parents=True, exist_ok=True)
    for node in nodes:
        if node.log_path.exists():
            shutil.copyfile(node.log_path, artifacts / f"node-{node.name}.log")
