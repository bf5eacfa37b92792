"""Number parsing: what a reader of the report means by each way of writing a number."""

import pytest

from rol_analysis import numbers


@pytest.mark.parametrize("text, value", [
    ("212386", 212386.0),
    ("1,274.6", 1274.6),
    ("8.6", 8.6),
    ("0", 0.0),
])
def test_arabic_numbers_with_separators_and_decimals(text, value):
    assert numbers.parse_arabic(text) == value


@pytest.mark.parametrize("text", ["1,27", "12a", "", "1.2.3"])
def test_malformed_arabic_is_rejected(text):
    with pytest.raises(ValueError):
        numbers.parse_arabic(text)


@pytest.mark.parametrize("text, value", [
    ("1628万", 16_280_000.0),
    ("1,274.6万", 12_746_000.0),
    ("8.6万", 86_000.0),
    ("3.5亿", 350_000_000.0),
    ("0.35亿", 35_000_000.0),
    ("2千", 2_000.0),
    ("十二", 12.0),
    ("两", 2.0),
    ("二百", 200.0),
    ("一万二千", 12_000.0),
    ("两万", 20_000.0),
    ("十", 10.0),
    ("三点五", 3.5),
    ("百分之百", 100.0),
    ("百分之九十五点五", 95.5),
    ("百分之六十", 60.0),
    # a fraction is a percentage, two decimals as reports state rates
    ("四分之一", 25.0),
    ("三分之二", 66.67),
    ("4分之3", 75.0),
])
def test_number_expressions_give_the_value_a_reader_means(text, value):
    assert numbers.parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["余", "件", "百分之", "十二次", "零分之一", "四分之"])
def test_non_numbers_are_rejected(text):
    with pytest.raises(ValueError):
        numbers.parse_number(text)


def test_scale_words():
    assert numbers.scale_factor("") == 1
    assert numbers.scale_factor("万") == 10_000
    assert numbers.scale_factor("亿") == 100_000_000
    with pytest.raises(ValueError):
        numbers.scale_factor("件")


@pytest.mark.parametrize("number, scale, value", [
    ("2.3", "亿", 230_000_000.0),      # exact, not 229999999.99999997
    ("1,274.6", "万", 12_746_000.0),
    ("5700", "万", 57_000_000.0),
    ("二百", "万", 2_000_000.0),
    ("8.6万", "", 86_000.0),
    ("16", "", 16.0),
])
def test_scaled_values_are_exact(number, scale, value):
    assert numbers.scaled(number, scale) == value
