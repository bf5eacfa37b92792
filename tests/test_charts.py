"""Charts: Chinese labels drawn with the packaged font (no missing glyphs), stable PNGs."""

from __future__ import annotations

import io
import warnings

import pytest
from brief_fixtures import gold_indicators, mixed_kinds, publish, stage, with_rows

from rol_analysis import charts, fonts, ratios


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    return ratios.analyse(stage(tmp_path_factory.mktemp("charts")))


@pytest.fixture(scope="module")
def analysis_with_history(tmp_path_factory):
    root = tmp_path_factory.mktemp("charts-history")
    seed = gold_indicators()
    earlier = with_rows(seed, [{"indicator_id": "disputes_mediated", "value": 900.0}])
    publish(root, "weibin", 2022, earlier.assign(year=2022))
    publish(root, "hongqi", 2023, seed.head(20), "红旗区")
    return ratios.analyse(stage(root))


def _draw_all(a):
    # Any "Glyph ... missing from font" (or other) warning while drawing is a failure.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return charts.all_charts(a)


def test_font_comes_from_the_package_and_covers_the_labels():
    from matplotlib import font_manager

    path = fonts.font_path()
    assert path.name == "NotoSansSC-Regular.otf"
    assert fonts.use_in_matplotlib() == "Noto Sans SC"
    found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]),
                                  fallback_to_default=False)
    assert found == str(path)


def test_no_missing_glyph_warnings_and_images_are_png(analysis):
    made = _draw_all(analysis)
    assert [c.name for c in made] == ["by_section", "rates"]
    for c in made:
        assert c.png.startswith(b"\x89PNG")
        assert c.width > 400 and c.height > 300


def test_year_over_year_and_panel_only_with_other_data(analysis, analysis_with_history):
    assert charts.year_over_year(analysis) is None
    assert charts.panel(analysis) is None
    made = {c.name: c for c in _draw_all(analysis_with_history)}
    assert set(made) == {"by_section", "rates", "year_over_year", "panel"}
    assert "较2022年变化" in made["year_over_year"].title


def test_charts_are_byte_identical_across_runs(analysis):
    a = [c.png for c in _draw_all(analysis)]
    b = [c.png for c in _draw_all(analysis)]
    assert a == b


def test_chinese_is_drawn_not_as_boxes(analysis):
    """Rendering a label with the packaged font differs from rendering the same
    label's missing-glyph boxes: the label uses real glyphs."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from PIL import Image

    def draw(text):
        fig = Figure(figsize=(3, 1), dpi=80)
        FigureCanvasAgg(fig)
        fig.text(0.05, 0.4, text, fontsize=20)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        return Image.open(buf).convert("L").tobytes()

    fonts.use_in_matplotlib()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert draw("调解成功率") != draw("规范性文件")


def test_rates_chart_marks_reported_and_recomputed(analysis):
    chart = charts.rates(analysis)
    assert "报告值与按数据推算值" in chart.title
    assert 'alt="' in chart.img_tag() and chart.img_tag().count("data:image/png;base64,") == 1


def test_report_without_indicators_draws_without_warnings(tmp_path):
    empty = gold_indicators().iloc[0:0]
    a = ratios.analyse(stage(tmp_path, indicators=empty))
    assert [c.name for c in _draw_all(a)] == ["by_section"]


@pytest.fixture(scope="module")
def single_rate(tmp_path_factory):
    """A report with one rate, reported 96% and recomputed 96% from its counts."""
    seed = gold_indicators()
    ind = with_rows(seed[seed["kind"] != "rate"], [
        {"indicator_id": "mediation_success_rate", "value": 96.0, "text": "96%",
         "sentence": "调解成功率96%"},
        {"indicator_id": "disputes_mediated", "value": 100.0, "text": "100件",
         "sentence": "调解纠纷100件"},
        {"indicator_id": "disputes_mediated_successfully", "value": 96.0, "text": "96件",
         "sentence": "调解成功96件"},
    ])
    a = ratios.analyse(stage(tmp_path_factory.mktemp("single-rate"), indicators=ind))
    assert len(a.ratios) == 1 and a.ratios["recomputed"].iloc[0] == 96
    return a


def _drawn(fig):
    """The figure saved as the chart is, as an RGB image (so layout is final)."""
    from PIL import Image

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=charts.DPI)
    return Image.open(buf).convert("RGB")


def test_single_rate_chart_legend_clear_of_axis_label_and_no_empty_band(single_rate):
    fig, _, _ = charts._rates_figure(single_rate)
    img = _drawn(fig)
    renderer = fig.canvas.get_renderer()
    legend = fig.legends[0].get_window_extent(renderer)
    xlabel = fig.axes[0].xaxis.label.get_window_extent(renderer)
    assert not legend.overlaps(xlabel), (legend, xlabel)
    assert legend.y1 <= xlabel.y0  # below the label, inside the figure
    assert legend.y0 >= 0
    # No large blank band under the chart: the legend is the last thing drawn and sits
    # close to the bottom edge (display y grows upwards).
    assert legend.y0 < 25, legend
    # Height follows the number of rates, with a floor for a single one.
    assert img.size[1] == round(charts.RATE_MIN_IN * charts.DPI)
    chart = charts.rates(single_rate)
    assert chart.height == img.size[1] and chart.height < 400


def test_equal_reported_and_recomputed_are_both_visible(single_rate):
    fig, _, _ = charts._rates_figure(single_rate)
    img = _drawn(fig)
    x, y = fig.axes[0].transData.transform((96, 0))
    px = img.getpixel((round(x), img.size[1] - round(y)))
    # The centre of the recomputed diamond shows the reported dot (status colour), not
    # the diamond's white fill.
    green = tuple(int(charts.STATUS_COLOURS["consistent"][i:i + 2], 16) for i in (1, 3, 5))
    assert max(abs(a - b) for a, b in zip(px, green)) < 40, px
    # ...and the diamond's outline is drawn around it: same colour a few pixels out.
    ring = [img.getpixel((round(x) + dx, img.size[1] - round(y))) for dx in range(6, 12)]
    assert any(max(abs(a - b) for a, b in zip(p, green)) < 60 for p in ring), ring


def test_empty_sections_show_zero(analysis):
    fig, _, _ = charts._by_section_figure(analysis)
    labels = [t.get_text() for t in fig.axes[0].texts]
    from rol_analysis.catalogue import load

    # One count per catalogue section, empty ones included (the seed has 3 sections
    # with no indicator: 普法与公共法律服务 and the two closing sections).
    assert len(labels) == len(load().sections)
    assert labels.count("0") >= 1


@pytest.fixture(scope="module")
def few_counts(tmp_path_factory):
    """A report with one or two indicators a section, beside one other region stating
    two: the counts where matplotlib's default ticks fall on halves."""
    root = tmp_path_factory.mktemp("few-counts")
    seed = gold_indicators()
    ids = ["disputes_mediated", "people_mediators", "legal_advisor_services"]
    publish(root, "hongqi", 2023, seed[seed["indicator_id"].isin(ids[:2])], "红旗区")
    return ratios.analyse(stage(root, indicators=seed[seed["indicator_id"].isin(ids)]))


