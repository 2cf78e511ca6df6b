"""The word lists as patterns: folding keeps offsets, mentions finds a listed word."""

from services.extractor.rules import fold, mentions, rules


def test_fold_lowers_and_keeps_every_offset() -> None:
    text = "ƯỚC ĐẠT 1.870 Tỷ Đồng"
    assert fold(text) == "ước đạt 1.870 tỷ đồng"
    # "İ" lowers to two characters; it is kept so offsets into the text still hold.
    odd = "İstanbul ĐẠT 5 hồ sơ"
    assert len(fold(odd)) == len(odd)
    assert fold(odd).index("5") == odd.index("5")


def test_mentions_a_listed_word() -> None:
    targets = rules().targets
    assert mentions("phấn đấu đến năm 2025 đạt 80%", targets)
    assert not mentions("đã đạt 80% hồ sơ", targets)


def test_word_patterns_match_the_folded_text() -> None:
    r = rules()
    assert r.exclude_before.search(fold("Kỷ niệm "))
    assert r.unit_pattern.match(fold(" Hồ Sơ trực tuyến"))[1] == "hồ sơ"

def test_every_listed_noun_is_read_as_a_unit() -> None:
    r = rules()
    for noun in ["hồ sơ", "thuê bao", "tin, bài", "trạm BTS", "văn phòng đại diện", "DN"]:
        m = r.unit_pattern.match(fold(f" {noun} mới"))
        assert m is not None and m[1] == noun.lower()
