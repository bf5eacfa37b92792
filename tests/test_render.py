"""Rendering the executed brief notebook: offline, code hidden, font embedded, escaped,
deterministic; the index of briefs; PDF printing."""

from __future__ import annotations

import base64
import io
import re

import pytest
from brief_fixtures import executed_brief, gold_indicators, with_rows
from bs4 import BeautifulSoup

from rol_analysis import fileio, render
from rol_analysis.exceptions import BuildError, UsageError

EVIL = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    paths, nb = executed_brief(tmp_path_factory)
    out = render.render_brief(nb, paths.report / "brief.html")
    return paths, nb, out, out.read_text(encoding="utf-8")


def test_page_is_self_contained(rendered):
    *_, page = rendered
    soup = BeautifulSoup(page, "lxml")
    assert soup.find("script") is None  # no require.js, MathJax, mermaid, widgets
    for tag in soup.find_all(src=True):
        assert tag["src"].startswith("data:"), tag["src"][:60]
    for tag in soup.find_all("link"):
        pytest.fail(f"external stylesheet link {tag}")
    for tag in soup.find_all(href=True):
        # In-page footnotes, and the validation report beside the brief (relative).
        assert tag["href"].startswith("#") or tag["href"] == "validation.html", tag["href"]
    assert soup.select_one('a.validation-link[href="validation.html"]') is not None
    css = "".join(s.get_text() for s in soup.find_all("style"))
    assert not re.search(r"url\(\s*(?!['\"]?data:)", css)
    text = re.sub(r"base64,[A-Za-z0-9+/=]+", "", page).lower()
    for word in ["cdn", "mathjax", "require.js", "mermaid", "http://", "https://"]:
        assert word not in text, word


