"""The province of an article when the portal registry does not name it."""

from services.extractor.provinces import find_province


def test_the_province_named_most_wins() -> None:
    text = "Sở TT&TT Quảng Trị phối hợp với Huế. Toàn tỉnh Quảng Trị có 125 xã."
    assert find_province("Báo cáo kết quả năm 2022", text) == "Quảng Trị"


def test_the_title_names_it() -> None:
    assert find_province("Sở Thông tin và Truyền thông Hải Phòng sơ kết 6 tháng", "") \
        == "Hải Phòng"


def test_no_province_named_gives_none() -> None:
    assert find_province("Báo cáo", "Đăng 250 tin, bài trên cổng thông tin.") is None


def test_part_of_a_longer_word_is_not_a_province() -> None:
    assert find_province("", "Nhà Văn hóa Hà Namkhê") is None
