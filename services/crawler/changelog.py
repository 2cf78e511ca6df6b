"""Distributed mode's crawler state: a compacted Kafka topic keyed by URL.

The same idea as a Faust table's changelog — the topic holds the latest `UrlState` of
every URL, so a crawler that restarts (on any machine) reads it back and does not
refetch what it has. It is written by the one crawler that owns the registry, at the
end of each pass, and only for the entries that changed since the last save. (A Faust
table itself can only be written from inside stream processing; the crawler is driven
by a timer, not by a stream.)
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import asdict

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from services.crawler.state import PersistentState, UrlState

Send = Callable[[list[tuple[bytes, bytes]]], Awaitable[None]]


class ChangelogState(PersistentState):
    def __init__(self, send: Send, entries: dict[str, UrlState] | None = None) -> None:
        super().__init__(entries)
        self._send = send
        self._saved = {url: _encode(e) for url, e in self._entries.items()}

    @classmethod
    async def load(cls, bootstrap: str, topic: str, send: Send) -> ChangelogState:
        """Create the compacted topic if needed and read it to its end."""
        await ensure_topic(bootstrap, topic)
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                    auto_offset_reset="earliest")
        await consumer.start()
        entries: dict[str, UrlState] = {}
        try:
            await consumer.topics()  # fetches cluster metadata
            partitions = sorted(consumer.partitions_for_topic(topic) or {0})
            assigned = [TopicPartition(topic, p) for p in partitions]
            consumer.assign(assigned)
            await consumer.seek_to_beginning(*assigned)
            ends = await consumer.end_offsets(assigned)
            while [tp for tp in assigned if await consumer.position(tp) < ends[tp]]:
                for records in (await consumer.getmany(timeout_ms=1000)).values():
                    for record in records:
                        if record.key is None:
                            continue
                        url = record.key.decode()
                        if record.value is None:
                            entries.pop(url, None)  # a tombstone
                        else:
                            entries[url] = UrlState(**json.loads(record.value))
        finally:
            await consumer.stop()
        return cls(send, entries)

    async def save(self) -> None:
        changed = []
        for url, entry in self._entries.items():
            encoded = _encode(entry)
            if self._saved.get(url) != encoded:
                changed.append((url.encode(), encoded))
                self._saved[url] = encoded
        if changed:
            await self._send(changed)


def _encode(entry: UrlState) -> bytes:
    return json.dumps(asdict(entry), separators=(",", ":")).encode()


async def ensure_topic(bootstrap: str, topic: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1,
                                            topic_configs={"cleanup.policy": "compact"})])
    except TopicAlreadyExistsError:
        pass
    finally:
        await admin.close()
