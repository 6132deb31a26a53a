"""Probes for a load balancer: liveness, and readiness of the database, cache and storage."""

from tests.smtp import free_port


def test_liveness_answers_any_host_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/health/live", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readiness_reports_every_dependency(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/health/ready/", HTTP_HOST="10.1.2.3")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "private_storage": "ok"},
    }
    # A probe leaves no session behind.
    assert "sessionid" not in response.cookies


def test_readiness_fails_with_the_cache_down(client, db, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/6",
        }
    }
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["cache"] == "error: ConnectionError"
    assert response.json()["checks"]["database"] == "ok"
    # Liveness does not depend on it: the process itself is fine.
    assert client.get("/health/live").status_code == 200


def test_readiness_fails_when_the_media_folder_cannot_be_written(client, db, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder's parent should be")
    settings.MEDIA_ROOT = blocker / "media"
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "error: PermissionError"
    assert response.json()["checks"]["private_storage"] == "ok"
