"""The word lists as patterns: folding keeps offsets, mentions finds a listed word, the
trie alternation behaves as a plain one."""

import re

import pytest

from services.extractor.rules import alternation, fold, mentions, rules


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

WORDS = ["tin", "tin bài", "tin, bài", "trạm", "trạm BTS", "trang", "đ", "đồng", "VNĐ"]


@pytest.mark.parametrize("text", ["tin bài mới", "tin, bài", "tin", "trạm BTS", "trạm 2G",
                                  "trang web", "đồng", "đ/tháng", "VNĐ", "tiền", "x"])
def test_the_trie_matches_what_a_longest_first_alternation_matches(text: str) -> None:
    plain = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
    expected = re.match(rf"(?:{plain})(?![\wà-ỹ])", text)
    got = re.match(rf"(?:{alternation(WORDS)})(?![\wà-ỹ])", text)
    assert (got and got.group()) == (expected and expected.group())


def test_every_listed_noun_is_read_as_a_unit() -> None:
    r = rules()
    for noun in ["hồ sơ", "thuê bao", "tin, bài", "trạm BTS", "văn phòng đại diện", "DN"]:
        m = r.unit_pattern.match(fold(f" {noun} mới"))
        assert m is not None and m[1] == noun.lower()
