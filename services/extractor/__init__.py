"""The extractor: Vietnamese report quantities into `MetricEvent`s.

Public surface: `extract(article) -> list[MetricEvent]` (a pure function of the
article), `EXTRACTOR_VERSION`. The worker and the CLI call nothing else.
"""

from services.extractor.events import EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_VERSION", "extract"]
