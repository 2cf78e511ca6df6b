"""Distributed crawler state in a compacted topic on the real broker."""

from __future__ import annotations

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from services.crawler.changelog import ChangelogState
from services.crawler.state import UrlState
from shared.topics import Topics
from tests.crawler.conftest import Harness, fixture_portal

ARTICLE = "/tin-tuc/hoat-dong-thong-tin-va-truyen-thong-thang-6-2022.html"


class Sender:
    def __init__(self, bootstrap: str, topic: str) -> None:
        self.bootstrap, self.topic, self.sent = bootstrap, topic, 0

    async def __call__(self, items: list[tuple[bytes, bytes]]) -> None:
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
        await producer.start()
        try:
            for key, value in items:
                await producer.send_and_wait(self.topic, value, key=key)
        finally:
            await producer.stop()
        self.sent += len(items)


async def test_state_round_trips_and_only_changes_are_written(kafka_bootstrap: str,
                                                              fresh_topics: Topics) -> None:
    topic = fresh_topics.crawler_state
    send = Sender(kafka_bootstrap, topic)
    state = await ChangelogState.load(kafka_bootstrap, topic, send)
    assert len(state) == 0
    state["http://a.test/1"] = UrlState("a", "listing", next_due=10.0, etag='"x"')
    state["http://a.test/2"] = UrlState("a", "article", sha256="ab")
    await state.save()
    state["http://a.test/2"].next_due = 99.0
    await state.save()
    assert send.sent == 3  # two new entries, then the one that changed
    again = await ChangelogState.load(kafka_bootstrap, topic, send)
    assert dict(again) == dict(state)

    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        [config] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    finally:
        await admin.close()
    entries = {c[0]: c[1] for c in config.resources[0][4]}
    assert entries["cleanup.policy"] == "compact"


async def test_a_restarted_distributed_crawler_does_not_refetch(
        serve, client, harness: Harness, kafka_bootstrap: str, fresh_topics: Topics) -> None:
    server = await serve()
    portal = fixture_portal(server)
    topic = fresh_topics.crawler_state
    send = Sender(kafka_bootstrap, topic)
    first = harness.crawler([portal], client, max_pages_per_pass=1)
    first.state = await ChangelogState.load(kafka_bootstrap, topic, send)
    await first.run_once()
    seen = len(server.requests)
    restarted = harness.crawler([portal], client)
    restarted.state = await ChangelogState.load(kafka_bootstrap, topic, send)
    await restarted.run_once()
    assert "/tin-tuc/" not in server.requests[seen:] and ARTICLE in server.requests[seen:]
    assert [p.url.removeprefix(server.base_url) for p in harness.pages] == ["/tin-tuc/", ARTICLE]
