# The same server as `make run`, as a non-root user with its data in a volume.
# Every step here is one the README also runs (venv, torch pinned first, then the app).
FROM python:3.11-slim-bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends libseccomp2 make \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 mianjing
WORKDIR /app
COPY . /app

# Optional dependency groups: `postgres,queue` for the hosted topology (deploy/compose.yaml).
ARG EXTRAS=""
# torch first and pinned, from PyTorch's CPU index: an unpinned torch pulls a multi-GB CUDA build.
RUN python -m venv /app/.venv \
 && /app/.venv/bin/pip install --no-cache-dir --upgrade pip \
 && /app/.venv/bin/pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
 && /app/.venv/bin/pip install --no-cache-dir -e ".${EXTRAS:+[$EXTRAS]}" \
 && touch /app/.venv/.installed

ENV MIANJING_DATA_DIR=/data
RUN mkdir -p /data && chown mianjing:mianjing /data
VOLUME ["/data"]
USER mianjing
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["/app/.venv/bin/mianjing", "serve", "--host", "0.0.0.0", "--port", "8000"]
