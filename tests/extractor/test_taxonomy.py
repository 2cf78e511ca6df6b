"""Indicator codes from the taxonomy data: label first, then the clause around it."""

import pytest

from services.extractor.taxonomy import classify, indicators


@pytest.mark.parametrize(
    ("label", "unit", "clause", "code"),
    [
        ("thuê bao điện thoại di động", "thuê bao", "", "phone_subscribers"),
        ("Doanh thu bưu chính, viễn thông", "VND", "", "postal_telecom_revenue"),
        ("hồ sơ trực tuyến", "hồ sơ", "Sở đã tiếp nhận 3.456 hồ sơ trực tuyến",
         "online_dossiers_received"),
        ("Tỷ lệ dân số được phủ sóng 4G", "percent", "", "mobile_coverage"),
        ("giấy phép xuất bản bản tin", "giấy phép", "", "licences_issued"),
        ("hội nghị", "hội nghị", "", "conferences"),
        ("cây xanh", "cây", "trồng 300 cây xanh", "other"),
    ],
)
def test_classifies(label: str, unit: str, clause: str, code: str) -> None:
    assert classify(label, unit, clause) == code


def test_codes_are_unique_and_other_is_the_fallback() -> None:
    codes = [i.code for i in indicators()]
    assert len(codes) == len(set(codes))
    assert "other" in codes
