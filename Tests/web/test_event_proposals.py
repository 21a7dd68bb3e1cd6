"""A visitor's event proposal, in a real browser against a real node: a visitor without an account
finds the link on /events and proposes an event (after the form has pointed at a time zone that is
none), an editor of the community's events signs in, reviews and approves it, and the event, signed
by the editor's key, is on /events."""

from __future__ import annotations

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

import seed
from test_editor import sign_in, wait
from test_editor_more import type_into
from test_proposals import no_serious_violation

# The event the visitor proposes, and the title the editor gives it on approval.
PROPOSED = "Встреча волонтёров выпускников"
APPROVED = "Встреча волонтёров выпускников: весна"


def test_a_visitors_event_once_approved_is_on_the_events_page(federation, browser, artifacts):
    a = federation.a
    browser.get(a.url + "/events")
    browser.find_element(By.LINK_TEXT, "Предложить событие").click()
    wait(browser).until(EC.url_contains("/propose/event"))
    assert Select(browser.find_element(By.ID, "field-community")).first_selected_option.text == seed.COMMUNITY
    assert not browser.find_element(By.ID, "field-website").is_displayed()

    # A time zone that is none: the form says so beside the field and keeps what was typed.
    day = (datetime.date.today() + datetime.timedelta(days=12)).isoformat()
    browser.find_element(By.ID, "field-title").send_keys(PROPOSED)
    type_into(browser, "field-start", f"{day}T18:30")
    zone = browser.find_element(By.ID, "field-timezone")
    zone.clear()
    zone.send_keys("Europe/Atlantis")
    browser.find_element(By.ID, "field-proposer_contact").send_keys("volunteers@alumni.example")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    summary = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "div.problem")))
    assert "Часовой пояс:" in summary.text
    assert browser.find_element(By.ID, "field-timezone-error").text.startswith("Нет такого часового пояса")
    assert browser.find_element(By.ID, "field-title").get_attribute("value") == PROPOSED
    no_serious_violation(browser, artifacts, "propose-event-problems")

    zone = browser.find_element(By.ID, "field-timezone")
    zone.clear()
    zone.send_keys("Europe/Moscow")
    Select(browser.find_element(By.ID, "field-type")).select_by_value("meetup")
    Select(browser.find_element(By.ID, "field-attendance")).select_by_value("offline")
    browser.find_element(By.ID, "field-place-city").send_keys("Москва")
    browser.find_element(By.CSS_SELECTOR, "form.editor button[type=submit]").click()
    wait(browser).until(EC.url_contains("/propose/thanks?kind=event"))
    assert "ваше событие" in browser.find_element(By.TAG_NAME, "main").text
    assert PROPOSED not in a.get("/events")[1], "a proposal is on no page before an editor approves it"

    # The community's editor of events finds it among the proposals and approves it, retitled.
    sign_in(browser, a, "editor")
    browser.get(a.url + "/editor/proposals")
    assert "volunteers@alumni.example" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.LINK_TEXT, PROPOSED).click()
    wait(browser).until(EC.url_matches(r"/editor/proposals/\d+$"))
    assert browser.find_element(By.ID, "field-start").get_attribute("value") == f"{day}T18:30"
    no_serious_violation(browser, artifacts, "proposal-review-event")
    title = browser.find_element(By.ID, "field-title")
    title.clear()
    title.send_keys(APPROVED)
    browser.find_element(By.XPATH, "//button[text()='Одобрить и опубликовать']").click()
    wait(browser).until(EC.url_contains("/editor/proposals?done=approved"))

    browser.get(a.url + "/events")
    browser.find_element(By.LINK_TEXT, APPROVED).click()
    wait(browser).until(EC.url_contains("/events/"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "18:30" in main and "Москва" in main, main
