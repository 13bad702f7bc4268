"""Chromium, axe-core, screenshots and the contact-detail scan shared by the browser suite."""

import base64
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from voldir_server import PACKAGE_ROOT

SCREENSHOTS = PACKAGE_ROOT / "docs" / "screenshots"
WIDTH = 1280

# Impacts that fail the suite; "minor" and "moderate" are left to review.
FAILING_IMPACTS = {"serious", "critical"}

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# UK numbers as rosters write them: 07700 900123, +44 (0)7700 900123, 0161-480-1234.
PHONE = re.compile(r"(?<![\w.])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,9}(?![\w.])")
HIDDEN_INPUT = re.compile(r"<input type=\"hidden\"[^>]*>")


def chromium():
    """Headless Chromium through Debian's chromedriver (no driver download)."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={WIDTH},900"):
        options.add_argument(argument)
    options.add_argument("--lang=en-GB")
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False}
    )
    return driver


def wait(driver, timeout=30):
    """A wait that polls through the reloads of self-refreshing pages."""
    return WebDriverWait(
        driver, timeout, poll_frequency=0.1, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
    )


def page_replaced(page):
    """A wait condition: the page `page` (its html element) was left for another. Chromium says so
    with a stale element, or, when it asks in the middle of the swap, with "Node with given id does
    not belong to the document", which Selenium's own staleness_of raises instead of answering."""

    def replaced(_driver):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    return replaced


def axe_violations(driver):
    """The serious and critical axe-core violations on the current page."""
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [violation for violation in results["violations"] if violation.get("impact") in FAILING_IMPACTS]


def describe_violations(page, url, violations):
    lines = [f"axe-core: {len(violations)} serious or critical violation(s) on {page} ({url}):"]
    for violation in violations:
        lines.append(f"  {violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    - {target}: {summary}")
    return "\n".join(lines)


def screenshot(driver, name):
    """Saves the whole page, 1280 pixels wide, to docs/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    height = int(metrics["cssContentSize"]["height"])
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": WIDTH, "height": max(height, 1), "scale": 1},
        },
    )
    path = SCREENSHOTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def contact_details(source, known=()):
    """Email addresses and phone numbers in a page's source (hidden form tokens left out),
    and any of the `known` contact strings that appear in it."""
    text = HIDDEN_INPUT.sub("", source)
    found = EMAIL.findall(text) + PHONE.findall(text)
    found += [value for value in known if value and value in text]
    return sorted(set(found))


def fetch(url, cookie=None, method="GET"):
    """Status and body of a request made with the browser's session cookie, redirects not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *arguments, **keywords):
            return None

    request = urllib.request.Request(url, method=method)
    if cookie:
        request.add_header("Cookie", f"{cookie['name']}={cookie['value']}")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def fetch_json(url, cookie):
    status, body = fetch(url, cookie)
    if status != 200:
        raise AssertionError(f"GET {url} answered {status}: {body[:300]}")
    return json.loads(body)
