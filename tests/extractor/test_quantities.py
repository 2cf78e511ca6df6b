"""What counts as a quantity, with what value, unit and hedge — and what does not."""

import pytest

from services.extractor.quantities import abbreviations, find_quantities, may_state_quantities


def one(sentence: str) -> tuple[float, str, str]:
    [q] = find_quantities(sentence)
    return q.value, q.unit, q.qualifier


def readings(sentence: str) -> list[tuple[float, str, str]]:
    """(value, unit, qualifier) of every quantity, the values compared approximately."""
    return [(pytest.approx(q.value), q.unit, q.qualifier) for q in find_quantities(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tổng doanh thu ước đạt: 1.870 tỷ đồng.", (1.87e12, "VND", "estimate")),
        ("với số tiền 307,5 triệu đồng.", (307_500_000, "VND", "exact")),
        ("Doanh thu đạt 584 tỷ.", (584e9, "VND", "exact")),
        ("tăng 13,64 % so với cùng kỳ", (13.64, "percent", "exact")),
        ("đã cập nhật 379 tin bài", (379, "tin bài", "exact")),
        ("đăng tải 250 tin, bài;", (250, "tin bài", "exact")),
        ("ban hành 05 Kế hoạch", (5, "kế hoạch", "exact")),
        ("trên 3.000 tin, bài", (3000, "tin bài", "at_least")),
        ("khoảng 10.100 lượt truyền thanh", (10100, "lượt", "about")),
        ("gần 500.000 chữ ký", (500000, "chữ ký", "about")),
        ("dưới 30 hồ sơ trễ hạn", (30, "hồ sơ", "at_most")),
        ("cấp 1,2 triệu lượt", (1_200_000, "lượt", "exact")),
        ("là trên 100.000 nghìn lượt", (100000, "lượt", "at_least")),
        ("thu hút hàng nghìn lượt người tham gia", (1000, "lượt", "about")),
        ("dự kiến đạt 18 doanh nghiệp", (18, "doanh nghiệp", "estimate")),
        ("phát triển mới 1.5 triệu thuê bao", (1_500_000, "thuê bao", "exact")),
        # a hedge reaches over a short filler
        ("chi phí ước tính tổng cộng 350 tỷ đồng", (350e9, "VND", "estimate")),
        ("ước đạt tổng cộng 4.500 hồ sơ", (4500, "hồ sơ", "estimate")),
        ("hơn tổng cộng 20 cuộc", (20, "cuộc", "at_least")),
        ("tổng cộng 80 hồ sơ", (80, "hồ sơ", "exact")),
        # an estimate may name its part of the year first
        ("và ước 9 tháng đầu năm 2019 là 2.620 tỷ đồng", (2.62e12, "VND", "estimate")),
        ("xuất khẩu ước cả năm đạt 12,9 tỷ USD", (12.9e9, "USD", "estimate")),
        # a change of a rate in percentage points is not a count of "điểm"
        ("tăng 8,2 điểm phần trăm so với cùng kỳ", (8.2, "điểm phần trăm", "exact")),
    ],
)
def test_reads_value_unit_and_qualifier(sentence: str, expected: tuple) -> None:
    value, unit, qualifier = one(sentence)
    assert (pytest.approx(value), unit, qualifier) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Kỷ niệm 67 năm Ngày giải phóng Hải Phòng",
        "Chào mừng 97 năm ngày Báo chí cách mạng Việt Nam",
        "Giải báo chí lần thứ IV, Đại hội lần thứ 46",
        "Ban Chấp hành Đảng bộ thành phố khóa XVI",
        "Quyết định số 2574/QĐ-UBND ngày 12/5/2022",
        "Nghị quyết 03-NQ/TU và Kế hoạch số 32/KH-UBND",
        "giai đoạn 2022-2025, định hướng đến năm 2030",
        "dịch vụ công mức độ 3, 4",
        "phủ sóng 3G, 4G, 5G và chuyển đổi IPv6",
        "Chuyển đổi số là xu hướng tất yếu (VOV5), kênh VTV4",
        "Điện thoại: 0350. 3877.141 - Fax: 0350.3877.143",
        "phòng chống dịch Covid-19 trong tháng 6/2022",
        "nhiệm kỳ 2021 - 2026 và tầm nhìn đến năm 2045",
        "Xem trang 2 3 4",
    ],
)
def test_not_metrics(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_breakdown_in_brackets_gives_three_quantities() -> None:
    found = find_quantities(
        "triển khai 28 cuộc thanh tra, kiểm tra (25 cuộc chủ trì, 05 cuộc phối hợp)")
    assert [(q.value, q.unit) for q in found] == [(28, "cuộc"), (25, "cuộc"), (5, "cuộc")]


def test_numbers_sharing_one_noun() -> None:
    found = find_quantities("đăng tải 60 và 320 tin trên báo")
    assert [(q.value, q.unit) for q in found] == [(60, "tin"), (320, "tin")]


def test_a_range_gives_both_ends() -> None:
    found = find_quantities("mỗi xã có từ 10 - 15 cụm loa")
    assert [(q.value, q.unit, q.qualifier) for q in found] == [
        (10, "cụm", "exact"), (15, "cụm", "at_most")]


def test_lost_space_before_a_number_still_reads() -> None:
    assert one("Trang thông tin đã đăng tải650 tin, bài") == (650, "tin bài", "exact")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Có 45/45 xã đạt tiêu chí về thông tin và truyền thông", [(45, "xã")]),
        ("29/35 Quận, Huyện đoàn tham gia", [(29, "quận, huyện")]),
        ("29/35 Chi đoàn tham gia", []),  # no counted noun from the list: left out
        ("hơn 162/170 cơ quan kết nối", [(162, "cơ quan")]),
        ("Ngày 30/4 hội nghị được tổ chức", []),  # a date, not a part of a whole
        ("chỉ 3/12 hồ sơ bị trả lại", [(3, "hồ sơ")]),
        ("theo Quyết định số 15/20 hồ sơ", []),
    ],
)
def test_part_of_a_whole(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


def test_media_nouns_are_counted() -> None:
    found = find_quantities("đăng tải 2.345 tin, bài, 560 ảnh và 45 video clip; thanh tra 15 cơ sở")
    assert [(q.value, q.unit) for q in found] == [
        (2345, "tin bài"), (560, "ảnh"), (45, "video clip"), (15, "cơ sở")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hội nghị bắt đầu từ 7 giờ 30 phút đến 11 giờ",
        "Kênh phát từ 6 giờ đến 24 giờ",
        "tăng gấp 25 lần so với năm 2020",
        "đã 3 lần được tặng bằng khen",
        "truy cập 1.200 lần/tuần",
        "các xã đạt tỷ lệ nộp trực tuyến từ 70% trở lên",
        "lúc 14 giờ ngày 5/6 tại hội trường",
        "Đài phát sóng 24/24 giờ",
        "Tiếp nhận hồ sơ 24 giờ/ngày",
        "Thực hiện Chỉ thị số 05-CT/TU ngày 15/5/2016 của Ban Thường vụ Tỉnh ủy",
        "Hội nghị lần thứ 8 Ban Chấp hành Trung ương khóa XIII",
        "Kỷ niệm 75 năm Ngày thành lập ngành (28/8/1945 - 28/8/2020)",
        "Luật An ninh mạng năm 2018, Nghị định 15/2020/NĐ-CP",
        "Điều 5, Khoản 2 của Thông tư 22/2013/TT-BTTTT",
        "tổng đài 1022, đường dây nóng 0912.345.678",
        "xếp thứ 15/63 tỉnh, thành phố",
        "Tầng 3, số 12 đường Lê Lợi, phường 1, quận 5",
        "Ngày 15 tháng 3 năm 2022, UBND tỉnh ban hành",
        "mạng 5G, chuẩn Wi-Fi 6, phiên bản 2.0",
        "Covid-19, H5N1, ISO 9001:2015",
    ],
)
def test_clock_times_codes_and_ranks_are_not_metrics(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_occurrences_are_counted_in_lan() -> None:
    found = find_quantities("ghi nhận tổng cộng 64.519 lần phòng chống tấn công (trong đó "
                            "dò mật khẩu: 298 lần, khai thác lỗ hổng: 64.221 lần)")
    assert [(q.value, q.unit) for q in found] == [(64519, "lần"), (298, "lần"), (64221, "lần")]


def test_hours_as_an_amount_stay() -> None:
    found = find_quantities("phát sóng 1.200 giờ chương trình, từ 2 đến 3 giờ mỗi ngày")
    assert [(q.value, q.unit) for q in found] == [(1200, "giờ"), (2, "giờ"), (3, "giờ")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("phấn đấu đến năm 2025 có 80% hồ sơ được xử lý trực tuyến", []),
        # a counted target is no target cue: what follows reports a result
        ("còn 1/17 mục tiêu mới đạt trên 85%", [(1, "mục tiêu"), (85, "percent")]),
        ("đã đạt 12 mục tiêu đề ra và 90% người dân có danh tính số",
         [(12, "mục tiêu"), (90, "percent")]),
        ("mục tiêu đạt 50% dân số có danh tính số", []),
        ("hướng tới 100 doanh nghiệp công nghệ số", []),
        ("đạt 100% chỉ tiêu kế hoạch năm", [(100, "percent")]),
        ("Thực hiện mục tiêu chuyển đổi số, Sở đã cấp 12 giấy phép", [(12, "giấy phép")]),
    ],
)
def test_targets_are_not_results(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("KHOẢNG 300 HỒ SƠ", (300, "hồ sơ", "about")),
        ("Ước Đạt 1.870 TỶ đồng", (1.87e12, "VND", "estimate")),
    ],
)
def test_words_are_read_whatever_their_case(sentence: str, expected: tuple) -> None:
    assert one(sentence) == expected


