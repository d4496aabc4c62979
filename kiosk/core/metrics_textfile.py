"""The kiosk's health as a Prometheus textfile (``monitoring.textfile``), for the textfile
collector of node_exporter, which a clinic's monitoring may already run on every PC.

prometheus_client writes the exposition format and replaces the file in one rename, so
node_exporter never reads half a file. A fact that is unknown (no heartbeat yet, a database
that cannot be read now) is left out rather than written as a number that is not true:
alert on ``absent()`` or on ``kiosk_requests_readable == 0``.
"""

from __future__ import annotations

from pathlib import Path

from prometheus_client import CollectorRegistry, Gauge, write_to_textfile

from kiosk.core.health import Health


def registry_for(health: Health, *, up: bool) -> CollectorRegistry:
    registry = CollectorRegistry()

    def gauge(name: str, documentation: str, value: float | None, **labels: str) -> None:
        if value is None:
            return
        metric = Gauge(name, documentation, labelnames=tuple(labels), registry=registry)
        (metric.labels(**labels) if labels else metric).set(value)

    gauge("kiosk_up", "1 while the kiosk runs (0 written when it stops)", 1 if up else 0)
    gauge("kiosk_info", "the program's version, always 1", 1, version=health.version)
    gauge(
        "kiosk_last_frame_timestamp_seconds",
        "when the kiosk last painted a frame (Unix time); a healthy kiosk paints every few seconds",
        health.last_frame.timestamp() if health.last_frame else None,
    )
    if health.content_version is not None:
        gauge(
            "kiosk_content_info",
            "the content version on screen and where it comes from (home, last good, shipped, none), always 1",
            1,
            version=health.content_version,
            origin=health.content_origin or "",
        )
    gauge("kiosk_content_errors", "errors in the content home (0: it plays as staff saved it)", health.content_errors)
    gauge(
        "kiosk_requests_readable",
        "1 when the requests database could be read for this file",
        int(health.requests is not None),
    )
    if health.requests is not None:
        gauge("kiosk_requests_pending", "requests not yet delivered on every channel", health.requests.pending)
        gauge(
            "kiosk_requests_failed",
            "requests a channel refused for good (kiosk requests retry)",
            health.requests.failed,
        )
    gauge(
        "kiosk_delivery_last_success_timestamp_seconds",
        "when a request last reached the clinic (Unix time)",
        health.last_delivery_success.timestamp() if health.last_delivery_success else None,
    )
    gauge(
        "kiosk_memory_bytes", "the kiosk process's memory (PSS on Linux, private bytes on Windows)", health.memory_bytes
    )
    gauge("kiosk_textfile_timestamp_seconds", "when this file was written (Unix time)", health.checked.timestamp())
    return registry


def write_textfile(path: Path, health: Health, *, up: bool = True) -> None:
    """Replace ``path`` with ``health`` in the exposition format; OSError when the folder is
    missing or not writable."""
    write_to_textfile(str(path), registry_for(health, up=up))
