"""Charts: Chinese labels drawn with the packaged font (no missing glyphs), stable PNGs."""

from __future__ import annotations

import io
import warnings

import pytest
from brief_fixtures import gold_indicators, publish, stage, with_rows

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
