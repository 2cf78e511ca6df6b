"""Stage.process: the shared decode → handle → encode path with dead letters."""

import pytest
from prometheus_client import CollectorRegistry

from shared.codec import Codec
from shared.errors import NotAnArticle, Rejected, Retryable
from shared.records import Article, DeadLetter, RawPage
from shared.stage import Emit, Message, Stage
from shared.telemetry import StageMetrics
from shared.topics import Topics
from tests.samples import sample_records

TOPICS = Topics("t.")
CODEC = Codec()
PAGE = next(r for r in sample_records() if isinstance(r, RawPage))
ARTICLE = next(r for r in sample_records() if isinstance(r, Article))


def make_stage(handler) -> tuple[Stage, CollectorRegistry]:
    registry = CollectorRegistry()
    stage = Stage("parser", RawPage, handler, CODEC, TOPICS, StageMetrics("parser", registry))
    return stage, registry


def message(value: bytes) -> Message:
    return Message(TOPICS.pages_raw, 3, 1234, PAGE.url.encode(), value)


def dead_letter_of(outputs) -> DeadLetter:
    [out] = outputs
    assert out.topic == TOPICS.dlq
    return CODEC.decode(out.value, DeadLetter)


def test_handler_outputs_are_encoded_to_their_topics() -> None:
    stage, registry = make_stage(lambda page: [Emit(TOPICS.articles, ARTICLE.article_id, ARTICLE)])
    [out] = stage.process(message(CODEC.encode(PAGE, TOPICS.pages_raw)))
    assert (out.topic, out.key) == (TOPICS.articles, ARTICLE.article_id.encode())
    assert CODEC.decode(out.value, Article) == ARTICLE
    assert registry.get_sample_value(
        "portalwatch_parser_records_out_total", {"topic": TOPICS.articles}) == 1


def test_poison_bytes_become_a_dead_letter_with_position_and_bytes() -> None:
    stage, registry = make_stage(lambda page: pytest.fail("handler must not run"))
    letter = dead_letter_of(stage.process(message(b"\x00poison")))
    assert (letter.stage, letter.reason) == ("parser", "undecodable_record")
    assert (letter.original_topic, letter.original_partition, letter.original_offset) == (
        TOPICS.pages_raw, 3, 1234)
    assert letter.original_value == b"\x00poison"
    assert letter.original_key == PAGE.url.encode()
    assert registry.get_sample_value(
        "portalwatch_parser_records_failed_total", {"reason": "undecodable_record"}) == 1


def test_rejected_input_keeps_its_reason_url_and_portal() -> None:
    def handler(page):
        raise Rejected("binary_content", "body is a PNG image")

    stage, _ = make_stage(handler)
    letter = dead_letter_of(stage.process(message(CODEC.encode(PAGE, TOPICS.pages_raw))))
    assert (letter.reason, letter.error_class) == ("binary_content", "Rejected")
    assert (letter.url, letter.portal_id) == (PAGE.url, PAGE.portal_id)
    assert "PNG" in letter.message


def test_an_unexpected_error_is_dead_lettered_not_raised() -> None:
    stage, _ = make_stage(lambda page: 1 / 0)
    letter = dead_letter_of(stage.process(message(CODEC.encode(PAGE, TOPICS.pages_raw))))
    assert (letter.reason, letter.error_class) == ("unexpected_error", "ZeroDivisionError")


def test_not_an_article_is_counted_not_dead_lettered() -> None:
    def handler(page):
        raise NotAnArticle("listing", "a list of links")

    stage, registry = make_stage(handler)
    assert stage.process(message(CODEC.encode(PAGE, TOPICS.pages_raw))) == []
    assert registry.get_sample_value(
        "portalwatch_parser_records_skipped_total", {"kind": "listing"}) == 1


def test_not_an_article_still_writes_what_it_carries() -> None:
    traffic = next(r for r in sample_records() if r.schema_name == "PortalTraffic")

    def handler(page):
        raise NotAnArticle("home", "home page", emits=[Emit(TOPICS.portal_traffic, "p", traffic)])

    stage, registry = make_stage(handler)
    [out] = stage.process(message(CODEC.encode(PAGE, TOPICS.pages_raw)))
    assert out.topic == TOPICS.portal_traffic
    assert registry.get_sample_value(
        "portalwatch_parser_records_skipped_total", {"kind": "home"}) == 1


def test_retryable_propagates_so_the_caller_backs_off() -> None:
    def handler(page):
        raise Retryable("warehouse away", after=2.5)

    stage, _ = make_stage(handler)
    with pytest.raises(Retryable) as info:
        stage.process(message(CODEC.encode(PAGE, TOPICS.pages_raw)))
    assert info.value.after == 2.5
