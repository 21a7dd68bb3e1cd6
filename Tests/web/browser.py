"""Headless Chromium through Selenium, with Debian's chromium and chromedriver (`make deps` installs
them): never a browser or driver downloaded at run time.

Before any page's own script, every document gets a small probe (``PROBE``): it counts the calls of
alert/confirm/prompt and keeps the EventSources a page opens, so that a test can wait until the live
list listens before it posts, and prove that no markup from a record ever ran.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import sys
from pathlib import Path
from typing import Callable

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from nodes import TIMEOUT, die_with_parent

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"

PROBE = """
(function () {
  window.__artelDialogs = [];
  ["alert", "confirm", "prompt"].forEach(function (name) {
    var original = window[name];
    window[name] = function (message) {
      window.__artelDialogs.push(name + ": " + String(message));
      return original.apply(window, arguments);
    };
  });
  var Native = window.EventSource;
  window.__artelSources = [];
  if (Native) {
    window.EventSource = function (url, options) {
      var source = new Native(url, options);
      window.__artelSources.push(source);
      return source;
    };
    window.EventSource.prototype = Native.prototype;
    ["CONNECTING", "OPEN", "CLOSED"].forEach(function (k) { window.EventSource[k] = Native[k]; });
  }
})();
"""


def _chromium_that_dies_with_its_driver(folder: Path) -> Path:
    """A launcher that asks Linux to stop Chromium when chromedriver dies (PR_SET_PDEATHSIG), then
    becomes Chromium: chromedriver, which dies with the test process, would otherwise leave the
    browser running if the test process were killed outright."""
    launcher = folder / "chromium-launcher"
    launcher.write_text(
        f"#!{sys.executable}\n"
        "import ctypes, os, signal, sys\n"
        "ctypes.CDLL(None).prctl(1, signal.SIGTERM)\n"
        "if os.getppid() == 1:\n"
        "    sys.exit('chromedriver is gone')\n"
        f"os.execv({CHROMIUM!r}, [{CHROMIUM!r}] + sys.argv[1:])\n"
    )
    launcher.chmod(0o755)
    return launcher


def start(artifacts: Path) -> webdriver.Chrome:
    for program in (CHROMIUM, CHROMEDRIVER):
        if not os.access(program, os.X_OK):
            raise RuntimeError(f"{program} is missing: `make deps` installs Debian's chromium and chromium-driver")
    options = Options()
    options.binary_location = str(
        _chromium_that_dies_with_its_driver(artifacts) if sys.platform.startswith("linux") else CHROMIUM
    )
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=ru-RU",
        "--no-first-run",
        "--disable-extensions",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        "--hide-scrollbars",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ru-RU,ru"})
    # An alert left open would make every later command fail; tests look for dialogs themselves.
    options.unhandled_prompt_behavior = "ignore"
    service = Service(
        executable_path=CHROMEDRIVER,
        log_output=str(artifacts / "chromedriver.log"),
        popen_kw={"preexec_fn": die_with_parent},
    )
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.set_page_load_timeout(TIMEOUT)
        driver.set_script_timeout(TIMEOUT)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
    except BaseException:
        stop(driver)
        raise
    return driver


def stop(driver: webdriver.Chrome) -> None:
    """Quits the browser, then ends whatever is left of chromedriver's process group."""
    process = getattr(driver.service, "process", None)
    try:
        driver.quit()
    except Exception:
        pass
    if process is not None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def dismiss_dialogs(driver: webdriver.Chrome) -> list[str]:
    """Closes any dialog open now and returns its text."""
    texts = []
    for _ in range(10):
        try:
            alert = driver.switch_to.alert
            texts.append(alert.text)
            alert.dismiss()
        except NoAlertPresentException:
            break
    return texts


def set_width(driver: webdriver.Chrome, width: int, height: int = 900) -> None:
    """A viewport exactly `width` CSS pixels wide, as a phone's (375) or a laptop's (1280)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def screenshot(driver: webdriver.Chrome, path: Path) -> None:
    """The whole page, not only what the viewport shows, as PNG."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


def dialogs(driver: webdriver.Chrome) -> list[str]:
    """The dialogs (alert, confirm, prompt) the page asked for, whether or not they are still open."""
    shown = dismiss_dialogs(driver)
    try:
        called = driver.execute_script("return window.__artelDialogs || []")
    except WebDriverException as error:
        called = [f"(could not read the probe: {error.msg})"]
    return shown + list(called)


def replaced(element: WebElement) -> Callable[[webdriver.Chrome], bool]:
    """A wait condition: `element` has left the page, as when a form's answer or the live list
    replaces it. Chromium reports such a node as stale, or, caught while the page changes, as a node
    that "does not belong to the document": both mean it is gone."""

    def gone(_driver: webdriver.Chrome) -> bool:
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in (error.msg or ""):
                return True
            raise

    return gone


def wait(driver: webdriver.Chrome) -> WebDriverWait:
    """Waits for a condition, asking again every 0.1 s. A condition that reads the page while a
    form's answer replaces it finds stale elements: that is "not yet", and it is asked again."""
    return WebDriverWait(driver, TIMEOUT, poll_frequency=0.1, ignored_exceptions=[StaleElementReferenceException])
