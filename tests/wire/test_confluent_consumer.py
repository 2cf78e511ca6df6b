"""A downstream team's stock Confluent consumer decodes portalwatch's `metrics` topic.

Records are written by portalwatch's own codec against the real registry; they are read
back with confluent-kafka's `AvroDeserializer`, which knows nothing of portalwatch.
"""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaProducer
from confluent_kafka import Consumer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext

from shared.codec import Codec, SchemaRegistry
from shared.records import MetricEvent, to_dict
from shared.topics import Topics
from tests.samples import sample_records


async def produce(bootstrap: str, topic: str, values: list[bytes]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for value in values:
            await producer.send_and_wait(topic, value, key=b"article")
    finally:
        await producer.stop()


def test_stock_confluent_deserializer_reads_metric_events(
    kafka_bootstrap: str, registry_url: str, fresh_topics: Topics
) -> None:
    event = next(r for r in sample_records() if isinstance(r, MetricEvent))
    codec = Codec(SchemaRegistry(registry_url))
    try:
        value = codec.encode(event, fresh_topics.metrics)
    finally:
        assert codec.registry is not None
        codec.registry.close()
    asyncio.run(produce(kafka_bootstrap, fresh_topics.metrics, [value]))

    client = SchemaRegistryClient({"url": registry_url})
    deserializer = AvroDeserializer(client)
    consumer = Consumer({"bootstrap.servers": kafka_bootstrap, "group.id": "downstream",
                         "auto.offset.reset": "earliest"})
    consumer.subscribe([fresh_topics.metrics])
    try:
        message = None
        for _ in range(30):
            message = consumer.poll(1.0)
            if message is not None and message.error() is None:
                break
        assert message is not None and message.error() is None, "no record in 30 s"
        decoded = deserializer(message.value(),
                               SerializationContext(fresh_topics.metrics, MessageField.VALUE))
    finally:
        consumer.close()
        client.__exit__()
    expected = to_dict(event)
    expected["qualifier"] = event.qualifier
    assert decoded == expected
