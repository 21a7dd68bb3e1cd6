"""Fixtures of the browser tests: a federation of two real `artel serve` processes with Russian data,
and one headless Chromium driven by Selenium through Debian's chromedriver.

Node A holds the community "Tech Leaders Moscow", its vacancies, events and a digest; node B follows
that community and dials A, so B's site shows what A's community publishes, and what A posts later
reaches B's open pages through the change stream.
"""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import browser as browsing
import seed
from nodes import ROOT, Node, keep_logs, wait_for

def pytest_configure(config) -> None:
    """SIGTERM (a CI's or `timeout`'s) stops the run as Ctrl-C does, so that the fixtures' teardown
    still stops every node and the browser; by default Python would exit at once."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, interrupt)


ARTIFACTS = Path(os.environ.get("ARTEL_WEB_ARTIFACTS", ROOT / ".build" / "web-artifacts"))


@dataclass
class Federation:
    a: Node
    b: Node
    # Ids of what the fixture made, by the names pages.py fills paths with: job, markup_job,
    # community, event, digest; and every job's id by its name in seed.JOBS.
    records: dict[str, str] = field(default_factory=dict)
    jobs: dict[str, str] = field(default_factory=dict)

    def node(self, name: str) -> Node:
        return {"a": self.a, "b": self.b}[name]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """`.build/web-artifacts/`: this run's screenshots, the nodes' logs, the validator's report."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def federation(artifacts: Path):
    base = Path(tempfile.mkdtemp(prefix="artel-web-"))
    a, b = Node("a", base), Node("b", base)
    try:
        yield _build(a, b)
    finally:
        a.stop()
        b.stop()
        keep_logs([a, b], artifacts)
        shutil.rmtree(base, ignore_errors=True)


def _build(a: Node, b: Node) -> Federation:
    federation = Federation(a, b)
    a.artel("init", "--name", "tech-leaders-msk")
    a.artel(*seed.COMMUNITY_ARGS)
    community = a.artel("keys", "export", "tech-leaders", "--public").strip()
    federation.records["community"] = community
    for name, arguments in seed.JOBS.items():
        federation.jobs[name] = a.created_id("job", "post", "--community", seed.COMMUNITY, *arguments)
    federation.records["job"] = federation.jobs["yandex"]
    federation.records["markup_job"] = federation.jobs["markup"]
    today = datetime.date.today()
    # The mastermind in ten days; the meetup 40 days on, always in a later month than today's.
    days = [(today + datetime.timedelta(days=n)).isoformat() for n in (10, 40)]
    events = {
        name: a.created_id("event", "post", "--community", seed.COMMUNITY, *arguments)
        for name, arguments in seed.events(*days).items()
    }
    federation.records["event"] = events["mastermind"]
    federation.records["month"] = days[0][:7]
    federation.records["meetup"] = events["meetup"]
    federation.records["meetup_month"] = days[1][:7]
    federation.records["digest"] = a.created_id(
        "digest", "create", "--community", seed.COMMUNITY, "--title", "Вакансии недели для комьюнити-менеджеров",
        "--intro", "Собрали вакансии недели: от корпоративных сообществ до моды и спорта.",
        "--items", federation.jobs["yandex"], "--items", federation.jobs["speaklingua"],
        "--items", federation.jobs["studio29"],
    )  # fmt: skip
    people = {
        name: a.created_id(
            "person", "add", "--community", "tech-leaders", "--display-name", display, *options,
            "--visibility", "public",
        )
        for name, (display, *options) in seed.PEOPLE.items()
    }  # fmt: skip
    for person in people.values():
        a.artel(
            "membership", "add", "--person", person, "--community", "tech-leaders", "--roles", "leader",
            "--since", "2024-09-01", "--visibility", "public",
        )  # fmt: skip
    for one, other, kind in seed.TIES:
        a.artel(
            "tie", "add", "--community", "tech-leaders", "--from", people[one], "--to", people[other],
            "--type", kind, "--from-confirmed", "true", "--to-confirmed", "true", "--visibility", "public",
        )  # fmt: skip
    password = a.data.parent / "password"
    password.write_text(seed.PASSWORD + "\n", encoding="utf-8")
    password.chmod(0o600)
    for name, options in seed.ACCOUNTS.items():
        a.artel("user", "add", name, *options, "--password-file", str(password))
    a.serve()
    # A visitor's event proposal that waits for the editor, the first proposal of node a.
    a.propose("event", {"community": community, **seed.PROPOSAL, "start": f"{days[0]}T18:00"})
    federation.records["proposal"] = "1"

    b.artel("init", "--name", "hr-association")
    b.artel("follow", community)
    b.artel("peer", "add", a.peer_address, a.node_key())
    b.serve()
    # B has caught up when it holds everything A made (the ties are the last kind A made).
    expected = {"jobs": len(seed.JOBS), "events": len(events), "digests": 1, "ties": len(seed.TIES)}
    wait_for(
        f"node b to receive what node a made: {expected}",
        lambda: all(b.total(kind) == count for kind, count in expected.items()),
    )
    return federation


@pytest.fixture(scope="session")
def driver(artifacts: Path):
    """One headless Chromium for the whole run; each test sets the width it needs."""
    session = browsing.start(artifacts)
    try:
        yield session
    finally:
        browsing.stop(session)


@pytest.fixture
def browser(driver):
    """The shared browser at 1280 px, with no dialog left open by an earlier test and no cookie (the
    language a page remembered would change the next pages: both nodes are on 127.0.0.1)."""
    browsing.dismiss_dialogs(driver)
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    browsing.set_width(driver, 1280)
    return driver