def _tick_values(fig) -> list[float]:
    fig.canvas.draw()
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    return [t for t in ax.get_xticks() if lo <= t <= hi]


def test_count_axes_have_whole_number_ticks(few_counts):
    for figure in (charts._by_section_figure, charts._panel_figure):
        fig, name, _ = figure(few_counts)
        ticks = _tick_values(fig)
        assert len(ticks) >= 2, (name, ticks)
        assert all(float(t).is_integer() for t in ticks), (name, ticks)
        # the axis still reads as a count axis, not one tick per bar
        assert fig.axes[0].get_xlabel() == "指标数（项）"


def test_regions_sharing_a_name_are_told_apart(tmp_path):
    seed = gold_indicators()
    publish(tmp_path, "xincheng-xa", 2023, seed.head(5), "新城区")
    publish(tmp_path, "xincheng-hh", 2023, seed.head(8), "新城区")
    a = ratios.analyse(stage(tmp_path))
    labels = charts.region_labels(a)
    assert labels == {"weibin": "卫滨区", "xincheng-hh": "新城区（xincheng-hh）",
                      "xincheng-xa": "新城区（xincheng-xa）"}
    fig, _, _ = charts._panel_figure(a)
    fig.canvas.draw()
    drawn = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(drawn) == sorted(labels.values())  # one bar each, none merged


@pytest.mark.parametrize("n_regions", [2, 3, 8])
def test_regions_chart_legend_never_hides_a_bar(tmp_path, n_regions):
    """The longest bar, with every kind, drawn at the bottom (as trial 2's 兴江乡 was):
    the legend must not cover it or any other bar, whatever the number of regions."""
    seed = gold_indicators()
    for i in range(n_regions - 1):  # slugs sort before weibin: weibin is the bottom bar
        publish(tmp_path, f"r{i}", 2023, seed.head(3 + 4 * i), f"地区{i}")
    fig, _, _ = charts._panel_figure(ratios.analyse(stage(tmp_path)))
    img = _drawn(fig)
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    legends = fig.legends + [leg for leg in [ax.get_legend()] if leg is not None]
    assert len(legends) == 1
    legend = legends[0].get_window_extent(renderer)
    assert [t.get_text() for t in legends[0].get_texts()] == ["数量", "金额", "比率"]
    # every region is of the report's kind (a government by its title): nothing marked
    assert not any(p.get_hatch() for p in ax.patches)
    assert not any("（" in t.get_text() for t in ax.get_yticklabels())
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    assert len(bars) >= n_regions
    assert not any(legend.overlaps(b) for b in bars), legend
    xlabel = ax.xaxis.label.get_window_extent(renderer)
    assert not legend.overlaps(xlabel) and legend.y0 >= 0  # whole, inside the image
    assert legend.x0 >= 0 and legend.x1 <= img.size[0]


