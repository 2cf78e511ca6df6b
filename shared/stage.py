"""The I/O-free heart of a streaming stage: bytes in, decoded record, handler, bytes out.

A service supplies a *handler*, a pure function from its input record to the records it
emits. `Stage.process` wraps it with everything every stage must do the same way:
decode with the shared codec, turn `Rejected` (and any unexpected error caused by the
input) into a `DeadLetter` that carries topic, partition, offset and the original
bytes, count `NotAnArticle`-style skips, and encode the outputs. Both the Faust workers
and the embedded runner call it, so one code path is tested both ways.

`Retryable` is not caught: the caller backs off and processes the same message again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic

from shared.codec import Codec
from shared.errors import NotAnArticle, Rejected, Retryable
from shared.records import DeadLetter, R, Record, utcnow
from shared.telemetry import StageMetrics
from shared.topics import Topics

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Emit:
    """A record a handler wants written: to which topic, under which key."""

    topic: str
    key: str
    record: Record


@dataclass(frozen=True, slots=True)
class Message:
    """One input record as it came off the wire (or out of the embedded queue)."""

    topic: str
    partition: int | None
    offset: int | None
    key: bytes | None
    value: bytes


@dataclass(frozen=True, slots=True)
class Output:
    """An encoded record ready to send."""

    topic: str
    key: bytes
    value: bytes


Handler = Callable[[R], Sequence[Emit]]


def dead_letter(stage: str, reason: str, exc: BaseException, message: Message | None,
                *, url: str | None = None, portal_id: str | None = None,
                value: bytes | None = None) -> DeadLetter:
    """The `DeadLetter` for an input a stage gives up on."""
    return DeadLetter(
        stage=stage, reason=reason, error_class=type(exc).__name__, message=str(exc)[:2000],
        original_topic=message.topic if message else None,
        original_partition=message.partition if message else None,
        original_offset=message.offset if message else None,
        original_key=message.key if message else None,
        original_value=message.value if message else value,
        url=url, portal_id=portal_id, failed_at=utcnow(),
    )


class Stage(Generic[R]):
    """Decode → handle → encode, with dead letters and the common stage metrics."""

    def __init__(self, name: str, input_type: type[R], handler: Handler[R], codec: Codec,
                 topics: Topics, metrics: StageMetrics) -> None:
        self.name = name
        self.input_type: type[R] = input_type
        self.handler: Handler[R] = handler
        self.codec = codec
        self.topics = topics
        self.metrics = metrics

    def process(self, message: Message) -> list[Output]:
        """Outputs for one input message; never raises except `Retryable`."""
        started = time.perf_counter()
        self.metrics.records_in.labels(topic=message.topic).inc()
        record: R | None = None
        try:
            record = self.codec.decode(message.value, self.input_type)
            emits = list(self.handler(record))
        except Retryable:
            raise
        except NotAnArticle as exc:
            self.metrics.records_skipped.labels(kind=exc.kind).inc()
            emits = list(exc.emits)
        except Rejected as exc:
            emits = [self._reject(exc.reason, exc, message, record)]
        except Exception as exc:  # a bug the input triggers must not stop the stream
            log.exception("%s: unexpected error on %s[%s]@%s", self.name, message.topic,
                          message.partition, message.offset)
            emits = [self._reject("unexpected_error", exc, message, record)]
        outputs = [self._encode(e, message) for e in emits]
        self.metrics.processing_seconds.observe(time.perf_counter() - started)
        if not any(o.topic == self.topics.dlq for o in outputs):
            self.metrics.last_success.set(time.time())
        return outputs

    def _reject(self, reason: str, exc: BaseException, message: Message,
                record: R | None) -> Emit:
        self.metrics.records_failed.labels(reason=reason).inc()
        log.warning("%s: dead-lettering %s[%s]@%s: %s: %s", self.name, message.topic,
                    message.partition, message.offset, reason, exc,
                    extra={"topic": message.topic, "partition": message.partition,
                           "offset": message.offset, "reason": reason})
        letter = dead_letter(self.name, reason, exc, message,
                             url=getattr(record, "url", None),
                             portal_id=getattr(record, "portal_id", None))
        return Emit(self.topics.dlq, (message.key or b"").decode("utf-8", "replace"), letter)

    def _encode(self, emit: Emit, message: Message) -> Output:
        try:
            value = self.codec.encode(emit.record, emit.topic)
        except Rejected as exc:  # the handler built a record the schema refuses
            letter = self._reject("unencodable_output", exc, message, None)
            return self._encode(letter, message)
        self.metrics.records_out.labels(topic=emit.topic).inc()
        return Output(emit.topic, emit.key.encode("utf-8"), value)
