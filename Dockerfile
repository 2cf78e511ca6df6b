# One image for the four services: `portalwatch worker <stage>` picks the service.
FROM python:3.11-slim-bookworm
ENV UV_PROJECT_ENVIRONMENT=/opt/venv PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1
RUN pip install --no-cache-dir uv==0.13.8
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY avro ./avro
COPY shared ./shared
COPY services ./services
COPY deploy/warehouse ./deploy/warehouse
RUN uv sync --frozen --no-dev
RUN useradd --system --home /var/lib/portalwatch portalwatch \
    && mkdir -p /var/lib/portalwatch && chown portalwatch /var/lib/portalwatch
USER portalwatch
ENV PORTALWATCH_STATE_DIR=/var/lib/portalwatch PORTALWATCH_METRICS_HOST=0.0.0.0
ENTRYPOINT ["portalwatch"]
CMD ["--help"]
