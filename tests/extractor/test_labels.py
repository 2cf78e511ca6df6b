"""What a label says its bare figures count."""

import pytest

from services.extractor.labels import LabelUnit, label_unit


@pytest.mark.parametrize(("label", "expected"), [
    ("Thuê bao di động (thuê bao)", LabelUnit("thuê bao", 1.0, False)),
    ("Doanh thu viễn thông (tỷ đồng)", LabelUnit("VND", 1e9, True)),
    ("Kim ngạch xuất khẩu (triệu USD)", LabelUnit("USD", 1e6, True)),
    ("Tăng (%)", LabelUnit("percent", 1.0, False)),
    ("Hồ sơ tiếp nhận", LabelUnit("hồ sơ", 1.0, False)),
    ("- Thuê bao băng rộng cố định phát triển mới", LabelUnit("thuê bao", 1.0, False)),
    ("Tổng số hồ sơ và kết quả qua BCCI", LabelUnit("hồ sơ", 1.0, False)),
    ("Trong đó: hồ sơ trực tuyến", LabelUnit("hồ sơ", 1.0, False)),
    ("Thuê bao Internet băng rộng cố định phát triển mới", LabelUnit("thuê bao", 1.0, False)),
    # a bracket that names no unit is passed over
    ("Tổng số tài khoản đã kích hoạt (lũy kế đến ngày 30/9/2025)",
     LabelUnit("tài khoản", 1.0, False)),
])
def test_a_label_names_the_unit_of_its_figures(label: str, expected: LabelUnit) -> None:
    assert label_unit(label) == expected


@pytest.mark.parametrize("label", ["Sở Xây dựng", "Công an tỉnh", "Trực tuyến toàn trình",
                                   "Các sở, ngành còn lại"])
def test_names_and_words_that_count_nothing(label: str) -> None:
    assert label_unit(label) is None
