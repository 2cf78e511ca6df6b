from services.extractor.growth import find_changes
from services.extractor.quantities import find_quantities


def changes_of(sentence: str) -> list:
    quantities = find_quantities(sentence)
    changes = find_changes(sentence, quantities)
    return [(q.value, q.unit, changes.get(i)) for i, q in enumerate(quantities)]


def test_a_list_of_growth_rates_attaches_to_the_list_of_levels_in_order() -> None:
    sentence = ("đã có 343.092 hồ sơ được tiếp nhận, 340.758 hồ sơ đã giải quyết; 288.735 hồ sơ "
                "đã có kết quả tăng 17,36% số hồ sơ được tiếp nhận, 17,18 % số hồ sơ đã giải "
                "quyết, 8,69 % số hồ sơ đã có kết quả so với cùng kỳ năm 2021.")
    got = {(v, u): c for v, u, c in changes_of(sentence)}
    assert got[(343092, "hồ sơ")].percent == 17.36
    assert got[(340758, "hồ sơ")].percent == 17.18
    assert got[(288735, "hồ sơ")].percent == 8.69
    assert got[(17.18, "percent")].baseline == "cùng kỳ năm 2021"
    assert all(c.direction == "increase" for c in got.values())


def test_growth_in_brackets_after_the_level() -> None:
    got = changes_of("tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 94,3 % "
                     "(tăng 104% so với năm 2023)")
    assert got[0][2].percent == 104 and got[0][2].baseline == "năm 2023"
    assert got[1][2].percent == 104


def test_growth_before_a_bracketed_level() -> None:
    got = changes_of("chữ ký số cá nhân tăng trưởng 299% (đạt gần 500.000 chữ ký)")
    assert got[1][:2] == (500000, "chữ ký") and got[1][2].percent == 299


def test_a_decrease_is_a_direction_not_a_negative_value() -> None:
    [(value, _, change)] = changes_of("Số thuê bao điện thoại ước giảm 14.500 thuê bao")
    assert value == 14500 and change.direction == "decrease" and change.percent is None


def test_a_factor_and_a_bare_change() -> None:
    [(_, _, change)] = changes_of("số doanh nghiệp đạt 6 đơn vị tăng 1,86 lần so với năm 2023")
    assert change.factor == 1.86 and change.baseline == "năm 2023"
    first = changes_of("Doanh thu đạt 838 tỷ đồng, tăng so với cùng kỳ năm 2023 (đạt 584 tỷ)")
    assert first[0][2].direction == "increase" and first[0][2].baseline == "cùng kỳ năm 2023"
    assert first[1][2] is None


def test_a_bare_gap_factor_is_an_increase_of_the_level_before_it() -> None:
    [(value, unit, change)] = changes_of(
        "Doanh thu năm qua ước đạt 2.100 tỷ đồng, gấp 1,5 lần năm 2021.")
    assert (value, unit) == (2.1e12, "VND")
    assert (change.direction, change.factor) == ("increase", 1.5)


def test_a_comparison_with_hon_is_a_change_not_a_bound() -> None:
    sentence = "Doanh thu quý I đạt 120 tỷ đồng, thấp hơn 13% so với cùng kỳ năm 2022."
    quantities = find_quantities(sentence)
    assert [q.qualifier for q in quantities] == ["exact", "exact"]
    [(_, _, level), (rate, unit, change)] = changes_of(sentence)
    assert (rate, unit, change.direction) == (13, "percent", "decrease")
    assert change.baseline == "cùng kỳ năm 2022" and level == change
    [_, (_, _, more)] = changes_of("Số thuê bao đạt 9.000 thuê bao, cao hơn 5,2% so với năm 2022")
    assert (more.direction, more.percent) == ("increase", 5.2)


def test_hon_alone_still_hedges() -> None:
    [(value, unit, change)] = changes_of("Có hơn 500 người tham gia hội thi")
    assert (value, unit, change) == (500, "người", None)
    assert find_quantities("Có hơn 500 người tham gia hội thi")[0].qualifier == "at_least"