def test_excluded_words_whatever_their_case() -> None:
    assert find_quantities("KỶ NIỆM 67 NĂM ngày giải phóng") == []


def test_text_without_digits_or_vague_amounts_states_no_quantity() -> None:
    prose = "Công tác chỉ đạo, hướng dẫn thông tin tuyên truyền được tăng cường."
    assert not may_state_quantities(prose) and find_quantities(prose) == []
    assert may_state_quantities("cấp 12 giấy phép")
    assert may_state_quantities("thu hút hàng nghìn lượt người")
    assert may_state_quantities("Sở tổ chức hai hội nghị")  # a count written as a word
    # "hai " inside "khai " is no count, but one further on is
    assert not may_state_quantities("Sở triển khai kế hoạch")
    assert may_state_quantities("Sở triển khai hai hội nghị")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Huyện có 6 văn phòng đại diện, 2 công ty và 09 đại lý",
         [(6, "văn phòng đại diện"), (2, "công ty"), (9, "đại lý")]),
        ("xử phạt 17 tổ chức, cá nhân", [(17, "tổ chức")]),  # not "tổ"
        ("Tỉnh có 21 DN bưu chính", [(21, "doanh nghiệp")]),
        ("tiếp nhận 46 TTHC liên thông", [(46, "thủ tục hành chính")]),
        ("có 143 tuyến viba, 392 vị trí và 4 nhà mạng", [(143, "tuyến"), (392, "vị trí"),
                                                         (4, "nhà mạng")]),
        ("đã chiếu 36 Phim tài liệu, 248 tập phim và 97 file truyền thông",
         [(36, "phim tài liệu"), (248, "tập"), (97, "file")]),
        ("khen thưởng 15 tập thể, tiếp nhận 25 đơn thư", [(15, "tập thể"), (25, "đơn thư")]),
        ("hơn 8.000 trang web, 17 bộ/ngành, 39 tỉnh/thành phố, 6 trường đại học",
         [(8000, "trang"), (17, "bộ/ngành"), (39, "tỉnh/thành phố"),
          (6, "trường đại học")]),
        ("Cả 3 tỉnh trên, gửi 01 bộ hồ sơ", []),  # not counts of what a department does
        ("phủ sóng 7 ấp, 4 khóm", [(7, "ấp"), (4, "khóm")]),
    ],
)
def test_organisations_and_networks_are_counted(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("có 2.310 nghìn thuê bao di động", 2_310_000),  # thousands, the statistics way
        ("đạt 25,5 nghìn lượt truy cập", 25_500),
        ("là trên 250.000 nghìn lượt", 250_000),  # a doubled scale: kept as written
    ],
)
def test_a_thousands_word_multiplies_below_a_hundred_thousand(sentence: str,
                                                              value: float) -> None:
    [q] = find_quantities(sentence)
    assert q.value == pytest.approx(value)


