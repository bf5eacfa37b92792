"""The published brief in a real headless Chromium: what a reviewer's browser does.

Checks: no request leaves the page, no console error, every image decodes, the
embedded font loads and draws the Chinese text (not boxes), the page is not blank, and
axe-core finds no critical or serious accessibility violation on the brief, index.html
and validation.html. The browser is found as `rol build --pdf` finds it
(``render.find_chromium``); axe-core comes from npm (``make test`` and ``.ci/run``
install it into ``.cache/axe``). Skipped with an install hint when either is missing,
except under CI=true, where a missing browser or axe-core is a failure.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from brief_fixtures import REPO, executed_brief

from rol_analysis import render
from rol_analysis.fonts import WEB_FAMILY

CHROMIUM = render.find_chromium()
AXE_JS = REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing(msg):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"under CI=true: {msg}")
    pytest.skip(msg)


def _need_chromium():
    if CHROMIUM is None or not Path(CHROMIUM).is_file():
        _missing(f"no Chromium found; {render.INSTALL_HINT} (needed to test the brief in a "
                 "browser)")


@pytest.fixture(scope="module")
def brief_html(tmp_path_factory):
    _need_chromium()  # before the (slow) notebook run
    paths, nb = executed_brief(tmp_path_factory)
    return render.render_brief(nb, paths.report / "brief.html")


@pytest.fixture(scope="module")
def page_report(brief_html):
    """Open the brief once; collect requests, console errors, image and font state."""
    _need_chromium()
    from playwright.sync_api import sync_playwright

    requests, console_errors, page_errors = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: console_errors.append(m.text)
                    if m.type == "error" else None)
            page.on("pageerror", lambda e: page_errors.append(str(e)))
            page.goto(brief_html.resolve().as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            images = page.evaluate(
                "Array.from(document.images).map(i => [i.alt, i.complete, i.naturalWidth])")
            font_ok = page.evaluate(
                f"document.fonts.check('16px \"{WEB_FAMILY}\"', '卫滨区法治政府')")
            font_status = page.evaluate(
                "Array.from(document.fonts).map(f => [f.family.replace(/\"/g, ''), f.status])")
            h1 = page.locator("h1")
            with_font = h1.screenshot()
            # The same heading without the embedded font: on a machine without CJK fonts
            # the glyphs fall back to boxes (or another font); either way the pixels must
            # differ from what the embedded font draws, proving it is the one in use.
            page.add_style_tag(content=f'h1 {{ font-family: "NoSuchFont-{WEB_FAMILY}", '
                                       "monospace !important; }")
            without_font = h1.screenshot()
            page.add_style_tag(content="h1 { font-family: inherit !important; }")
            full = page.screenshot(full_page=True)
        finally:
            browser.close()
    return {"requests": requests, "console": console_errors, "page_errors": page_errors,
            "images": images, "font_ok": font_ok, "font_status": font_status,
            "with_font": with_font, "without_font": without_font, "full": full,
            "url": brief_html.resolve().as_uri()}


def _pixels(png: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("L")


def test_no_request_leaves_the_page(page_report):
    outside = [u for u in page_report["requests"]
               if not u.startswith(("data:", "about:")) and u != page_report["url"]]
    assert outside == []


def test_no_console_or_page_error(page_report):
    assert page_report["console"] == []
    assert page_report["page_errors"] == []


def test_every_image_decoded(page_report):
    assert len(page_report["images"]) >= 2  # at least the section and the rate charts
    for alt, complete, width in page_report["images"]:
        assert complete and width > 0, f"image {alt!r} not decoded"


def test_embedded_font_loaded_and_used_for_chinese(page_report):
    assert page_report["font_ok"] is True
    assert [WEB_FAMILY, "loaded"] in page_report["font_status"]
    a, b = _pixels(page_report["with_font"]), _pixels(page_report["without_font"])
    assert a.tobytes() != b.tobytes(), "the heading looks the same without the embedded font"
    # Drawn glyphs, not empty boxes: a line of CJK text has many dark pixels.
    dark = sum(a.histogram()[:128])
    assert dark > 300


def test_screenshot_not_blank(page_report):
    from PIL import ImageStat

    img = _pixels(page_report["full"])
    assert img.size[1] > 1500  # a long page: every section rendered
    assert ImageStat.Stat(img).stddev[0] > 10


def test_a_cells_footnote_opens_its_own_number_in_the_sentence(seed_built):
    """Reviewer trial: a footnote pointed at a sentence of several numbers (the seed's
    受理…9件，…结案9件 states one value twice). Clicked in the browser, each section
    table cell's footnote opens the sources at a marked number that is the cell's value,
    drawn apart from the sentence's other numbers; the two 9件 cells open two different
    marks; the mark, clicked, goes back to the cell."""
    _need_chromium()
    from playwright.sync_api import sync_playwright

    def digits(text):
        return "".join(c for c in text if c.isdigit() or c == ".")

    brief = seed_built[0] / "reports/weibin/2023/brief.html"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.goto(brief.resolve().as_uri(), wait_until="load")
            cells = page.locator(".sections td span.num")
            seen: dict[str, dict[str, str]] = {}
            for i in range(cells.count()):
                cell = cells.nth(i)
                sentence, shown = cell.get_attribute("title"), cell.text_content()
                cell.locator("xpath=following-sibling::sup[1]/a").click()
                tag, marked, quoted, color, mark_id = page.evaluate(
                    "(() => { const t = document.querySelector(':target'); return "
                    "[t.tagName, t.textContent, t.closest('li').textContent, "
                    "getComputedStyle(t).backgroundColor, t.id] })()")
                assert tag == "MARK" and quoted == sentence, (shown, mark_id)
                assert digits(marked) == digits(shown), (shown, marked, sentence)
                others = page.evaluate(
                    "Array.from(document.querySelector(':target').closest('li')"
                    ".querySelectorAll('mark:not(:target)'))"
                    ".map(m => getComputedStyle(m).backgroundColor)")
                assert color not in others  # drawn apart from the sentence's others
                seen.setdefault(sentence, {})[mark_id] = shown
                page.locator(":target a").click()  # back to its row in the tables
                assert digits(page.evaluate(
                    "document.querySelector(':target').textContent")) == digits(shown)
            assert sum(len(v) > 1 for v in seen.values()) >= 5  # sentences of several
            twice = next(v for s, v in seen.items() if "申请9件，在法定期限内已结案9件" in s)
            assert len(twice) == 2 and set(twice.values()) == {"9 件"}
        finally:
            browser.close()


# ------------------------------------------------------------------ accessibility


@pytest.fixture(scope="module")
def axe_results(seed_built):
    """axe-core's violations on the three pages a reviewer opens, built from the seed."""
    _need_chromium()
    if not AXE_JS.is_file():
        _missing(f"axe-core not installed at {AXE_JS}: run `npm install --prefix .cache/axe "
                 "axe-core@4.11.0` (make test does)")
    from playwright.sync_api import sync_playwright

    reports = seed_built[0] / "reports"
    pages = {"brief": reports / "weibin/2023/brief.html", "index": reports / "index.html",
             "validation": reports / "weibin/2023/validation.html"}
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for name, path in pages.items():
                page = browser.new_page(viewport={"width": 1000, "height": 900})
                page.goto(path.resolve().as_uri(), wait_until="load")
                page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
                result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
                out[name] = [(v["impact"], v["id"], [n["target"] for n in v["nodes"]][:5])
                             for v in result["violations"]]
                page.close()
        finally:
            browser.close()
    return out


