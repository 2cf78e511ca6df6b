"""Sentence and paragraph splitting keeps figures and abbreviations whole."""

from services.extractor.sentences import Span, paragraphs, sentences


def split(text: str) -> list[str]:
    return [s.text for p in paragraphs(text) for s in sentences(p)]


def test_thousands_dots_and_abbreviations_do_not_end_a_sentence() -> None:
    text = "Doanh thu đạt 1.870 tỷ đồng. Sở TT&TT đã cấp 25 giấy phép… Tiếp theo là kế hoạch."
    assert split(text) == [
        "Doanh thu đạt 1.870 tỷ đồng.", "Sở TT&TT đã cấp 25 giấy phép…",
        "Tiếp theo là kế hoạch."]


def test_a_lost_space_after_the_full_stop_still_splits() -> None:
    assert split("Kỷ niệm ngày giải phóng Hải Phòng.Việc triển khai tốt.") == [
        "Kỷ niệm ngày giải phóng Hải Phòng.", "Việc triển khai tốt."]


def test_offsets_point_into_the_text() -> None:
    text = "Về kết quả 6 tháng đầu năm:\n\n  Đăng 250 tin, bài. Cấp 3 giấy phép.\n"
    for paragraph in paragraphs(text):
        assert text[paragraph.start:paragraph.end] == paragraph.text
        for sentence in sentences(paragraph):
            assert isinstance(sentence, Span)
            assert text[sentence.start:sentence.end] == sentence.text
    assert split(text) == ["Về kết quả 6 tháng đầu năm:", "Đăng 250 tin, bài.",
                           "Cấp 3 giấy phép."]
