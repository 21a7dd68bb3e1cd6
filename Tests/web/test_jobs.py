"""What a visitor does on the job board, in a real browser against real nodes."""

from __future__ import annotations

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

import browser as browsing
import seed
from browser import replaced, wait
from nodes import wait_for
from proxy import GatewayProxy


def card_titles(driver) -> list[str]:
    """The titles on the board, read in one step: live.js may replace the list at any moment."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#listing article h2 a'))"
        ".map(function (a) { return a.textContent.trim(); })"
    )


def test_visitor_finds_a_remote_job_by_salary_opens_it_and_sees_where_to_apply(federation, browser):
    b = federation.b
    browser.get(b.url + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Вакансии"
    assert len(card_titles(browser)) >= len(seed.JOBS)

    # The filters are folded away until the visitor opens them.
    browser.find_element(By.CSS_SELECTOR, "details.more summary").click()
    work_mode = wait(browser).until(EC.visibility_of_element_located((By.ID, "work_mode")))
    Select(work_mode).select_by_value("remote")
    salary = browser.find_element(By.ID, "salary_min")
    salary.clear()
    salary.send_keys(str(seed.SALARY_FROM))
    old_list = browser.find_element(By.ID, "listing")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    wait(browser).until(replaced(old_list))
    wait(browser).until(EC.url_contains("work_mode=remote"))
    assert f"salary_min={seed.SALARY_FROM}" in browser.current_url

    # Remote jobs whose pay reaches the amount: the top of a range counts (90–130 thousand does).
    expected = {seed.title(seed.JOBS["yandex"]), seed.title(seed.JOBS["speaklingua"])}
    assert set(card_titles(browser)) == expected
    assert browser.find_element(By.CSS_SELECTOR, ".count").text == "Нашлось 2 вакансии"
    # The form shows what was chosen, open, so that the visitor can change it.
    assert browser.find_element(By.CSS_SELECTOR, "details.more").get_attribute("open") is not None
    assert Select(browser.find_element(By.ID, "work_mode")).first_selected_option.get_attribute("value") == "remote"
    assert browser.find_element(By.ID, "salary_min").get_attribute("value") == str(seed.SALARY_FROM)

    yandex = seed.JOBS["yandex"]
    browser.find_element(By.LINK_TEXT, seed.title(yandex)).click()
    wait(browser).until(EC.url_contains(f"/jobs/{federation.jobs['yandex']}"))
    assert browser.find_element(By.TAG_NAME, "h1").text == seed.title(yandex)
    assert browser.find_element(By.CSS_SELECTOR, ".employer").text == "Яндекс"
    apply_buttons = browser.find_elements(By.CSS_SELECTOR, "a.button")
    assert apply_buttons, "the job's page has no apply button"
    for button in apply_buttons:
        assert button.text == "Откликнуться"
        assert button.get_dom_attribute("href") == seed.field(yandex, "--apply-url")
        assert "noopener" in button.get_attribute("rel")
    assert "150" in browser.find_element(By.CSS_SELECTOR, ".salary").text
    assert browser.find_element(By.CSS_SELECTOR, "ul.listed").text == seed.COMMUNITY


def test_live_a_job_posted_on_node_a_appears_on_node_b_open_board_without_a_reload(federation, browser):
    a, b = federation.a, federation.b
    browser.get(b.url + "/")
    title = seed.title(seed.LIVE_JOB)
    assert title not in card_titles(browser)
    browser.execute_script("window.__artelSamePage = 'yes'")
    # Post once live.js listens, so that the job comes as a change on an open stream.
    wait(browser).until(
        lambda d: d.execute_script(
            "return (window.__artelSources || []).some(function (s) {"
            " return s.readyState === 1 && /\\/api\\/v1\\/changes\\/jobs(\\?|$)/.test(s.url); })"
        ),
        "live.js never opened /api/v1/changes/jobs",
    )
    count_before = browser.find_element(By.CSS_SELECTOR, ".count").text

    # Posted from the command line on A while A serves: A picks it up and pushes it to B.
    job = a.created_id("job", "post", "--community", seed.COMMUNITY, *seed.LIVE_JOB)
    wait(browser).until(
        lambda d: title in card_titles(d),
        f"the job posted on node a ({job}) never appeared on node b's open board",
    )
    assert browser.execute_script("return window.__artelSamePage") == "yes", "the page was reloaded"
    assert browser.find_element(By.CSS_SELECTOR, "[data-live-note]").is_displayed()
    count_after = browser.find_element(By.CSS_SELECTOR, ".count").text
    assert count_after != count_before
    assert count_after.split()[1] == str(int(count_before.split()[1]) + 1)
    link = browser.find_element(By.LINK_TEXT, title)
    assert link.get_attribute("href").endswith(f"/jobs/{job}")


# Holds back every change stream a page opens until the test calls window.__artelConnect(): a page
# whose stream connects late, as it may on a busy node or a slow network.
LATE_STREAMS = """
(function () {
  var Native = window.EventSource, waiting = [];
  window.__artelConnect = function () { var held = waiting; waiting = null; held.forEach(function (f) { f(); }); };
  window.EventSource = function (url) {
    var source = null, closed = false, listeners = [];
    this.url = url;
    Object.defineProperty(this, "readyState", { get: function () { return source ? source.readyState : closed ? 2 : 0; } });
    this.addEventListener = function (type, listener) {
      if (source) source.addEventListener(type, listener); else listeners.push([type, listener]);
    };
    this.close = function () { closed = true; if (source) source.close(); };
    function connect() {
      if (closed) return;
      source = new Native(url);
      listeners.forEach(function (l) { source.addEventListener(l[0], l[1]); });
    }
    if (waiting) waiting.push(connect); else connect();
  };
})();
"""


def test_a_job_that_arrives_before_the_boards_stream_connects_still_appears(federation, browser):
    """The board streams the changes after the one it was made at: a job stored while the page's
    stream was still connecting comes as a change like any later one, instead of falling between
    the page and the stream."""
    a, b = federation.a, federation.b
    title = "Ведущий подкаста сообщества (пока поток подключался)"
    arguments = [*seed.LIVE_JOB]
    arguments[arguments.index("--title") + 1] = title
    late = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LATE_STREAMS})
    try:
        browser.get(b.url + "/")
        assert title not in card_titles(browser)
        job = a.created_id("job", "post", "--community", seed.COMMUNITY, *arguments)
        wait_for("node b to store the job posted on node a", lambda: b.get(f"/api/v1/jobs/{job}")[0] == 200)
        browser.execute_script("window.__artelConnect()")
        wait(browser).until(
            lambda d: title in card_titles(d),
            "a job stored before the board's stream connected never appeared on the board",
        )
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": late["identifier"]})


def test_a_job_titled_with_a_script_shows_as_text_and_runs_nothing(federation, browser):
    markup = seed.JOBS["markup"]
    job = federation.jobs["markup"]
    for path in ("/", f"/jobs/{job}"):
        browser.get(federation.b.url + path)
        wait(browser).until(lambda d: d.execute_script("return document.readyState") == "complete")
        if path == "/":
            assert seed.title(markup) in card_titles(browser)
        else:
            main = browser.find_element(By.TAG_NAME, "main")
            assert browser.find_element(By.TAG_NAME, "h1").text == seed.title(markup)
            assert browser.find_element(By.CSS_SELECTOR, ".employer").text == seed.field(markup, "--employer")
            for text in ("<b>жирный</b> текст и </main>", "<script>alert(3)</script>", '"><svg onload=alert(5)>'):
                assert text in main.text
            # An apostrophe in a link stays inside the attribute.
            for button in browser.find_elements(By.CSS_SELECTOR, "a.button"):
                assert button.get_dom_attribute("href") == seed.field(markup, "--apply-url")
                assert button.get_dom_attribute("onmouseover") is None
        assert browsing.dialogs(browser) == [], f"a dialog opened on {path}"
        # Nothing from the record became an element: the only scripts are the site's own.
        injected = browser.execute_script(
            "return Array.from(document.querySelectorAll("
            "'main script, main img, main svg, main iframe, main marquee, main b, main u, main em, main a[href^=javascript]'"
            ")).map(function (e) { return e.outerHTML; })"
        )
        assert injected == [], f"markup from a record became elements on {path}"
        scripts = browser.execute_script(
            "return Array.from(document.scripts).map(function (s) { return s.src || s.type; })"
        )
        assert all(s.endswith("/assets/live.js") or s == "application/ld+json" for s in scripts), scripts


# A page that waited this long for its connection was stalled: a page of the site loads in well under
# a second, and Chromium gives a stalled request its socket after about a minute.
STALL = 30


def wait_until_listening(driver) -> None:
    wait(driver).until(
        lambda d: d.execute_script(
            "return (window.__artelSources || []).some(function (s) { return s.readyState === 1; })"
        ),
        "the page's live list never opened its change stream",
    )


def test_live_streams_end_when_the_visitor_moves_on_and_resume_when_they_come_back(federation, browser):
    """Each open board listens over one of the six connections Chromium keeps to a host; a board the
    visitor left must give its connection back, or after six boards the next page waits for one."""
    b = federation.b
    for n in range(9):
        started = time.monotonic()
        browser.get(f"{b.url}/?q=менеджер{n}")
        took = time.monotonic() - started
        assert took < STALL, f"board {n + 1} took {took:.0f} s to load: the boards left before hold connections"
        wait_until_listening(browser)

    # Back to a board from a job's page: it listens again, and shows what was posted meanwhile.
    browser.get(b.url + "/")
    wait_until_listening(browser)
    browser.find_element(By.CSS_SELECTOR, "#listing article h2 a").click()
    wait(browser).until(EC.url_contains("/jobs/"))
    arguments = [*seed.LIVE_JOB]
    arguments[arguments.index("--title") + 1] = "Координатор амбассадоров (пока вас не было)"
    federation.a.created_id("job", "post", "--community", seed.COMMUNITY, *arguments)
    browser.back()
    wait(browser).until(lambda d: d.execute_script("return location.pathname") == "/")
    wait_until_listening(browser)
    wait(browser).until(
        lambda d: "Координатор амбассадоров (пока вас не было)" in card_titles(d),
        "a board the visitor came back to does not show the job posted meanwhile",
    )


def test_live_a_board_behind_a_proxy_listens_again_after_the_proxy_answered_502(federation, browser):
    """A browser retries a change stream that breaks, but gives up on one answered with an error, as
    a reverse proxy answers while the node restarts: the board opens its stream again by itself."""
    gateway = GatewayProxy(federation.b.url)
    try:
        browser.get(gateway.url + "/")
        wait_until_listening(browser)
        browser.execute_script("window.__artelSamePage = 'yes'")

        gateway.take_down()
        wait(browser).until(
            lambda d: any(path.startswith("/api/v1/changes/jobs") for path in gateway.refused)
            and d.execute_script("return window.__artelSources.every(function (s) { return s.readyState === 2; })"),
            "the browser never gave up on the stream the proxy answered 502",
        )
        gateway.bring_up()
        wait_until_listening(browser)

        arguments = [*seed.LIVE_JOB]
        arguments[arguments.index("--title") + 1] = "Комьюнити-менеджер (после перезапуска узла)"
        federation.a.created_id("job", "post", "--community", seed.COMMUNITY, *arguments)
        wait(browser).until(
            lambda d: "Комьюнити-менеджер (после перезапуска узла)" in card_titles(d),
            "the board behind the proxy does not show the job posted after the proxy came back",
        )
        assert browser.execute_script("return window.__artelSamePage") == "yes", "the page was reloaded"
    finally:
        gateway.stop()