@pytest.mark.parametrize("page", ["brief", "index", "validation"])
def test_no_critical_or_serious_accessibility_violation(axe_results, page):
    bad = [v for v in axe_results[page] if v[0] in ("critical", "serious")]
    assert bad == [], bad


@pytest.mark.parametrize("page", ["index", "validation"])
def test_pages_have_a_main_landmark(axe_results, page):
    ids = {v[1] for v in axe_results[page]}
    assert not ids & {"landmark-one-main", "region"}, axe_results[page]


# ------------------------------------------------- a brief that shows other briefs


@contextlib.contextmanager
def _opened(html: Path, width: int = 1000):
    """``html`` open in headless Chromium at a normal window width: the page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(html.resolve().as_uri(), wait_until="load")
            yield page
        finally:
            browser.close()


@pytest.fixture(scope="module")
def peers_built(tmp_path_factory):
    """weibin 2022 and 2023 and hongqi 2023 built by `rol build --all`: weibin/2023's
    brief has a year-over-year table and a regions table whose figures link into the
    other two briefs."""
    _need_chromium()
    from conftest import SEED, make_root, rol

    seed = SEED.read_bytes()
    earlier = seed.replace(b"2023", b"2022").replace("全年学法 8 次".encode(),
                                                     "全年学法 6 次".encode())
    root = make_root(tmp_path_factory.mktemp("peers") / "root", {
        ("weibin", 2022): earlier, ("weibin", 2023): seed,
        ("hongqi", 2023): seed.replace("卫滨区".encode(), "红旗区".encode())})
    with open(root / "data/raw/regions.csv", "a", encoding="utf-8") as fh:
        fh.write("hongqi,红旗区,新乡市,河南省,county\n")
    proc = rol("build", "--all", "--jobs", "2", "--root", root)
    assert proc.returncode == 0, proc.stderr
    return root / "reports"


@pytest.mark.slow
def test_a_brief_with_peers_is_accessible_and_its_peer_links_reach_their_sentence(
        peers_built):
    """Trial 5 F14: the year-over-year and regions tables' figures of other briefs are
    links. axe-core finds no critical or serious violation on such a brief (the seed's
    has neither table), and each link, followed in the browser, opens the other brief at
    a source sentence that holds the figure."""
    if not AXE_JS.is_file():
        _missing(f"axe-core not installed at {AXE_JS}: run `npm install --prefix .cache/axe "
                 "axe-core@4.11.0` (make test does)")
    with _opened(peers_built / "weibin/2023/brief.html") as page:
        assert page.locator("table.yoy a.peer-src").count() > 0
        assert page.locator("table.panel a.peer-src").count() > 0
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["impact"], v["id"], [n["target"] for n in v["nodes"]][:5])
               for v in result["violations"] if v["impact"] in ("critical", "serious")]
        assert bad == [], bad
        links = page.evaluate(
            "Array.from(document.querySelectorAll('a.peer-src'))"
            ".map(a => [a.href, a.textContent])")
        followed = set()
        for href, text in links:
            if href in followed:
                continue
            followed.add(href)
            page.goto(href, wait_until="load")
            target = page.evaluate("document.querySelector(':target')?.textContent")
            number = text.split(" ")[0].strip("≥≤≈%").replace(",", "")
            assert target and number in target.replace(" ", ""), (href, text, target)
        assert {h.split("/reports/")[1].split("#")[0] for h in followed} == {
            "weibin/2022/brief.html", "hongqi/2023/brief.html"}


@pytest.mark.slow
def test_the_regions_table_keeps_each_regions_name_and_place_on_one_line(peers_built):
    """Trial 23: at a normal window width the regions table's many figure columns
    squeezed the region's name to one character per line. Its name, city and province,
    and each figure with its marks, stay on one line; the table scrolls sideways."""
    with _opened(peers_built / "weibin/2023/brief.html") as page:
        lines = page.evaluate("""() => {
            const t = document.querySelector('.trends table.panel');
            const out = [];
            for (const tr of t.querySelectorAll('tbody tr')) {
                [0, 1, 2, 4, 5].forEach(i => {
                    const cell = tr.cells[i], range = document.createRange();
                    range.selectNodeContents(cell);
                    // a line starts below every box before it (a smaller mark or
                    // a footnote sits higher or lower on the same line)
                    const boxes = [...range.getClientRects()].filter(r => r.width > 0)
                        .sort((a, b) => a.top - b.top);
                    let n = 0, bottom = -Infinity;
                    for (const r of boxes) {
                        if (r.top >= bottom - 1) n += 1;
                        bottom = Math.max(bottom, r.bottom);
                    }
                    out.push([cell.innerText, n]);
                });
            }
            return out;
        }""")
        assert lines and all(n == 1 for _, n in lines), lines