def test_a_noun_glued_to_its_number_is_read() -> None:
    assert one("tuyến cáp quang dài gần 3.200km") == (3200, "km", "about")
    assert one("Số chương trình phối hợp năm 2021: 27chương trình") == (27, "chương trình",
                                                                          "exact")
    assert find_quantities("đường ĐT.741 Km12 và 4G, kênh VOV5, số nhà 12a, 6,5h/ngày") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("đã được hỗ trợ là 12.304/15.870 người", [(12304, "người", "exact")]),
        ("là gần 104.512/ 230.067 hồ sơ (đạt 45,43%)",
         [(104512, "hồ sơ", "about"), (45.43, "percent", "exact")]),
        ("phủ sóng 58 / 58 ấp", [(58, "ấp", "exact")]),
        ("đạt 15.870/12.304 người", []),  # a part larger than its whole is not a part
    ],
)
def test_parts_of_a_whole_written_with_groups_or_spaces(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit, q.qualifier) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sở tổ chức hai hội nghị và ba đợt kiểm tra", [(2, "hội nghị"), (3, "đợt")]),
        ("chuyển đổi IPv6 cho hai Cổng thông tin", [(2, "cổng thông tin")]),
        ("Trong ba tháng, Sở cấp mười hai giấy phép", []),  # a duration; a compound word
        ("một số doanh nghiệp và một cửa liên thông", []),
        ("tại quận Ba Đình, hai bên thống nhất", []),
        ("TỔ CHỨC HAI HỘI NGHỊ", [(2, "hội nghị")]),  # whatever the case, as other words
        ("kiểm tra thai hội nghị", []),  # "hai" inside a word is no count
    ],
)
def test_counts_written_as_words(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


def test_an_abbreviation_the_article_defines_is_its_noun() -> None:
    text = "Bộ phận một cửa nhận về 27,8 ngàn hồ sơ (HS) trong năm. Đã xử lý 26 ngàn HS."
    defined = abbreviations(text)
    assert defined == (("HS", "hồ sơ"),)
    assert [(q.value, q.unit) for q in find_quantities("Đã xử lý 26 ngàn HS.", defined)] \
        == [(26_000, "hồ sơ")]
    assert find_quantities("Đã xử lý 26 ngàn HS.") == []  # elsewhere HS may be học sinh
    assert abbreviations("Ủy ban nhân dân (UBND) và Sở (TT&TT)") == ()  # not counted nouns


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Phấn đấu đến năm 2025, 80% hồ sơ được giải quyết trực tuyến", []),
        ("Mục tiêu: 100% thôn, bản được phủ sóng 4G", []),
        ("Phấn đấu giai đoạn 2021-2025, toàn tỉnh có 500 doanh nghiệp công nghệ số", []),
        ("Mục tiêu năm 2023 là 90%, kết quả đạt 95% hồ sơ", [(95, "percent")]),
        ("Thực hiện mục tiêu năm 2023, Sở đã cấp 12 giấy phép và 3 hội nghị",
         [(12, "giấy phép"), (3, "hội nghị")]),
    ],
)
def test_a_target_cue_governs_past_a_colon_or_a_year_phrase(sentence: str,
                                                             expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("doanh thu ước tính đạt 12,4 nghìn tỷ đồng", (12.4e12, "VND", "estimate")),
        ("tổng doanh thu đạt 11,496 ngàn tỉ đồng", (11.496e12, "VND", "exact")),
    ],
)
def test_a_thousand_billion_is_one_scale(sentence: str, expected: tuple) -> None:
    value, unit, qualifier = one(sentence)
    assert (pytest.approx(value), unit, qualifier) == expected


