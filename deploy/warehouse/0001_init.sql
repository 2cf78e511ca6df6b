-- portalwatch warehouse, version 1. Runs unchanged on DuckDB and PostgreSQL.
-- Every table is keyed by the deterministic id of its record, so the sink's upserts make
-- redelivered records harmless.

CREATE TABLE IF NOT EXISTS articles (
    article_id      TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    portal_id       TEXT NOT NULL,
    province        TEXT,
    title           TEXT NOT NULL,
    text            TEXT NOT NULL,
    published_at    TIMESTAMPTZ,
    author          TEXT,
    content_sha256  TEXT NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL,
    parsed_at       TIMESTAMPTZ NOT NULL,
    parser_version  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS metric_events (
    event_id          TEXT PRIMARY KEY,
    article_id        TEXT NOT NULL,
    portal_id         TEXT NOT NULL,
    province          TEXT,
    source_url        TEXT NOT NULL,
    indicator         TEXT NOT NULL,
    indicator_label   TEXT NOT NULL,
    value             DOUBLE PRECISION NOT NULL CHECK (value >= 0 AND value < 1e18),
    unit              TEXT NOT NULL,
    qualifier         TEXT NOT NULL,
    change_direction  TEXT,
    change_percent    DOUBLE PRECISION,
    change_factor     DOUBLE PRECISION,
    change_baseline   TEXT,
    period_start      DATE,
    period_end        DATE,
    period_label      TEXT,
    sentence          TEXT NOT NULL,
    span_start        INTEGER NOT NULL,
    span_end          INTEGER NOT NULL,
    published_at      TIMESTAMPTZ,
    extracted_at      TIMESTAMPTZ NOT NULL,
    extractor_version TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS portal_traffic (
    traffic_id   TEXT PRIMARY KEY,
    portal_id    TEXT NOT NULL,
    url          TEXT NOT NULL,
    observed_at  TIMESTAMPTZ NOT NULL,
    online       BIGINT,
    today        BIGINT,
    yesterday    BIGINT,
    week         BIGINT,
    month        BIGINT,
    total        BIGINT
);

CREATE TABLE IF NOT EXISTS dead_letters (
    dead_letter_id     TEXT PRIMARY KEY,
    stage              TEXT NOT NULL,
    reason             TEXT NOT NULL,
    error_class        TEXT NOT NULL,
    message            TEXT NOT NULL,
    original_topic     TEXT,
    original_partition INTEGER,
    original_offset    BIGINT,
    original_key       BYTEA,
    original_value     BYTEA,
    url                TEXT,
    portal_id          TEXT,
    failed_at          TIMESTAMPTZ NOT NULL
);

-- The latest value per (province, indicator, period) with where it was read.
CREATE VIEW latest_metrics AS
SELECT province, indicator, period_start, period_end, period_label, value, unit, qualifier,
       indicator_label, source_url, sentence, article_title, published_at, event_id
FROM (
    SELECT m.*, a.title AS article_title,
           ROW_NUMBER() OVER (
               PARTITION BY m.province, m.indicator, m.period_start, m.period_end
               ORDER BY m.published_at DESC NULLS LAST, m.extracted_at DESC, m.event_id
           ) AS rank
    FROM metric_events m LEFT JOIN articles a ON a.article_id = m.article_id
) ranked
WHERE rank = 1;
