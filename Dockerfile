# The portal's image: gunicorn serves it, `manage.py run_worker` runs its tasks.
# Build: docker build -t twinning .   Run: see compose.yaml and docs/deploy.md.
FROM python:3.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint's libraries (memorandum PDFs), fonts with Cyrillic, gettext for the
# translations, the PostgreSQL client for bin/backup and bin/restore.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
        gettext postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin twinning
WORKDIR /app

# The pinned dependencies first: they change less often than the code, so this
# layer is reused. The code runs from /app (manage.py and gunicorn put it on the path).
COPY pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
RUN DJANGO_SECRET_KEY=build-only python manage.py compilemessages --ignore=.venv -v0 \
    && DJANGO_SECRET_KEY=build-only python manage.py collectstatic --no-input -v0 \
    && mkdir -p /srv/twinning/media /srv/twinning/private \
    && chown -R twinning:twinning /srv/twinning

ENV DJANGO_MEDIA_ROOT=/srv/twinning/media \
    DJANGO_PRIVATE_MEDIA_ROOT=/srv/twinning/private \
    TASKS_BACKEND=django_tasks_db.DatabaseBackend \
    GUNICORN_BIND=0.0.0.0:8000

USER twinning
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=4).status != 200)"
CMD ["gunicorn", "twinning.wsgi"]