def test_only_a_range_joiner_makes_the_upper_end_of_a_range() -> None:
    found = find_quantities("có 86 trạm 5G; sóng 4G đã phủ đến 100% thôn, bản")
    assert [(q.value, q.qualifier) for q in found] == [(86, "exact"), (100, "exact")]
    found = find_quantities("mỗi xã có từ 10 đến 15 cụm loa")
    assert [(q.value, q.qualifier) for q in found] == [(10, "exact"), (15, "at_most")]


def test_plan_and_e_government_nouns() -> None:
    found = find_quantities("đã vượt mức 7 chỉ tiêu, có 4.218 hộp thư và 3 nhà cung cấp")
    assert [(q.value, q.unit) for q in found] == [(7, "chỉ tiêu"), (4218, "hộp thư"),
                                                  (3, "nhà cung cấp")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("cấp mới 905 thẻ nhà báo, cấp lại 27 thẻ", [(905, "thẻ"), (27, "thẻ")]),
        ("có 58/63 địa phương và 212 mạng xã hội", [(58, "địa phương"), (212, "mạng xã hội")]),
        ("chặn 1.204 email chứa mã độc và 3,5 triệu thư rác",
         [(1204, "email"), (3_500_000, "thư rác")]),
        ("mạng lưới 5 mạng di động", [(5, "mạng")]),  # the shorter noun still reads
    ],
)
def test_press_locality_and_cyber_nouns(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tập huấn cho 1.120 giáo viên của 38 chợ và 12 trường học",
         [(1120, "giáo viên"), (38, "chợ"), (12, "trường học")]),
        ("phát hành hơn 2,4 triệu hóa đơn điện tử", [(2_400_000, "hóa đơn điện tử")]),
        ("ngừng dịch vụ 214 số điện thoại và 17 đầu số nhắn tin rác",
         [(214, "số điện thoại"), (17, "đầu số")]),
        ("đã xóa 3/7 vùng lõm sóng", [(3, "vùng lõm sóng")]),
        ("tốc độ trung bình 145 Mbps, có nơi ghi 90 Mpbs", [(145, "Mbps"), (90, "Mbps")]),
    ],
)
def test_telecom_and_service_nouns(sentence: str, expected: list) -> None:
    """Teachers, markets, invoices, blocked numbers and short codes, dead zones and line
    speeds (with the transposed "Mpbs" reports write)."""
    assert [(pytest.approx(q.value), q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("có 9,5 ha chè, 3,2 ha đã thu hoạch, sản lượng 57 tấn",
         [(9.5, "ha"), (3.2, "ha"), (57, "tấn")]),
        ("bán được 840 hộp mật ong; chi hội có 31 hội viên", [(840, "hộp"), (31, "hội viên")]),
        ("12/14 mục tiêu mới hoàn thành, đề xuất 06 bài toán và 2 đặc san",
         [(12, "mục tiêu"), (6, "bài toán"), (2, "đặc san")]),
    ],
)
def test_farm_target_and_publication_nouns(sentence: str, expected: list) -> None:
    """Areas and tonnes, jars and members (a listed noun, not the fallback's longer
    phrase "hộp mật ong"), targets, problems and special editions; "bài toán" is not
    "bài" (an article)."""
    assert [(pytest.approx(q.value), q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Lượng thư ước thực hiện năm 2021 là 1.204.330 bưu gửi", "estimate"),
        ("Doanh thu dự kiến cả năm 2024 đạt 780 tỷ đồng", "estimate"),
        ("Quãng đường trung bình khoảng là 4 km", "about"),
        ("Cấp phép năm 2023 là 12 giấy phép", "exact"),
    ],
)
def test_an_estimate_may_name_its_year_before_the_figure(sentence: str, qualifier: str) -> None:
    [q] = find_quantities(sentence)
    assert q.qualifier == qualifier


