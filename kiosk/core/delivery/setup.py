"""Turning checked channel configs into channel objects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo

from kiosk.core.clock import Clock
from kiosk.core.delivery.channels import Channel
from kiosk.core.delivery.config import ChannelConfig, EmailChannelConfig
from kiosk.core.delivery.email import EmailChannel
from kiosk.core.delivery.webhook import WebhookChannel


def build_channels(
    configs: Sequence[ChannelConfig],
    zone: tzinfo,
    clinic_name: str,
    clock: Clock | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[Channel]:
    """``environ`` defaults to the process environment (read at each send, so a rotated
    secret file or variable is picked up without a restart)."""
    channels: list[Channel] = []
    for config in configs:
        if isinstance(config, EmailChannelConfig):
            channels.append(EmailChannel(config, zone, clinic_name, environ=environ))
        else:
            channels.append(WebhookChannel(config, zone, clock=clock, environ=environ))
    return channels
