"""Indicator codes from the taxonomy data: label first, then the clause around it."""

import pytest

from services.extractor.taxonomy import Indicator, classify, indicators


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
        ("điểm phục vụ bưu chính", "điểm phục vụ", "", "postal_service_points"),
        ("bưu gửi", "bưu gửi", "", "postal_items"),
        ("trạm thu, phát sóng di động", "trạm", "", "mobile_stations"),
        ("doanh nghiệp cung cấp dịch vụ viễn thông", "doanh nghiệp", "",
         "postal_telecom_enterprises"),
        ("doanh nghiệp công nghệ số", "doanh nghiệp", "", "digital_tech_enterprises"),
        ("tuyến cáp quang", "tuyến cáp quang", "", "transmission_network"),
        ("Tỷ lệ hộ gia đình dùng Internet cáp quang", "percent", "",
         "broadband_households"),
        ("tài khoản định danh điện tử", "tài khoản", "", "digital_identity_accounts"),
        ("số tiền", "VND", "đã phạt 8 cơ sở do vi phạm, thu về số tiền",
         "fines_imposed"),
        ("Nộp ngân sách nhà nước", "VND", "", "budget_contribution"),
        ("thị phần", "percent", "mạng Viettel chiếm thị phần", "telecom_market_share"),
        ("nhiệm vụ KHCN mới", "nhiệm vụ", "", "science_projects"),
        ("tổng kinh phí", "VND", "triển khai 9 đề tài KHCN, tổng kinh phí", "science_funding"),
        ("trang web", "trang web", "có 8.000 trang web bị tấn công", "cyber_attacks"),
        ("thuê bao", "thuê bao", "máy cố định còn 318 nghìn thuê bao", "phone_subscribers"),
        ("thuê bao băng rộng di động", "thuê bao", "", "internet_subscribers"),
        ("Số người sử dụng internet", "người", "", "internet_users"),
        ("bản tin thời sự", "bản tin", "", "broadcasts"),
        ("xã hoàn thành tiêu chí thông tin- truyền thông", "xã", "", "ict_criterion_communes"),
        ("nhà cung cấp dịch vụ Internet", "nhà cung cấp", "", "postal_telecom_enterprises"),
        ("doanh thu công nghiệp CNTT", "USD", "", "it_industry_revenue"),  # any currency
        ("thẻ", "thẻ", "cấp mới 905 thẻ nhà báo", "press_cards"),
        ("cơ quan Trung ương", "cơ quan", "báo in gồm 80 cơ quan Trung ương", "press_organs"),
        ("cơ quan", "cơ quan", "kiểm tra 12 cơ quan nhà nước", "other"),  # not press
        ("đài truyền thanh", "đài truyền thanh", "", "broadcast_stations"),
        ("cơ sở truyền thanh", "cơ sở", "", "broadcast_stations"),
        ("tổ công nghệ số cộng đồng", "tổ công nghệ số", "", "community_digital_teams"),
        ("người", "người", "thành lập 900 tổ công nghệ số với 4.000 người", "other"),
        ("email lừa đảo", "email", "", "cyber_attacks"),
        ("lượt phát tán virus", "lượt", "", "cyber_attacks"),
        ("bài", "bài", "đăng 120 bài", "news_published"),  # no word at all: by its unit
    ],
)
def test_classifies(label: str, unit: str, clause: str, code: str) -> None:
    assert classify(label, unit, clause) == code


def test_codes_are_unique_and_other_is_the_fallback() -> None:
    codes = [i.code for i in indicators()]
    assert len(codes) == len(set(codes))
    assert "other" in codes


def _first_by_substrings(context: str, unit: str) -> str | None:
    """The plain reading of the taxonomy: the first indicator (for the unit) whose `all`
    words all occur in the lower-cased context and one of whose `any` words does."""
    def fits(i: Indicator) -> bool:
        return (all(w in context for w in i.all)
                and (not i.any or any(w in context for w in i.any)))
    return next((i.code for i in indicators() if i.code != "other"
                 and (not i.units or unit in i.units) and fits(i)), None)



def _phrases() -> list[str]:
    """Every taxonomy word, every two side by side, and every two sharing whole words
    ("chi trả qua tài khoản" + "tài khoản định danh")."""
    words = sorted({w for i in indicators() for w in (*i.all, *i.any)})
    out = [*words, *(f"{a} {b}" for a in words for b in words)]
    for a in words:
        for b in words:
            out += [a + b[len(a) - k:] for k in range(1, len(a))
                    if a[k - 1] == " " and b.startswith(a[k:] + " ")]
    return out


def test_a_word_counts_wherever_it_occurs() -> None:
    # Found inside a longer word ("xử lý" in "xử lý vi phạm") or overlapping another
    # ("tài khoản định danh" in "chi trả qua tài khoản định danh"), a word still counts.
    for phrase in _phrases():
        assert classify(phrase, "người", "") == (_first_by_substrings(phrase, "người")
                                                 or _first_by_substrings(f"{phrase} ", "người")
                                                 or "other"), phrase