def test_a_million_billion_is_one_scale() -> None:
    value, unit, qualifier = one("tổng vốn huy động đạt trên 2,3 triệu tỷ đồng")
    assert (pytest.approx(value), unit, qualifier) == (2.3e15, "VND", "at_least")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Đoàn kiểm tra đã khóa 35 tài khoản giả mạo", [(35, "tài khoản")]),
        ("nhà mạng bị khoá 12 sim rác trong tháng", [(12, "sim rác")]),
        ("Đại biểu Hội đồng nhân dân khóa 15 tham dự", []),
        ("Quốc hội khóa XIV thông qua 12 luật", []),
    ],
)
def test_khoa_as_a_verb_counts_what_it_locks(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trong quý, số hồ sơ được giải quyết đúng hạn là 1.234", [(1234, "hồ sơ", "exact")]),
        ("Tổng số doanh nghiệp bưu chính đang hoạt động đạt 57", [(57, "doanh nghiệp", "exact")]),
        ("số lượng thuê bao di động lên tới 1,8 triệu", [(1.8e6, "thuê bao", "exact")]),
        ("số lượt truy cập cổng thông tin đạt hơn 3.400", [(3400, "lượt", "at_least")]),
        ("Tính đến nay, số tin, bài đăng tải gồm 96", [(96, "tin bài", "exact")]),
        ("số hồ sơ trực tuyến cả năm ước đạt 5.600", [(5600, "hồ sơ", "estimate")]),
        ("nâng tổng số tài khoản bị khóa lên gần 930", [(930, "tài khoản", "about")]),
    ],
)
def test_a_figure_after_its_measured_noun(sentence: str, expected: list) -> None:
    assert readings(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Thực hiện Kế hoạch số 45 của UBND tỉnh, Sở đã triển khai",
        "số hồ sơ tồn đọng năm trước là 2023",  # a year stays a year
        "chỉ số hồ sơ đạt 0,85",  # "chỉ số" is an index, not a count
        "một số đơn vị đạt 95",  # "một số" is "some"
        "số hồ sơ đã giải quyết, tỷ lệ đạt 95",  # the noun is in another clause
        "Số điện thoại đường dây nóng là 0912345678",  # a code, not a count
        "số hồ sơ được giải quyết là 15 ngày",
    ],
)
def test_not_a_figure_after_a_measured_noun(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Năm 2016 tỷ lệ này mới ở mức 6%", [(6, "percent")]),
        ("lãi suất giữ mức 4,5 % suốt năm", [(4.5, "percent")]),
        ("dịch vụ công mức 3 và mức 4", []),  # a service level stays a level
    ],
)
def test_a_percent_after_a_level_word_is_a_share(sentence: str, expected: list) -> None:
    """"ở mức 6%": the sign says it is a share, which no ordinal, year or level is."""
    assert [(pytest.approx(q.value), q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Giá trị xuất khẩu đạt 12,5 tỷ USD", [(12.5e9, "USD", True)]),
        ("doanh thu 3,2 triệu đô la Mỹ, tương đương 75 tỷ đồng",
         [(3.2e6, "USD", True), (75e9, "VND", True)]),
        ("thu hút 850 nghìn USD vốn đầu tư", [(850e3, "USD", True)]),
    ],
)
def test_a_foreign_currency_is_its_own_unit(sentence: str, expected: list) -> None:
    """A scale word in a money sentence is VND only when no other currency follows it."""
    found = [(pytest.approx(q.value), q.unit, q.money) for q in find_quantities(sentence)]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a measure verb, a hedge or a cue verb before a plain count
        ("Huyện đã lắp đặt 14 cột đèn năng lượng mặt trời.", [(14, "cột đèn năng", "exact")]),
        ("Toàn tỉnh có 326 cây xanh được trồng mới.", [(326, "cây xanh", "exact")]),
        ("Đội đã thu giữ hơn 40 bình khí", [(40, "bình khí", "at_least")]),
        ("Lực lượng chức năng phát hiện 7 kho hàng lậu", [(7, "kho hàng lậu", "exact")]),
        ("Sở đã cấp 2,5 triệu tem truy xuất cho nông sản", [(2.5e6, "tem truy xuất", "exact")]),
        # the next member of a list of counts shares nothing but its place
        ("Phát hiện 12 kho hàng; 30 xe tải chở hàng lậu",
         [(12, "kho hàng", "exact"), (30, "xe tải chở", "exact")]),
        # a part of a whole with a whole above twelve
        ("Đã có 48/52 khu dân cư hoàn thành", [(48, "khu dân cư", "exact")]),
    ],
)
def test_a_count_of_an_unlisted_noun(sentence: str, expected: list) -> None:
    """A figure whose noun is not listed is read when a cue right before it says it is a
    count; the unit is the noun phrase as written, up to three words."""
    assert readings(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Đoàn làm việc với 3 khâu đột phá của tỉnh",  # no cue: "với" alone is not one
        "Trường có 3 năm liên tiếp đạt chuẩn",  # a duration
        "Sở hiện có 4 Phòng chuyên môn",  # no lower-case phrase after the figure
        "Hội nghị có 12 được khen thưởng",  # a verb is no noun
        "Tỷ lệ đạt 5,4 người trên 100 dân sử dụng",  # the base of a rate
        "mật độ đạt 78,6 máy/100 dân",  # a rate per hundred
        "Ngày 1/6 thiếu nhi được tặng quà",  # a date, not a part of a whole
        "Thuê bao vượt mốc 100/100 dân",  # a density per hundred
        "Tổng đài có 19001234 tổng đài viên",  # a run of digits is a code
        "Ứng dụng có 0912 lượt",  # noun listed: not this rule's business
    ],
)
def test_no_count_of_an_unlisted_noun(sentence: str) -> None:
    units = {"người", "lượt", "máy"}  # listed nouns may still be read
    assert [q for q in find_quantities(sentence) if q.unit not in units] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a percent after a count and a bound word bounds the count's class
        ("Chia theo tỷ lệ: 7 huyện trên 30%; 9 huyện từ 15- 30% và 3 huyện dưới 15%.",
         [(7, "huyện", "exact"), (9, "huyện", "exact"), (3, "huyện", "exact")]),
        ("có 25 xã hơn 60% và 40 xã đạt 100%",
         [(25, "xã", "exact"), (40, "xã", "exact"), (100, "percent", "exact")]),
        # a share with a verb between it and the count is reported, as is one on its own
        ("Toàn tỉnh có 25 xã, tỷ lệ phủ sóng trên 95%",
         [(25, "xã", "exact"), (95, "percent", "at_least")]),
    ],
)
def test_a_percent_bounding_a_counted_class_is_no_share(sentence: str, expected: list) -> None:
    assert readings(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("đã cấp chữ ký số cho 18 sở, ban, ngành và 7 sở", [(18, "sở, ban, ngành"), (7, "sở")]),
        ("có 2,4 triệu công dân đã kích hoạt tài khoản", [(2.4e6, "công dân")]),
        ("ghi nhận 1.204 sự kiện tấn công, 315 mã độc và 4 tổng đài",
         [(1204, "sự kiện"), (315, "mã độc"), (4, "tổng đài")]),
        # the base of a rate is no count
        ("bình quân 0,52 máy trên 100 dân", []),
        ("tiếp nhận 8.526 yêu cầu qua 84 phiên, lắp 2 máy phát",
         [(8526, "yêu cầu"), (84, "phiên"), (2, "máy")]),
        ("với 8.615 giao dịch, nhập 1.176.402 dữ liệu hộ tịch",
         [(8615, "giao dịch"), (1176402, "dữ liệu")]),
        # a score with decimals out of a whole
        ("đạt 87,6/100 điểm, đứng thứ 4", [(87.6, "điểm")]),
    ],
)
def test_department_citizen_and_security_nouns(sentence: str, expected: list) -> None:
    assert [(pytest.approx(q.value), q.unit) for q in find_quantities(sentence)] == expected


