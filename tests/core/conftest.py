"""Fixtures for the core tests: real SMTP and HTTP servers on loopback (tests/helpers)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.delivery_servers import HttpServer, SmtpServer, start_smtp


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = start_smtp()
    yield server
    server.stop()


@pytest.fixture
def http_server() -> Iterator[HttpServer]:
    server = HttpServer()
    yield server
    server.stop()