def test_notebooks_ran_without_warnings(rendered):
    import nbformat

    _, nb_path, _, _ = rendered
    for name in ("03_analyze", "04_brief"):
        nb = nbformat.read(nb_path.with_name(f"{name}.ipynb"), as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                assert out.get("name") != "stderr", (name, out.get("text"))
                assert out.get("output_type") != "error", name


def test_code_and_prompts_hidden(rendered):
    *_, page = rendered
    assert "brief.Brief(paths)" not in page
    assert "layout.build_paths" not in page
    soup = BeautifulSoup(page, "lxml")
    assert soup.select(".jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt") == []
    assert "In&nbsp;[" not in page and "Out[" not in soup.get_text()


def test_title_footer_and_sections(rendered):
    paths, _, _, page = rendered
    soup = BeautifulSoup(page, "lxml")
    assert soup.title.get_text() == "卫滨区 2023 年法治政府建设年度报告分析简报"
    assert soup.html["lang"] == "zh-CN"
    foot = soup.select_one("footer.brief-foot").get_text()
    meta = __import__("json").loads((paths.processed_final / "report.json").read_text())
    assert meta["source_sha256"] in foot
    from rol_analysis import __version__
    assert f"rol-analysis {__version__}" in foot
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:", page)  # no build time
    for cls in ["findings", "charts", "ratios", "sections", "intensities", "trends",
                "methods", "sources"]:
        assert soup.select_one(f"section.{cls}") is not None, cls
    assert "@media print" in page


def test_font_subset_covers_exactly_the_page_text(rendered):
    from fontTools.ttLib import TTFont

    *_, page = rendered
    m = re.search(r'url\("data:font/woff;base64,([A-Za-z0-9+/=]+)"\)', page)
    assert m, "no embedded WOFF font"
    font = TTFont(io.BytesIO(base64.b64decode(m.group(1))))
    cmap = set(font.getBestCmap())
    text = BeautifulSoup(page, "lxml").get_text()
    needed = {ord(c) for c in text if ord(c) > 0x7F and not c.isspace()}
    missing = {chr(c) for c in needed - cmap}
    assert not missing - {"\u2009", "\xa0"}, f"glyphs missing from the subset: {missing}"
    assert len(cmap) < 2000  # a subset, not the 30,000-glyph font
    assert len(m.group(1)) < 400_000


def test_render_is_byte_identical(rendered, tmp_path):
    _, nb, out, _ = rendered
    again = render.render_brief(nb, tmp_path / "again.html")
    assert again.read_bytes() == out.read_bytes()


def test_escaped_report_text_end_to_end(tmp_path_factory):
    ind = with_rows(gold_indicators(), [
        {"indicator_id": "disputes_mediated", "value": 849.0, "text": "849件",
         "sentence": f"调解纠纷849件{EVIL}"}])
    paths, nb = executed_brief(tmp_path_factory, indicators=ind, key="evil")
    page = render.render_brief(nb, paths.report / "brief.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "lxml")
    assert soup.find("script") is None
    assert all(not img.get("onerror") and img["src"].startswith("data:")
               for img in soup.find_all("img"))
    assert EVIL in soup.get_text()


def test_unexecuted_notebook_is_a_build_error(tmp_path):
    from brief_fixtures import NOTEBOOKS

    with pytest.raises(BuildError, match="no brief header"):
        render.render_brief(NOTEBOOKS / "04_brief.ipynb", tmp_path / "x.html")


def test_external_reference_is_refused():
    page = '<html><body><img src="https://example.org/x.png"></body></html>'
    with pytest.raises(BuildError, match="outside the page"):
        render.make_offline(page, "nb.ipynb")
    cleaned = render.make_offline('<script src="https://cdn.x/require.js"></script><p>ok</p>',
                                  "nb.ipynb")
    assert cleaned == "<p>ok</p>"


def test_write_index_lists_every_brief(rendered, tmp_path):
    paths, *_ = rendered
    root = tmp_path
    for region, year, name, success in [("weibin", 2023, "卫滨区", True),
                                        ("hongqi", 2022, f"红旗区{EVIL}", False)]:
        rep = root / "reports" / region / str(year)
        fileio.write_text(rep / "brief.html", "<html></html>")
        fileio.write_json(rep / "validation.json", {"success": True, "warnings": [],
                                                    "failures": []})
        if not success:  # a later build failed validation: published beside the brief
            fileio.write_json(rep / "validation-failed.json", {"success": False})
        proc = root / "data" / "processed" / region / str(year)
        fileio.write_json(proc / "report.json", {"region_name": name, "issuer": "司法局"})
        fileio.write_parquet(proc / "indicators.parquet", gold_indicators(region, year))
        (rep / "ratios.csv").write_bytes((paths.report / "ratios.csv").read_bytes())
    out = render.write_index(root)
    page = out.read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "lxml")
    rows = soup.select("#briefs tbody tr")
    assert [r.a["href"] for r in rows] == ["hongqi/2022/brief.html", "weibin/2023/brief.html"]
    assert "未通过" in rows[0].get_text() and "通过" in rows[1].get_text()
    assert "仅有声明 7" in rows[1].get_text() and "常务会议学法次数 8 次" in rows[1].get_text()
    # one small inline script (filters); nothing loaded from elsewhere
    assert [sc.get("src") for sc in soup.find_all("script")] == [None]
    assert EVIL in soup.get_text() and "<img" not in page
    assert "data:font/woff;base64," in page
    assert render.write_index(root).read_bytes() == page.encode("utf-8")


def test_print_pdf_without_chromium_says_how_to_install(tmp_path, monkeypatch):
    html = fileio.write_text(tmp_path / "b.html", "<p>x</p>")
    monkeypatch.setattr(render, "find_chromium", lambda: None)
    with pytest.raises(UsageError, match="apt-get install chromium"):
        render.print_pdf(html, tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()


def test_print_pdf_with_chromium(rendered, tmp_path):
    exe = render.find_chromium()
    if not exe:
        pytest.skip("install Chromium: apt-get install chromium")
    *_, out, _ = rendered
    pdf = render.print_pdf(out, tmp_path / "brief.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000


def test_index_lists_failed_validations_with_their_report(tmp_path):
    root = tmp_path
    fileio.write_text(root / "data" / "raw" / "regions.csv",
                      "region,zh_name,city,province\nhongqi,红旗区,新乡市,河南省\n")
    failed = {"success": False, "warnings": [], "failures": [{"rule": "r"}]}
    # hongqi/2023: the first build failed validation; only the failed report exists.
    rep = root / "reports" / "hongqi" / "2023"
    fileio.write_json(rep / "validation-failed.json", failed)
    fileio.write_text(rep / "validation-failed.html", "<html></html>")
    # weibin/2023: a brief was published (with the validation that passed it), then a
    # rebuild failed validation: the failed report sits beside, under its own name.
    rep = root / "reports" / "weibin" / "2023"
    fileio.write_text(rep / "brief.html", "<html></html>")
    fileio.write_json(rep / "validation.json", {"success": True, "warnings": []})
    fileio.write_text(rep / "validation.html", "<html></html>")
    fileio.write_json(rep / "validation-failed.json", failed)
    fileio.write_text(rep / "validation-failed.html", "<html></html>")
    proc = root / "data" / "processed" / "weibin" / "2023"
    fileio.write_json(proc / "report.json", {"region_name": "卫滨区", "issuer": "司法局"})
    fileio.write_parquet(proc / "indicators.parquet", gold_indicators())
    soup = BeautifulSoup(render.write_index(root).read_text("utf-8"), "lxml")
    rows = soup.select("#briefs tbody tr")
    assert len(rows) == 2
    hongqi, weibin = rows
    assert "红旗区" in hongqi.get_text() and "未通过" in hongqi.get_text()
    assert "简报未发布" in hongqi.get_text()
    assert [a["href"] for a in hongqi.find_all("a")] == ["hongqi/2023/validation-failed.html"]
    assert hongqi.select_one(".status-failed") is not None
    assert "最近一次校验未通过" in weibin.get_text() and "上次发布的简报" in weibin.get_text()
    assert [a["href"] for a in weibin.find_all("a")] == [
        "weibin/2023/brief.html", "weibin/2023/validation-failed.html"]


def test_index_filters_and_summary_per_year(tmp_path):
    """Province/level from regions.csv (unknown when missing), data attributes the
    filters use, a form hidden without scripts, and the summary per year."""
    root = tmp_path
    fileio.write_text(root / "data" / "raw" / "regions.csv",
                      "region,zh_name,city,province,level\n"
                      "weibin,卫滨区,新乡市,河南省,county\nxinxiang,新乡市,新乡市,河南省,市级\n")
    ok = {"success": True, "warnings": [], "failures": []}
    for region, year, success, brief in [("weibin", 2023, True, True),
                                         ("weibin", 2022, True, True),
                                         ("xinxiang", 2023, False, False),
                                         ("hongqi", 2023, True, True)]:
        rep = root / "reports" / region / str(year)
        # a failed validation is published as validation-failed.json
        fileio.write_json(rep / ("validation.json" if success else "validation-failed.json"),
                          ok if success else {**ok, "success": False})
        if brief:
            fileio.write_text(rep / "brief.html", "<html></html>")
            proc = root / "data" / "processed" / region / str(year)
            fileio.write_parquet(proc / "indicators.parquet", gold_indicators(region, year))
    page = render.write_index(root).read_text("utf-8")
    soup = BeautifulSoup(page, "lxml")
    form = soup.find("form", id="filters")
    assert form.has_attr("hidden")  # scripts off: no dead controls, just the table
    assert {s["id"] for s in form.find_all(["select", "input"])} == {
        "f-name", "f-province", "f-level", "f-year", "f-status"}
    rows = {(tr["data-name"].split()[-1], tr["data-year"]): tr
            for tr in soup.select("#briefs tbody tr")}
    w = rows[("weibin", "2023")]
    assert (w["data-province"], w["data-level"], w["data-status"]) == ("河南省", "county",
                                                                       "passed")
    assert "卫滨区" in w["data-name"]
    x = rows[("xinxiang", "2023")]
    assert (x["data-level"], x["data-status"]) == ("city", "failed")
    h = rows[("hongqi", "2023")]
    assert (h["data-province"], h["data-level"]) == ("unknown", "unknown")
    assert "未知 unknown" in h.get_text()
    assert [o.get_text() for o in soup.select("#f-level option")] == [
        "全部 all", "市级 city", "县级 county", "未知 unknown"]
    summary = [[td.get_text() for td in tr.find_all("td")]
               for tr in soup.select("#summary tbody tr")]
    # year, region-years, built, failed validation, not reviewed, unconfirmed names,
    # filed with nothing published (none here: no raw report is filed)
    n = str(len(gold_indicators()))
    assert summary == [["2023", "3", "2", "1", "2", str(2 * int(n)), "0"],
                       ["2022", "1", "1", "0", "1", n, "0"]]


def test_find_chromium_skips_snap_shims_and_finds_playwrights_browser(tmp_path, monkeypatch):
    # Ubuntu's chromium-browser is a script that runs the snap: it must not be chosen.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "chromium-browser"
    shim.write_text("#!/bin/sh\nexec /snap/bin/chromium \"$@\"\n")
    shim.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("ROL_CHROMIUM", raising=False)
    monkeypatch.setattr(render, "CHROMIUM_APPS", ())
    cache = tmp_path / "ms-playwright"
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(cache))
    assert render.find_chromium() is None
    chrome = cache / "chromium-1234" / "chrome-linux" / "chrome"
    chrome.parent.mkdir(parents=True)
    chrome.write_bytes(b"\x7fELF")
    assert render.find_chromium() == str(chrome)


def test_index_counts_inferred_rates_apart(tmp_path):
    import pandas as pd

    from rol_analysis import statuses

    rep = tmp_path / "reports" / "weibin" / "2023"
    fileio.write_text(rep / "brief.html", "<html></html>")
    fileio.write_json(rep / "validation.json", {"success": True, "warnings": [],
                                                "failures": []})
    fileio.write_csv(rep / "ratios.csv", pd.DataFrame({"status": [
        statuses.CLAIM_ONLY, statuses.MISMATCH_INFERRED, statuses.CONSISTENT_INFERRED,
        statuses.CONSISTENT_INFERRED]}))
    row = BeautifulSoup(render.write_index(tmp_path).read_text(encoding="utf-8"),
                        "lxml").select_one("#briefs tbody tr").get_text()
    assert "不一致 0 · 仅有声明 1 · 一致 0" in row
    assert "推断 inferred：不一致 1 · 一致 2 · 仅可推算 0" in row


def test_index_counts_the_stated_changes_the_year_before_contradicts(tmp_path):
    """Trial 24: 不一致 0 for a brief whose key findings flag 同比增长9.5% (the two years
    give +7.5%): the index counts the stated changes' mismatches too, and says so."""
    import pandas as pd

    from rol_analysis import ratios, statuses, yoy

    rep = tmp_path / "reports" / "weibin" / "2023"
    fileio.write_text(rep / "brief.html", "<html></html>")
    fileio.write_json(rep / "validation.json", {"success": True, "warnings": [],
                                                "failures": []})
    fileio.write_csv(rep / "ratios.csv", pd.DataFrame({"status": [statuses.CONSISTENT]}))
    stated = pd.DataFrame([{"indicator_id": "legal_aid_cases", "zh_name": "法律援助案件数",
                            "stated_text": "同比增长9.5%", "stated_sentence": "…",
                            "stated_status": statuses.MISMATCH},
                           {"indicator_id": "petitions_received", "zh_name": "受理信访事项数",
                            "stated_text": "同比下降8.7%", "stated_sentence": "…",
                            "stated_status": statuses.CONSISTENT},
                           {"indicator_id": "x", "zh_name": "y", "stated_status": ""}])
    fileio.write_csv(rep / ratios.CHANGES_FILE, yoy.stated_checks(stated))
    soup = BeautifulSoup(render.write_index(tmp_path).read_text(encoding="utf-8"), "lxml")
    row = soup.select_one("#briefs tbody tr").get_text()
    assert "不一致 0 · 仅有声明 0 · 一致 1" in row and "同比：不一致 1" in row
    assert "同比" in soup.select("#briefs thead th")[8].get_text()


def test_index_reads_old_and_new_tables_together_and_survives_a_damaged_one(tmp_path):
    """The index reads every indicators table in one scan of the columns it shows: a
    table from an older build without the ``review`` column, a reviewed one and a
    damaged one side by side."""
    ok = {"success": True, "warnings": [], "failures": []}
    reviewed = gold_indicators("alpha", 2023).assign(review="confirm | 张三")
    older = gold_indicators("beta", 2023).drop(columns=["review"])
    for region, table in (("alpha", reviewed), ("beta", older), ("gamma", None)):
        rep = tmp_path / "reports" / region / "2023"
        fileio.write_json(rep / "validation.json", ok)
        fileio.write_text(rep / "brief.html", "<html></html>")
        proc = tmp_path / "data" / "processed" / region / "2023"
        if table is None:
            fileio.write_bytes(proc / "indicators.parquet", b"not parquet")
        else:
            fileio.write_parquet(proc / "indicators.parquet", table)
    soup = BeautifulSoup(render.write_index(tmp_path).read_text("utf-8"), "lxml")
    rows = {tr["data-name"].split()[-1]: [td.get_text() for td in tr.find_all("td")]
            for tr in soup.select("#briefs tbody tr")}
    n = str(len(reviewed))
    # columns: region, province, level, year, issuer, validation, review, indicators, ...
    assert rows["alpha"][6:8] == ["已审核 reviewed0 个指标名称未确认 ○ 0 names unconfirmed", n]
    assert rows["beta"][6:8] == [f"未审核 not reviewed{n} 个指标名称未确认 ○ {n} names "
                                 "unconfirmed", n]
    assert rows["alpha"][9] and rows["alpha"][9] == rows["beta"][9]  # headline numbers
    assert rows["gamma"][7] == "0" and rows["gamma"][9] == ""  # counts lost, row kept


def test_index_counts_the_names_no_reviewer_confirmed_like_the_brief(tmp_path):
    """Per region-year and per year, how many indicator names nobody confirmed: a
    confirmed, a corrected and an added name count as decided, an excluded mark or no
    mark does not (the brief's ○ rule); a region-year without a brief has no count."""
    ok = {"success": True, "warnings": [], "failures": []}
    table = gold_indicators("alpha", 2023)
    marks = ["confirm | 张三", "set | 李四 | 原读作 5 件 · x", "add | 王五", "exclude | 赵六"]
    table["review"] = marks + [""] * (len(table) - len(marks))
    for region, year, t in (("alpha", 2023, table), ("beta", 2023, table.head(4)),
                            ("gamma", 2022, None)):
        rep = tmp_path / "reports" / region / str(year)
        fileio.write_json(rep / "validation.json", ok)
        if t is not None:
            fileio.write_text(rep / "brief.html", "<html></html>")
            proc = tmp_path / "data" / "processed" / region / str(year)
            fileio.write_parquet(proc / "indicators.parquet", t)
    soup = BeautifulSoup(render.write_index(tmp_path).read_text("utf-8"), "lxml")
    cells = {tr["data-name"].split()[-1]: tr.find_all("td")[6]
             for tr in soup.select("#briefs tbody tr")}
    left = len(table) - 3
    assert cells["alpha"].select_one(".unconfirmed-count").get_text() == (
        f"{left} 个指标名称未确认 ○ {left} names unconfirmed")
    assert "部分审核" in cells["alpha"].get_text()
    assert cells["beta"].select_one(".unconfirmed-count").get_text().startswith("1 个")
    assert cells["gamma"].select_one(".unconfirmed-count") is None
    summary = {tr.td.get_text(): tr.find_all("td")[5].get_text()
               for tr in soup.select("#summary tbody tr")}
    assert summary == {"2023": str(left + 1), "2022": "0"}


def test_the_index_records_the_regions_digest_rol_list_compares(tmp_path):
    """The index records the digest of the regions it lists (``index_regions``), taken
    from its own rows: a published region, one whose validation alone failed and one
    filed and never built. Another digest would call a fresh index outdated in `rol
    list` and have every `rol build` rewrite it."""
    fileio.write_text(tmp_path / "data/raw/regions.csv",
                      "region,zh_name,city,province,level\nweibin,卫滨区,新乡市,河南省,county\n"
                      "hongqi,红旗区,新乡市,河南省,county\nmuye,牧野区,新乡市,河南省,county\n")
    fileio.write_text(tmp_path / "data/raw/muye/2023.txt", "x")  # filed, never built
    rep = tmp_path / "reports/weibin/2023"
    fileio.write_text(rep / "brief.html", "<html></html>")
    fileio.write_json(rep / "validation.json", {"success": True, "warnings": []})
    fileio.write_json(tmp_path / "reports/hongqi/2023/validation-failed.json",
                      {"success": False, "warnings": [], "failures": [{"rule": "r"}]})
    index = render.write_index(tmp_path)
    assert render.index_recorded_regions(index) == render.index_regions(tmp_path)
    names = [tr["data-name"] for tr in BeautifulSoup(index.read_text("utf-8"), "lxml")
             .select("#briefs tbody tr")]
    assert [n.split()[0] for n in names] == ["红旗区", "牧野区", "卫滨区"]


def test_a_damaged_rates_or_changes_table_costs_its_counts_not_part_of_them(tmp_path):
    """ratios.csv and changes.csv are read alike: a table that cannot be read to its end
    (here bytes that are no UTF-8 after its first rows) gives no counts, not the counts
    of the rows before the damage (a 不一致 in the lost part would read as none)."""
    import pandas as pd

    from rol_analysis import ratios, statuses

    rep = tmp_path / "reports" / "weibin" / "2023"
    fileio.write_text(rep / "brief.html", "<html></html>")
    fileio.write_json(rep / "validation.json", {"success": True, "warnings": [],
                                                "failures": []})
    good = pd.DataFrame({"status": [statuses.CONSISTENT] * 2000,
                         "stated_status": [statuses.MISMATCH] * 2000})
    for name in ("ratios.csv", ratios.CHANGES_FILE):
        fileio.write_csv(rep / name, good)
        fileio.write_bytes(rep / name, (rep / name).read_bytes() + b"\xff\xfe\xff\n")
    row = BeautifulSoup(render.write_index(tmp_path).read_text(encoding="utf-8"),
                        "lxml").select_one("#briefs tbody tr").get_text()
    assert "不一致 0 · 仅有声明 0 · 一致 0 ·" in row and "同比" not in row
