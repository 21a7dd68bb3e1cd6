"""A community's analyst opens the market page: charts drawn by the node, tables beside them, the CSV."""

from __future__ import annotations

import re
import urllib.parse

from selenium.webdriver.common.by import By

import seed


def test_analyst_opens_the_market_and_sees_the_charts(federation, browser):
    b = federation.b
    browser.get(b.url + "/market")
    charts = browser.find_elements(By.CSS_SELECTOR, "section.chart figure svg")
    assert len(charts) >= 2, "the market page draws fewer than two charts"
    for chart in charts:
        assert chart.is_displayed()
        assert chart.size["width"] > 100 and chart.size["height"] > 20
        assert chart.get_attribute("role") == "img" and chart.get_attribute("aria-label")
        assert chart.find_elements(By.CSS_SELECTOR, "rect"), "a chart with no bars"
    # The figures count the public vacancies node b received from node a (and those the live tests
    # posted, when they ran first).
    vacancies = int(re.findall(r"\d+", browser.find_element(By.CSS_SELECTOR, ".count").text)[0])
    assert len(seed.JOBS) <= vacancies <= len(seed.JOBS) + 2
    csv = browser.find_element(By.CSS_SELECTOR, "a[href*='market.csv']")
    link = urllib.parse.urlsplit(csv.get_attribute("href"))
    status, body = b.get(link.path + ("?" + link.query if link.query else ""))
    assert status == 200 and body.count("\n") >= 2
