"""A word list as a trie matches what a plain alternation, longest first, matches."""

import re

import pytest

from shared.wordlists import alternation

WORDS = ["tin", "tin bài", "tin, bài", "trạm", "trạm BTS", "trang", "đ", "đồng", "VNĐ"]


@pytest.mark.parametrize("text", ["tin bài mới", "tin, bài", "tin", "trạm BTS", "trạm 2G",
                                  "trang web", "đồng", "đ/tháng", "VNĐ", "tiền", "x"])
def test_the_trie_matches_what_a_longest_first_alternation_matches(text: str) -> None:
    plain = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
    expected = re.match(rf"(?:{plain})(?![\wà-ỹ])", text)
    got = re.match(rf"(?:{alternation(WORDS)})(?![\wà-ỹ])", text)
    assert (got and got.group()) == (expected and expected.group())


def test_substitution_removes_the_same_words() -> None:
    words = ["in", "in bài", "in bài viết", "gửi", "gửi email", "a a a"]
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    line = "a a a in bài viết gửi email | in"
    assert re.sub(alternation(words), " ", line) == re.sub(plain, " ", line)
