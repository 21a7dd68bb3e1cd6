"""A visitor looking for events: moves through the month calendar to an event, opens it, and
subscribes to the community's calendar."""

from __future__ import annotations

import datetime
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

import seed
from browser import replaced, wait


def test_visitor_moves_through_the_calendar_to_an_event_and_subscribes(federation, browser):
    b, records = federation.b, federation.records
    meetup = seed.events("2000-01-01", "2000-01-02")["meetup"]
    title = seed.field(meetup, "--title")
    browser.get(b.url + "/events/calendar")
    # The calendar opens on this month in Moscow (UTC+3 all year).
    this_month = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=3))).strftime("%Y-%m")
    assert browser.find_element(By.CSS_SELECTOR, "table.month time").get_attribute("datetime").startswith(this_month)

    # The meetup is more than a month away: the visitor pages forward, month by month.
    for _ in range(3):
        shown = browser.find_element(By.CSS_SELECTOR, "table.month time").get_attribute("datetime")[:7]
        if shown == records["meetup_month"]:
            break
        caption = browser.find_element(By.CSS_SELECTOR, "table.month caption")
        browser.find_element(By.CSS_SELECTOR, "nav.months a[rel=next]").click()
        wait(browser).until(replaced(caption))
    assert shown == records["meetup_month"]
    link = browser.find_element(By.PARTIAL_LINK_TEXT, title)
    assert link.get_attribute("href").endswith(f"/events/{records['meetup']}")
    link.click()
    wait(browser).until(EC.url_contains(f"/events/{records['meetup']}"))
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    register = browser.find_element(By.CSS_SELECTOR, "a.button")
    assert register.get_dom_attribute("href") == seed.field(meetup, "--registration-url")
    ics = browser.find_element(By.CSS_SELECTOR, "a[type='text/calendar']")
    status, body = b.get(urllib.parse.urlsplit(ics.get_attribute("href")).path)
    assert status == 200 and "BEGIN:VEVENT" in body and "Лидеры сообществ" in body

    # Subscribing: the community's feed, as webcal:// for a calendar app.
    browser.get(b.url + "/events/calendar")
    key = records["community"]
    subscribe = browser.find_element(
        By.CSS_SELECTOR, f"section.subscribe a[href^='webcal://'][href$='community={key}']"
    )
    feed = urllib.parse.urlsplit(subscribe.get_attribute("href"))
    assert feed.netloc == urllib.parse.urlsplit(b.url).netloc
    status, body = b.get(f"{feed.path}?{feed.query}")
    assert status == 200
    assert body.startswith("BEGIN:VCALENDAR")
    assert "Мастермайнд комьюнити-менеджеров" in body and "Лидеры сообществ" in body
