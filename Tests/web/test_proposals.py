"""A visitor's proposal, in a real browser against real nodes: a visitor without an account proposes
a vacancy on node a (after the form has pointed at what is wrong), an editor of the community signs
in, reviews and approves it, and the job, signed by the editor's key, reaches node b's board."""

from __future__ import annotations

import json

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

import seed
from nodes import wait_for
from test_editor import sign_in, wait

# The vacancy the visitor proposes, and the title the editor gives it on approval.
PROPOSED = "Координатор волонтёров"
APPROVED = "Координатор волонтёров выпускников"


def no_serious_violation(browser, artifacts, name: str) -> None:
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    (artifacts / "axe").mkdir(parents=True, exist_ok=True)
    (artifacts / "axe" / f"{name}.json").write_text(json.dumps(results["violations"], ensure_ascii=False, indent=2))
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, axe.report(serious)


def test_a_visitors_proposal_once_approved_reaches_the_partner_board(federation, browser, artifacts):
    a, b = federation.a, federation.b
    browser.get(a.url + "/")
    browser.find_element(By.LINK_TEXT, "Предложить вакансию").click()
    wait(browser).until(EC.url_contains("/propose/job"))
    assert Select(browser.find_element(By.ID, "field-community")).first_selected_option.text == seed.COMMUNITY
    # The trap field is there for programs only: no person sees it, nor does a screen reader.
    assert not browser.find_element(By.ID, "field-website").is_displayed()

    # Without a title the form says what is wrong beside the field and keeps what was typed.
    browser.find_element(By.ID, "field-employer").send_keys("Фонд выпускников")
    browser.find_element(By.ID, "field-proposer_contact").send_keys("hr@alumni.example")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    summary = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "div.problem")))
    assert "Должность: Заполните это поле" in summary.text
    assert browser.find_element(By.ID, "field-title-error").text == "Заполните это поле"
    assert browser.find_element(By.ID, "field-proposer_contact").get_attribute("value") == "hr@alumni.example"
    no_serious_violation(browser, artifacts, "propose-job-problems")

    browser.find_element(By.ID, "field-title").send_keys(PROPOSED)
    Select(browser.find_element(By.ID, "field-work_mode")).select_by_value("hybrid")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.url_contains("/propose/thanks"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Спасибо!"
    no_serious_violation(browser, artifacts, "propose-thanks")
    assert PROPOSED not in a.get("/")[1], "a proposal is on no board before an editor approves it"

    # The community's editor finds it among the proposals, changes the title and approves it.
    sign_in(browser, a, "editor")
    browser.get(a.url + "/editor")
    browser.find_element(By.LINK_TEXT, "Предложения").click()
    wait(browser).until(EC.url_contains("/editor/proposals"))
    assert "hr@alumni.example" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.LINK_TEXT, PROPOSED).click()
    wait(browser).until(EC.url_matches(r"/editor/proposals/\d+$"))
    no_serious_violation(browser, artifacts, "proposal-review")
    title = browser.find_element(By.ID, "field-title")
    assert title.get_attribute("value") == PROPOSED
    title.clear()
    title.send_keys(APPROVED)
    browser.find_element(By.XPATH, "//button[text()='Одобрить и опубликовать']").click()
    wait(browser).until(EC.url_contains("/editor/proposals?done=approved"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Предложение одобрено и опубликовано."

    # Signed by the editor's key on node a, it reaches node b, which follows the community.
    wait_for(f"node b to list «{APPROVED}»", lambda: APPROVED in b.get("/")[1])
    browser.get(b.url + "/")
    browser.find_element(By.LINK_TEXT, APPROVED).click()
    wait(browser).until(EC.url_contains("/jobs/"))
    assert browser.find_element(By.CSS_SELECTOR, ".employer").text == "Фонд выпускников"
