"""What an editor does on the site, in a real browser against real nodes: signs in on node a, posts
a vacancy through the form (after the form has pointed at what is wrong), sees it reach node b's
board, and signs out."""

from __future__ import annotations

import json

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

import seed
from browser import wait
from nodes import wait_for


def sign_in(driver, node, name: str) -> None:
    driver.get(node.url + "/signin")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(seed.PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.signin button[type=submit]").click()
    wait(driver).until(lambda d: "/signin" not in d.current_url)


def test_an_editor_posts_a_vacancy_that_reaches_the_partner_board(federation, browser, artifacts):
    a, b = federation.a, federation.b
    browser.get(a.url + "/")
    browser.find_element(By.LINK_TEXT, "Вход для редакторов").click()
    wait(browser).until(EC.url_contains("/signin"))
    browser.find_element(By.ID, "name").send_keys("editor")
    browser.find_element(By.ID, "password").send_keys("не тот пароль")
    browser.find_element(By.CSS_SELECTOR, "form.signin button[type=submit]").click()
    alert = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert alert.text == "Неверное имя или пароль."
    assert browser.find_element(By.ID, "name").get_attribute("value") == "editor"

    sign_in(browser, a, "editor")
    assert browser.current_url == a.url + "/editor"
    assert "editor" in browser.find_element(By.CSS_SELECTOR, "form.account").text
    assert browser.find_element(By.TAG_NAME, "h2").text == seed.COMMUNITY

    browser.find_element(By.LINK_TEXT, "Новая вакансия").click()
    wait(browser).until(EC.url_contains("/editor/jobs/new"))
    # Without a title and with words for a salary, the form says what is wrong beside each field
    # and keeps what was typed.
    browser.find_element(By.ID, "field-employer").send_keys("Ассоциация выпускников")
    browser.find_element(By.ID, "field-salary_min").send_keys("много")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    summary = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "div.problem")))
    assert "Должность: Заполните это поле" in summary.text
    assert browser.find_element(By.ID, "field-title-error").text == "Заполните это поле"
    assert browser.find_element(By.ID, "field-salary_min-error").text == "Введите целое число"
    assert browser.find_element(By.ID, "field-title").get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.ID, "field-employer").get_attribute("value") == "Ассоциация выпускников"
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    (artifacts / "axe").mkdir(parents=True, exist_ok=True)
    (artifacts / "axe" / "editor-job-problems.json").write_text(
        json.dumps(results["violations"], ensure_ascii=False, indent=2)
    )
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, axe.report(serious)
    assert "Ассоциация выпускников" not in a.get("/")[1], "nothing was stored"

    browser.find_element(By.ID, "field-title").send_keys(seed.EDITOR_JOB)
    salary = browser.find_element(By.ID, "field-salary_min")
    salary.clear()
    salary.send_keys("90000")
    browser.find_element(By.ID, "field-salary_currency").send_keys("RUB")
    Select(browser.find_element(By.ID, "field-work_mode")).select_by_value("remote")
    browser.find_element(By.CSS_SELECTOR, "input[name=employment][value=part_time]").click()
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.url_contains("/editor?done=created"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Вакансия опубликована."
    assert seed.EDITOR_JOB in browser.find_element(By.TAG_NAME, "main").text

    # Signed by the editor's key on node a, it reaches node b, which follows the community.
    wait_for(f"node b to list «{seed.EDITOR_JOB}»", lambda: seed.EDITOR_JOB in b.get("/")[1])
    browser.get(b.url + "/")
    link = browser.find_element(By.LINK_TEXT, seed.EDITOR_JOB)
    link.click()
    wait(browser).until(EC.url_contains("/jobs/"))
    assert browser.find_element(By.CSS_SELECTOR, ".employer").text == "Ассоциация выпускников"

    # Signing out on node a ends the session: the editor's pages ask to sign in again.
    browser.get(a.url + "/editor")
    browser.find_element(By.CSS_SELECTOR, "form.account button[type=submit]").click()
    wait(browser).until(lambda d: d.current_url == a.url + "/")
    assert browser.find_elements(By.CSS_SELECTOR, "form.account") == []
    browser.get(a.url + "/editor")
    wait(browser).until(EC.url_contains("/signin?next=/editor"))