@pytest.mark.parametrize("earlier", ["one", "all"])
def test_year_over_year_with_no_change_has_a_readable_axis(tmp_path, earlier):
    """A count the same in both years (+0.0%), alone or on every row (trial 2: one
    +0.0% row drew an axis from 0 to 1.2): the axis is symmetric around 0, spans at
    least the minimum each side, and shows the zero line and each label inside it."""
    seed = gold_indicators()
    same = (seed[seed["indicator_id"] == "disputes_mediated"] if earlier == "one"
            else seed[seed["kind"] == "count"].head(5))
    publish(tmp_path, "weibin", 2022, same.assign(year=2022))
    a = ratios.analyse(stage(tmp_path))
    fig, _, _ = charts._year_over_year_figure(a)
    _drawn(fig)
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    assert lo == -hi and hi >= charts.YOY_MIN_SPAN_PCT, (lo, hi)
    ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
    assert min(ticks) < 0 < max(ticks) and 0 in ticks, ticks
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    zero = ax.transData.transform((0, 0))[0]
    assert box.x0 + box.width / 3 < zero < box.x1 - box.width / 3  # mid-axis, not an edge
    labels = [t for t in ax.texts if t.get_text().strip() == "+0.0%"]
    assert len(labels) == len(same)
    assert all(box.contains(*t.get_window_extent(renderer).p0) and
               box.contains(*t.get_window_extent(renderer).p1) for t in labels)
    assert charts.year_over_year(a).png.startswith(b"\x89PNG")


def test_one_outlying_change_is_clipped_so_the_other_bars_stay_readable(tmp_path):
    """Trial 24: 清理规范性文件 23 → 207 (+800 %) drew the axis to ±1000 % and every other
    change (+10 %) as a line. The outlier is drawn to the axis' bound, hatched, its
    label giving its value; the others keep their length."""
    seed = gold_indicators()
    counts = seed[(seed["kind"] == "count") & (seed["value"] >= 9)].head(4)
    before = counts["value"] / 1.1
    before.iloc[0] = counts["value"].iloc[0] / 9
    publish(tmp_path, "weibin", 2022, counts.assign(year=2022, value=before.round(4)))
    a = ratios.analyse(stage(tmp_path))
    fig, _, _ = charts._year_over_year_figure(a)
    _drawn(fig)
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    assert hi <= charts.YOY_CLIP_FLOOR_PCT * 1.35 + 1e-9, (lo, hi)
    texts = [t.get_text().strip() for t in ax.texts]
    assert "+800.0%（轴外）" in texts and texts.count("+10.0%") == 3, texts
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_width() == charts.YOY_CLIP_FLOOR_PCT
    assert all(p.get_width() / hi > 0.05 for p in ax.patches)  # not squashed to a line
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    label = next(t for t in ax.texts if "轴外" in t.get_text()).get_window_extent(renderer)
    assert box.x0 <= label.x0 and label.x1 <= fig.bbox.x1
    assert "斜线柱超出 ±100%" in ax.get_xlabel()


def test_changes_without_an_outlier_are_not_clipped():
    assert charts._yoy_clip([800.0]) is None  # one bar: its own axis
    assert charts._yoy_clip([150.0, 120.0, 90.0]) is None
    assert charts._yoy_clip([800.0, 10.0, 5.0]) == charts.YOY_CLIP_FLOOR_PCT
    # two outliers both clipped: 3 × the median (50) of all but the largest
    assert charts._yoy_clip([-900.0, 700.0, 40.0, 50.0, 60.0, 50.0]) == 150.0


def test_a_change_is_rounded_once_in_the_table_and_the_chart(tmp_path):
    """52 → 54 is +3.846%: the brief's table and the chart's label both say +3.8%, not
    the +3.9% of rounding the stored two-decimal 3.85 again (trial 5 F2)."""
    from bs4 import BeautifulSoup

    from rol_analysis import brief

    seed = gold_indicators()
    count = seed[seed["kind"] == "count"].head(1)
    iid, zh = count["indicator_id"].iloc[0], count["zh_name"].iloc[0]
    now = with_rows(seed, [{"indicator_id": iid, "value": 54.0, "text": "54"}])
    publish(tmp_path, "weibin", 2022, count.assign(year=2022, value=52.0, text="52"))
    b = brief.Brief(stage(tmp_path, indicators=now))
    assert b.analysis.yoy.set_index("indicator_id").at[iid, "change_pct"] == 3.85
    page = BeautifulSoup(b.trends().data, "lxml")
    row = [td.get_text() for tr in page.select("table.yoy tbody tr")
           if tr.find_all("td")[0].get_text() == zh for td in tr.find_all("td")]
    assert row[4] == "+3.8%", row
    fig, _, _ = charts._year_over_year_figure(b.analysis)
    assert [t.get_text().strip() for t in fig.axes[0].texts] == ["+3.8%"]


