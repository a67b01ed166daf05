"""The report as a reader sees it: rendered by headless Chromium, figures on screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.export.report import write_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
OPTIONS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)


@pytest.fixture
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            f"headless browser test needs {CHROMIUM} and {CHROMEDRIVER} (Debian "
            "packages chromium and chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for option in (*OPTIONS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(option)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def test_rendered_report_shows_the_summary(tmp_path, editions, browser):
    from selenium.webdriver.common.by import By

    path = tmp_path / "report.html"
    write_report(*editions, path)
    browser.get(path.as_uri())

    tiles = {
        tile.find_element(By.TAG_NAME, "dt").text: tile.find_element(By.TAG_NAME, "dd").text
        for tile in browser.find_elements(By.CSS_SELECTOR, ".tile")
    }
    assert tiles == {
        "Closed": "1\n1.1",
        "Added": "1\n3.1",
        "Removed": "1\n2.2",
        "Target moved later": "1\n1.3",
        "Target moved earlier": "1\n2.1",
        "Newly overdue": "1\n2.3",
    }
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "Prevention Cause for Concern Action Plan" in text
    assert "1 July 2021" in text and "17 November 2021" in text
    assert "<script>alert('x')</script> Review referrals & backlog" in text
    charts = browser.find_elements(By.CSS_SELECTOR, "figure svg")
    assert len(charts) == 2 and all(c.size["width"] > 300 for c in charts)
    inserted = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "article ins")]
    assert "Consultation closed in October." in inserted

    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, height + 150)
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG")


LAYOUT = """
const page = document.documentElement.clientWidth;
let right = 0;
for (const el of document.body.querySelectorAll('*')) {
  const box = el.getBoundingClientRect();
  if (box.width > 0) right = Math.max(right, box.right);
}
const box = (el) => el.getBoundingClientRect();
const body = document.body, style = getComputedStyle(body);
const content = box(body).width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
const card = document.getElementById(arguments[0]);
const text = card.querySelector('.action-text');
const line = parseFloat(getComputedStyle(text).lineHeight);
const tops = (css) => [...document.querySelectorAll(css)].map((e) => Math.round(box(e).top));
return {
  page, right, scroll: document.documentElement.scrollWidth, content,
  card: box(card).width, text_lines: box(text).height / line,
  tile_rows: new Set(tops('.tile')).size, chart_rows: new Set(tops('.charts figure')).size,
};
"""
# A web address in a plan's text is one unbreakable word (no hyphen to break at): 200
# characters, wider than a desktop page's text.
LONG_WORD = "https://www.westshirefire.gov.uk/download?document=" + "a1b2c3d4e5" * 15


@pytest.mark.parametrize(
    ("width", "tile_rows", "chart_rows"),
    [(390, 3, 2), (1280, 1, 1)],  # 6 tiles two a row on a phone, one row on a desktop
)
def test_the_report_lays_out_within_the_page(
    tmp_path, editions, browser, width, tile_rows, chart_rows
):
    """A 300-word action holding a long web address, added: at phone and desktop widths
    nothing runs past the page, its card takes the width of the page's text and its text
    wraps; tiles and charts reflow on the phone."""
    from dataclasses import replace

    from planwatch.diff import diff_editions

    old, new, _ = editions
    words = " ".join(f"word{i}" for i in range(299)) + " " + LONG_WORD
    long_one = replace(new[-1], action_id="3.2", action_ref="3.2", action=words,
                       progress=f"See {LONG_WORD} for the annex.")  # fmt: skip
    changes = diff_editions(old, [*new, long_one])
    path = tmp_path / "report.html"
    write_report(old, [*new, long_one], changes, path)
    browser.set_window_size(width, 900)
    browser.get(path.as_uri())
    card_id = browser.execute_script(
        "return [...document.querySelectorAll('article.action')]"
        ".find((a) => a.textContent.includes(arguments[0])).id",
        LONG_WORD,
    )
    got = browser.execute_script(LAYOUT, card_id)
    assert width - 20 <= got["page"] <= width, got  # the window is as narrow as asked
    assert got["scroll"] <= got["page"] and got["right"] <= got["page"] + 1, got
    assert got["card"] >= 0.95 * got["content"], got
    # 300 words at most ~60 characters a line on a phone, ~150 on a desktop
    assert got["text_lines"] >= (25 if width < 800 else 12), got
    assert (got["tile_rows"], got["chart_rows"]) == (tile_rows, chart_rows), got


def test_tiles_link_to_their_cards(tmp_path, editions, browser):
    from selenium.webdriver.common.by import By

    path = tmp_path / "report.html"
    write_report(*editions, path)
    browser.get(path.as_uri())
    for link in browser.find_elements(By.CSS_SELECTOR, ".tile .ids a"):
        target = link.get_attribute("href").split("#", 1)[1]
        card = browser.find_element(By.ID, target)
        assert card.find_element(By.CSS_SELECTOR, ".id").text.endswith(link.text)
