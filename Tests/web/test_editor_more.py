"""An editor's events and digests in a real browser against a real node of this file's own: the
editor posts an event through the form (after it has pointed at what is wrong) and finds it on
/events; then composes a digest, sees which listings were merged and why, reorders the vacancies
with their position numbers and publishes the digest, which /digests then lists."""

from __future__ import annotations

import datetime
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

import browser as browsing
import seed
from nodes import Node, keep_logs
from test_editor import sign_in, wait

EVENT = "Мастермайнд редакторов"
DIGEST = "Вакансии недели от редакции"
LINK = "https://example.org/jobs/community-manager"
# Two listings of one vacancy (the same apply link, once tracking is left out) and another vacancy.
JOBS = [
    ["--title", "Комьюнити-менеджер", "--employer", "Альфа", "--apply-url", LINK],
    ["--title", "Менеджер сообщества", "--apply-url", LINK + "?utm_source=telegram"],
    ["--title", "Продюсер мероприятий", "--employer", "Гамма"],
]


@pytest.fixture(scope="module")
def node(artifacts: Path):
    """A node of its own, so that what this file publishes changes no other file's pages: the
    community, the jobs, and `chief`, an editor of the community's events and digests."""
    base = Path(tempfile.mkdtemp(prefix="artel-web-more-"))
    own = Node("more", base)
    try:
        own.artel("init", "--name", "editor-more")
        own.artel(*seed.COMMUNITY_ARGS)
        for arguments in JOBS:
            own.artel("job", "post", "--community", seed.COMMUNITY, *arguments)
        password = base / "password"
        password.write_text(seed.PASSWORD + "\n", encoding="utf-8")
        password.chmod(0o600)
        own.artel(
            "user", "add", "chief", "--role", "editor", "--community", seed.COMMUNITY,
            "--kinds", "event", "--kinds", "digest", "--password-file", str(password),
        )  # fmt: skip
        own.serve()
        yield own
    finally:
        own.stop()
        keep_logs([own], artifacts)
        shutil.rmtree(base, ignore_errors=True)


def no_serious_violation(browser, artifacts: Path, name: str) -> None:
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    (artifacts / "axe").mkdir(parents=True, exist_ok=True)
    (artifacts / "axe" / f"{name}.json").write_text(json.dumps(results["violations"], ensure_ascii=False, indent=2))
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, axe.report(serious)


def type_into(browser, field: str, value: str) -> None:
    """Types into a date or time input as its picker would fill it (their keys depend on the locale)."""
    element = browser.find_element(By.ID, field)
    browser.execute_script("arguments[0].value = arguments[1]", element, value)


def test_an_editor_posts_an_event_seen_on_the_events_page(node, browser, artifacts):
    sign_in(browser, node, "chief")
    browser.find_element(By.LINK_TEXT, "Новое событие").click()
    wait(browser).until(EC.url_contains("/editor/events/new"))
    assert browser.find_element(By.ID, "field-timezone").get_attribute("value") == "Europe/Moscow"
    # Without a start and with a link that is not one, the form says so beside each field and
    # keeps what was typed.
    browser.find_element(By.ID, "field-title").send_keys(EVENT)
    browser.find_element(By.ID, "field-registration_url").send_keys("регистрация у организатора")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    summary = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "div.problem")))
    assert "Начало: Заполните это поле" in summary.text
    assert browser.find_element(By.ID, "field-registration_url-error").text == "Нужна ссылка http(s), mailto или tg"
    assert browser.find_element(By.ID, "field-title").get_attribute("value") == EVENT
    no_serious_violation(browser, artifacts, "editor-event-problems")
    assert EVENT not in node.get("/events")[1], "nothing was stored"

    day = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    type_into(browser, "field-start", f"{day}T19:00")
    type_into(browser, "field-end", f"{day}T21:00")
    Select(browser.find_element(By.ID, "field-type")).select_by_value("mastermind")
    Select(browser.find_element(By.ID, "field-attendance")).select_by_value("online")
    browser.find_element(By.ID, "field-online_urls").send_keys("https://meet.example.org/editors")
    registration = browser.find_element(By.ID, "field-registration_url")
    registration.clear()
    registration.send_keys("https://example.org/register")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.url_contains("/editor?done=eventCreated"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Событие опубликовано."
    assert EVENT in browser.find_element(By.TAG_NAME, "main").text

    browser.get(node.url + "/events")
    browser.find_element(By.LINK_TEXT, EVENT).click()
    wait(browser).until(EC.url_contains("/events/"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "19:00" in main, main
    assert "https://meet.example.org/editors" in browser.page_source


def test_an_editor_composes_reorders_and_publishes_a_digest(node, browser, artifacts):
    sign_in(browser, node, "chief")
    browser.find_element(By.LINK_TEXT, "Собрать дайджест").click()
    wait(browser).until(EC.url_contains("/editor/digests/new"))
    browser.find_element(By.CSS_SELECTOR, "form[method=get] button[type=submit]").click()
    wait(browser).until(EC.url_contains("until="))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Вакансий: 2; повторов объединено: 1." in main
    assert "Объединена с Менеджер сообщества" in main and "та же ссылка для отклика" in main
    no_serious_violation(browser, artifacts, "editor-digest")
    browsing.set_width(browser, 375)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 375
    browsing.screenshot(browser, artifacts / "editor-digest-375.png")
    browsing.set_width(browser, 1280)

    def titles() -> list[str]:
        return [item.text for item in browser.find_elements(By.CSS_SELECTOR, "ol.editor-list > li > strong")]

    first, second = titles()
    positions = browser.find_elements(By.CSS_SELECTOR, "input.position")
    for position, value in zip(positions, ["2", "1"]):
        position.clear()
        position.send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "button[value=reorder]").click()
    wait(browser).until(lambda d: titles() == [second, first])

    # Without a title nothing is published, and the order chosen stays.
    browser.find_element(By.CSS_SELECTOR, "button[value=publish]").click()
    error = wait(browser).until(EC.visibility_of_element_located((By.ID, "digest-title-error")))
    assert error.text == "Заполните это поле"
    assert titles() == [second, first]
    browser.find_element(By.ID, "digest-title").send_keys(DIGEST)
    browser.find_element(By.CSS_SELECTOR, "button[value=publish]").click()
    # The form itself is at /editor/digests/new: wait for the published digest's own page.
    wait(browser).until(lambda d: "/digests/" in d.current_url and "/editor/" not in d.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == DIGEST
    main = browser.find_element(By.TAG_NAME, "main").text
    assert main.index(second) < main.index(first), main

    browser.get(node.url + "/digests")
    assert DIGEST in browser.find_element(By.TAG_NAME, "main").text