def test_a_list_shares_the_noun_written_after_its_last_member() -> None:
    found = find_quantities("các kênh có lần lượt 412.000, 286.500 và 153.000 người theo dõi")
    assert [(q.value, q.unit) for q in found] == [(412000, "người"), (286500, "người"),
                                                  (153000, "người")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lũy kế 8 tháng: phát hiện 389, gỡ bỏ 302 tin, bài", [(389, "tin bài"), (302, "tin bài")]),
        ("đã tiếp nhận 1.200 và giải quyết 1.150 hồ sơ", [(1200, "hồ sơ"), (1150, "hồ sơ")]),
        ("tiếp nhận 120, trong đó 30 hồ sơ trực tuyến", [(120, "hồ sơ"), (30, "hồ sơ")]),
        # not across a hedge or a name, nor onto a percentage
        ("gọi vào số 115 và hơn 6.200 cuộc gọi khác", [(6200, "cuộc gọi")]),
        ("Nghệ An 21 và Hà Tĩnh 13 huyện", [(13, "huyện")]),
        ("tiếp nhận 1.200, đạt 98% kế hoạch", [(98, "percent")]),
    ],
)
def test_two_verbs_share_the_noun_written_after_the_second(sentence: str, expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected


def test_bare_figures_breaking_down_a_count_in_a_bracket_count_the_same() -> None:
    found = find_quantities("trả kết quả 9.814 hồ sơ (cấp tỉnh 3.207, cấp xã 6.607).")
    assert [(q.value, q.unit) for q in found] == [(9814, "hồ sơ"), (3207, "hồ sơ"),
                                                  (6607, "hồ sơ")]
    # a rank or a list of levels in brackets is no breakdown
    found = find_quantities("chính quyền số đạt 0,6712 điểm (hạng 30), kinh tế số đạt 0,659 điểm")
    assert [q.value for q in found] == [0.6712, 0.659]
    found = find_quantities("cung cấp 1.742 thủ tục (trước đây theo mức độ 3, 4), gồm")
    assert [q.value for q in found] == [1742]


def test_a_list_member_keeps_its_own_scale_word_and_shares_the_noun() -> None:
    found = find_quantities("đón lần lượt 2,46 triệu, 612.000 và 385.000 lượt khách.")
    assert [(q.value, q.unit) for q in found] == [(2_460_000, "lượt"), (612_000, "lượt"),
                                                  (385_000, "lượt")]
    found = find_quantities("thu 1,2 tỷ và 800 triệu đồng")
    assert [(q.value, q.unit) for q in found] == [(1.2e9, "VND"), (8e8, "VND")]
    found = find_quantities("đạt 1,2 và 3,4 tỷ đồng")  # one scale for both
    assert [(q.value, q.unit) for q in found] == [(1.2e9, "VND"), (3.4e9, "VND")]


def test_a_breakdown_whose_last_part_names_the_noun_again() -> None:
    text = "toàn tỉnh có 9.412 trạm BTS (Viettel 3.870, VNPT 2.955 và Vietnamobile 723 trạm)."
    assert [(q.value, q.unit) for q in find_quantities(text)] == [
        (9412, "trạm"), (3870, "trạm"), (2955, "trạm"), (723, "trạm")]


def test_a_breakdown_by_month_after_the_rest_of_the_noun_phrase() -> None:
    text = "tiếp nhận 58 phản ánh của người dân (tháng 7: 23, tháng 8: 19, tháng 9: 16), đã"
    assert [(q.value, q.unit) for q in find_quantities(text)] == [
        (58, "phản ánh"), (23, "phản ánh"), (19, "phản ánh"), (16, "phản ánh")]


def test_a_scale_word_written_twice_counts_once() -> None:
    [q] = find_quantities("Sản lượng bưu gửi ước đạt 7,86 triệu triệu bưu gửi")
    assert (q.value, q.unit, q.qualifier) == (7_860_000, "bưu gửi", "estimate")


def test_security_levels_are_not_counts() -> None:
    found = find_quantities("cho 18 hệ thống thông tin (11 hệ thống cấp độ 2, 7 hệ thống cấp độ 3)")
    assert [(q.value, q.unit) for q in found] == [(18, "hệ thống"), (11, "hệ thống"),
                                                  (7, "hệ thống")]


def test_cyber_security_and_press_nouns() -> None:
    found = find_quantities("phát hiện 1.357 địa chỉ IP, 214 lỗ hổng bảo mật và 5.172 tệp tin "
                            "chứa mã độc trên 3.105 máy trạm; 26 phóng viên dự họp báo")
    assert [(q.value, q.unit) for q in found] == [
        (1357, "địa chỉ ip"), (214, "lỗ hổng"), (5172, "tệp tin"), (3105, "máy"),
        (26, "phóng viên")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("- Số hồ sơ tiếp nhận: 12.345", [(12345, "hồ sơ")]),
    ("- Doanh thu bưu chính (tỷ đồng): năm 2024: 812,5; năm 2023: 736,9",
     [(812.5e9, "VND"), (736.9e9, "VND")]),
    # a label's last word does not qualify its figure; a period word ending it names no year
    ("- Thuê bao đã cập nhật lại thông tin và được mở khóa: 22.965", [(22965, "thuê bao")]),
    ("- Cơ sở in được xác nhận: 02 cơ sở; lũy kế từ đầu năm: 14 cơ sở",
     [(2, "cơ sở"), (14, "cơ sở")]),
    ("- Hệ thống được phê duyệt hồ sơ đề xuất cấp độ: 64 hệ thống", [(64, "hệ thống")]),
    ("Trường học sử dụng sổ liên lạc điện tử vnEdu: 642/642", [(642, "trường học")]),
    # a label that names no unit gives none
    ("Điện thoại: 0225", []), ("Sở Xây dựng: 21.406", []),
])
def test_a_figure_after_its_label_counts_what_the_label_names(sentence: str,
                                                              expected: list) -> None:
    assert [(q.value, q.unit) for q in find_quantities(sentence)] == expected
