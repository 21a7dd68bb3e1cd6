"""What a moderator does on the site, in a real browser against real nodes: on node a, an author the
community granted posts two vacancies; the moderator signs in, goes from one of them to its
moderation page, blocks its author after the confirmation, and both vacancies leave the board; the
undo lifts the block, and once the author's deltas arrive again the vacancies are back. Then the
moderator hides one vacancy and shows it again. axe-core checks the pages on the way (test_pages.py
checks every moderator page for width, axe and the Nu validator)."""

from __future__ import annotations

import datetime
import json

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

import browser as browsing
import seed
from nodes import wait_for
from test_editor import sign_in, wait

SPAM = ["Заработок без опыта, пишите в личку", "Удалённая работа: 300 000 в неделю"]


def check_axe(driver, artifacts, name: str) -> None:
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    (artifacts / "axe").mkdir(parents=True, exist_ok=True)
    (artifacts / "axe" / f"{name}.json").write_text(json.dumps(results["violations"], ensure_ascii=False, indent=2))
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, axe.report(serious)


def seed_spammer(a) -> tuple[str, list[str]]:
    """An author key on node a that the community granted jobs, with two vacancies: its public key
    and the vacancies' ids."""
    a.artel("keys", "new", "spammer", "--role", "author")
    until = (datetime.date.today() + datetime.timedelta(days=300)).isoformat()
    a.artel("grant", seed.COMMUNITY, "spammer", "--kinds", "job", "--until", until)
    ids = [
        a.created_id("job", "post", "--community", seed.COMMUNITY, "--title", title, "--author", "spammer")
        for title in SPAM
    ]
    return a.artel("keys", "export", "spammer", "--public").strip(), ids


def test_a_moderator_blocks_an_author_and_the_listings_disappear(federation, browser, artifacts):
    a = federation.a
    key, ids = seed_spammer(a)
    delivered = a.data.parent / "spammer.deltas"
    a.artel("export", "--output", str(delivered), "--kinds", "job")
    assert all(title in a.get("/")[1] for title in SPAM)

    sign_in(browser, a, "moderator")
    assert browser.current_url == a.url + "/moderation", "a moderator lands on the moderator's pages"
    browser.get(a.url + "/")
    browser.find_element(By.LINK_TEXT, SPAM[0]).click()
    wait(browser).until(EC.url_contains("/jobs/"))
    browser.find_element(By.LINK_TEXT, "Модерировать эту запись").click()
    wait(browser).until(EC.url_contains(f"/moderation/records/{ids[0]}"))
    assert key in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.LINK_TEXT, "Заблокировать автора").click()
    wait(browser).until(EC.url_contains("/moderation/block?"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Заблокировать автора?"
    browsing.set_width(browser, 375)
    browsing.screenshot(browser, artifacts / "screenshots" / "moderation-flow-confirm-375.png")
    check_axe(browser, artifacts, "moderation-flow-confirm")
    assert all(title in a.get("/")[1] for title in SPAM), "asking blocks nothing"

    browser.find_element(By.ID, "reason").send_keys("спам")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.url_contains("/moderation?done=block"))
    reported = browser.current_url
    note = browser.find_element(By.CSS_SELECTOR, "[role=status]")
    assert note.text.startswith(f"Заблокировано: {key}.")
    browsing.screenshot(browser, artifacts / "screenshots" / "moderation-flow-blocked-375.png")
    check_axe(browser, artifacts, "moderation-flow-blocked")
    browsing.set_width(browser, 1280)

    # The author's listings are gone from the board and the API; the community's own stay.
    board = a.get("/")[1]
    assert not any(title in board for title in SPAM)
    assert seed.title(seed.JOBS["yandex"]) in board
    assert not any(title in a.get("/api/v1/jobs")[1] for title in SPAM)
    browser.get(a.url + "/")
    assert not any(title in browser.find_element(By.TAG_NAME, "main").text for title in SPAM)

    # The undo lifts the block; the author's deltas are accepted again when they next arrive.
    browser.get(reported)
    browser.find_element(By.XPATH, "//button[text()='Отменить: снять блокировку']").click()
    wait(browser).until(EC.url_contains("/moderation?done=unblock"))
    assert browser.find_element(By.LINK_TEXT, "Заблокировать снова")
    a.artel("apply", str(delivered))
    wait_for("the vacancies to return to the board", lambda: all(title in a.get("/")[1] for title in SPAM))

    # Hiding one vacancy takes it off this node's board until it is shown again.
    browser.get(f"{a.url}/moderation/records/{ids[1]}")
    browser.find_element(By.LINK_TEXT, "Скрыть запись").click()
    wait(browser).until(EC.url_contains("/moderation/hide?"))
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.url_contains("/moderation?done=hide"))
    assert SPAM[1] not in a.get("/")[1] and SPAM[0] in a.get("/")[1]
    assert SPAM[1] in browser.find_element(By.TAG_NAME, "main").text, "listed among the hidden records"
    browser.find_element(By.XPATH, "//button[text()='Отменить: показать снова']").click()
    wait(browser).until(EC.url_contains("/moderation?done=unhide"))
    assert SPAM[1] in a.get("/")[1]

    log = a.artel("user", "log")
    for action, target in [("block.author", key), ("unblock", key), ("record.hide", ids[1]), ("record.unhide", ids[1])]:
        assert f"moderator  {action}  {target}" in log, log
