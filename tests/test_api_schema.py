"""schemathesis against /api/openapi.json: generated requests (valid and invalid) to every
operation, on demo-like content; no 5xx, every answer valid against the described schema."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.open_data import network_once

EXAMPLES_PER_OPERATION = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    yield from network_once(django_db_blocker)


@pytest.fixture(autouse=True)
def content(network, db, settings):
    settings.OPEN_DATA_RATE = "100000/m"  # the rate limit has its own test
    # As Django's test client does: the WSGI handler must not close the connection that holds
    # the test's transaction at the end of each request (it does on PostgreSQL).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# Read through the portal itself (no database access: the description is static).
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_every_request_within_its_schema(case):
    case.call_and_validate(checks=CHECKS, environ_base={"REMOTE_ADDR": "192.0.2.1"})