def _long_bottom_bars(root):
    """The seed report with every 应急管理 indicator stated and a change (four kinds in
    the legend): the longest bar sits just above the two closing sections, at the bottom
    right, where the sections chart's legend used to be drawn over it."""
    from rol_analysis.catalogue import load

    cat = load()
    seed = gold_indicators()
    ids = [i for i, ind in cat.indicators.items()
           if ind.section == "emergency"] + ["petitions_change"]
    return stage(root, indicators=with_rows(seed, [{"indicator_id": i, "value": 3.0}
                                                   for i in ids]))


@pytest.mark.parametrize("report", ["seed", "long_bottom_bars"])
def test_sections_chart_legend_is_outside_the_axes(tmp_path, report):
    """The legend of kinds sits under the axes, as the regions chart's does: never over
    a bar, a count label or the axis label, whole and inside the image."""
    paths = stage(tmp_path) if report == "seed" else _long_bottom_bars(tmp_path)
    a = ratios.analyse(paths)
    fig, _, _ = charts._by_section_figure(a)
    img = _drawn(fig)
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    assert ax.get_legend() is None and len(fig.legends) == 1
    legend = fig.legends[0].get_window_extent(renderer)
    kinds = [t.get_text() for t in fig.legends[0].get_texts()]
    assert kinds == ["数量", "金额", "比率"] + (["变化"] if report != "seed" else [])
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    assert len(bars) >= 3 * len(ax.get_yticks())  # one bar a kind and section, zeros too
    assert not legend.overlaps(ax.get_window_extent(renderer)), legend  # the data area
    assert not any(legend.overlaps(b) for b in bars)
    assert not any(legend.overlaps(t.get_window_extent(renderer)) for t in ax.texts)
    xlabel = ax.xaxis.label.get_window_extent(renderer)
    assert not legend.overlaps(xlabel) and legend.y1 <= xlabel.y0  # under the label
    assert legend.x0 >= 0 and legend.x1 <= img.size[0] and legend.y0 >= 0
    # the longest bar keeps its count label inside the image
    assert all(t.get_window_extent(renderer).x1 <= img.size[0] for t in ax.texts)


def test_sections_chart_without_indicators_has_no_legend(tmp_path):
    a = ratios.analyse(stage(tmp_path, indicators=gold_indicators().iloc[0:0]))
    fig, _, _ = charts._by_section_figure(a)
    assert not fig.legends and fig.axes[0].get_legend() is None


def test_regions_of_another_kind_are_named_and_hatched(tmp_path):
    """A 镇, a 司法局 and a city beside a district: their labels say their kind and their
    bars are hatched, a legend entry says what the hatching means; the report's own and
    the peers of its kind (a county, a government of untold tier) are left as they are."""
    a = ratios.analyse(mixed_kinds(tmp_path))
    fig, _, _ = charts._panel_figure(a)
    img = _drawn(fig)
    ax = fig.axes[0]
    at = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels()}
    assert sorted(at.values()) == sorted(["卫滨区", "红旗区", "牧野区", "小店镇（乡镇街道）",
                                          "卫滨区司法局（部门）", "新乡市（市级）"])
    hatched = {at[round(p.get_y() + p.get_height() / 2)] for p in ax.patches if p.get_hatch()}
    assert hatched == {"小店镇（乡镇街道）", "卫滨区司法局（部门）", "新乡市（市级）"}
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "数量", "金额", "比率", "斜线：报告主体类别与本报告（县级）不同"]
    # the kinds' swatches are plain colours, whichever region's bar comes first
    assert [h.get_hatch() for h in legend.legend_handles] == [None, None, None, "///"]
    renderer = fig.canvas.get_renderer()
    box = legend.get_window_extent(renderer)
    assert not any(box.overlaps(p.get_window_extent(renderer)) for p in ax.patches)
    assert box.x0 >= 0 and box.x1 <= img.size[0] and box.y0 >= 0


def test_regions_chart_is_redrawn_when_only_a_kind_changes(tmp_path):
    """Charts are kept by content: a peer's kind (regions.csv level) is part of it."""
    import dataclasses

    a = ratios.analyse(mixed_kinds(tmp_path))
    same = dataclasses.replace(a, region_kinds={r: "county" for r in a.region_kinds})
    assert charts.other_kinds(same) == {}
    assert charts.panel(a).png != charts.panel(same).png
