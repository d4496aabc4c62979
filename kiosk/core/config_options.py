"""Every setting of ``kiosk.yaml``, declared as data.

The option table drives loading, validation, environment overrides and the generated
reference in ``docs/configuration.md`` (a test keeps that file in step), so a setting can
never exist in one place and be missing from another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.durations import parse_duration
from kiosk.core.publish.urls import SourceURLError, looks_like_url, parse_source_url


class OptionError(ValueError):
    """A value that does not fit its option; the message is written for IT staff."""


@dataclass(frozen=True)
class OptionType:
    """How a raw YAML (or environment) value becomes a typed value."""

    name: str  # shown in docs and messages, e.g. "whole number 0-16"
    convert: Callable[[Any], Any]
    from_env: Callable[[str], Any] | None = None  # env values are strings; None = use convert


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise OptionError(f"expected true or false, got {value!r}")


def _bool_env(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise OptionError(f"expected true or false, got {text!r}")


def integer(minimum: int, maximum: int) -> OptionType:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"expected a whole number, got {value!r}")
        if not minimum <= value <= maximum:
            raise OptionError(f"must be between {minimum} and {maximum}, got {value}")
        return value

    def from_env(text: str) -> int:
        try:
            return convert(int(text.strip()))
        except ValueError as exc:
            if isinstance(exc, OptionError):
                raise
            raise OptionError(f"expected a whole number, got {text!r}") from None

    return OptionType(f"whole number {minimum}-{maximum}", convert, from_env)


def duration(minimum: float, maximum: float) -> OptionType:
    def convert(value: Any) -> float:
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            raise OptionError(str(exc)) from None
        if not minimum <= seconds <= maximum:
            raise OptionError(
                f"must be between {_seconds_text(minimum)} and {_seconds_text(maximum)}, got {_seconds_text(seconds)}"
            )
        return seconds

    return OptionType(f"duration {_seconds_text(minimum)}-{_seconds_text(maximum)}", convert)


def _seconds_text(seconds: float) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return f"{int(seconds // 60)}m"
    return f"{seconds:g}s"


def choice(*values: str) -> OptionType:
    def convert(value: Any) -> str:
        if value not in values:
            raise OptionError(f"expected one of {', '.join(values)}; got {value!r}")
        return str(value)

    # Not "a | b": the name goes into a Markdown table, where a bare "|" splits the cell.
    name = f"{', '.join(values[:-1])} or {values[-1]}" if len(values) > 1 else values[0]
    return OptionType(name, convert)


def one_of(*values: int) -> OptionType:
    """A whole number from a short list, e.g. the screen's rotation in degrees."""

    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value not in values:
            raise OptionError(f"expected one of {', '.join(map(str, values))}; got {value!r}")
        return value

    def from_env(text: str) -> int:
        try:
            number = int(text.strip())
        except ValueError:
            raise OptionError(f"expected one of {', '.join(map(str, values))}; got {text!r}") from None
        return convert(number)

    return OptionType(f"{', '.join(map(str, values[:-1]))} or {values[-1]}", convert, from_env)


def _path(value: Any) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"expected a folder path, got {value!r}")
    return Path(value).expanduser()


_SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX]\s*(\d{2,5})\s*$")


def parse_size(value: Any) -> tuple[int, int] | None:
    """``"1280x720"`` -> (1280, 720); None stays None (meaning: full screen)."""
    if value is None:
        return None
    match = _SIZE.match(value) if isinstance(value, str) else None
    if not match:
        raise OptionError(f"expected a size like 1280x720, got {value!r}")
    return int(match.group(1)), int(match.group(2))


def _null_or_env(convert: Callable[[Any], Any]) -> Callable[[str], Any]:
    return lambda text: None if text.strip().lower() in ("", "null", "none") else convert(text)


def _file_path(value: Any) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"expected a file path, got {value!r}")
    return Path(value).expanduser()


def _content_source(value: Any) -> str | Path | None:
    # A URL stays text; a folder becomes a Path, which the loader makes relative to kiosk.yaml.
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"expected an https:// URL or a folder path, got {value!r}")
    if looks_like_url(value):
        try:
            parse_source_url(value)
        except SourceURLError as exc:
            raise OptionError(str(exc)) from None
        return value.strip()
    return Path(value).expanduser()


def _textfile(value: Any) -> Path | None:
    path = _file_path(value)
    if path is not None and path.suffix != ".prom":
        raise OptionError(f"node_exporter reads only files named *.prom; got {value!r}")
    return path


BOOL = OptionType("true or false", _bool, _bool_env)
PATH = OptionType("folder path (or null)", _path, _null_or_env(_path))
FILE = OptionType("file path (or null)", _file_path, _null_or_env(_file_path))
CONTENT_SOURCE = OptionType("https:// URL or folder path (or null)", _content_source, _null_or_env(_content_source))
SIZE = OptionType("WxH (or null)", parse_size, _null_or_env(parse_size))
TEXTFILE = OptionType("file path ending in .prom (or null)", _textfile, _null_or_env(_textfile))


def _channels(value: Any) -> tuple[dict[str, Any], ...]:
    # Each channel's own fields are checked by kiosk.core.delivery when it builds the channel.
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise OptionError("expected a list of channels, each with a 'type' (email or webhook)")
    return tuple(dict(v) for v in value)


CHANNELS = OptionType("list of channels", _channels)


#: display.rotation's values, degrees clockwise.
ROTATIONS: tuple[int, ...] = (0, 90, 180, 270)

THEME_CLINIC = "clinic"
THEME_HIGH_CONTRAST = "high-contrast"
THEMES: tuple[str, ...] = (THEME_CLINIC, THEME_HIGH_CONTRAST)


@dataclass(frozen=True)
class Option:
    key: str  # "section.name", as written in kiosk.yaml
    type: OptionType
    default: Any
    doc: str

    @property
    def env_var(self) -> str:
        """Every option can be overridden from the environment, e.g. KIOSK_DISPLAY_SCREEN."""
        return "KIOSK_" + self.key.replace(".", "_").upper()


OPTIONS: Sequence[Option] = (
    Option(
        "content.dir",
        PATH,
        None,
        "The content home: the folder with clinic.yaml, slides/ and images/ that the kiosk plays "
        "and staff edit (e.g. a shared folder). Default: content/ in the data folder, filled from "
        "the pack shipped with the kiosk on first start. The folder the kiosk is started from never "
        "matters. An empty or missing folder is filled from the shipped pack.",
    ),
    Option(
        "content.keep_versions",
        integer(2, 100),
        10,
        "How many content versions that loaded without errors are kept in the data folder "
        "(content-history/): the newest plays when the content home has errors, and staff can go "
        "back to any of them with kiosk content restore.",
    ),
    Option(
        "content.source",
        CONTENT_SOURCE,
        None,
        "Where published content is pulled from: the https:// URL of the folder that `kiosk content publish` "
        "wrote (a bucket, web server or CDN), or that folder's path (e.g. a mounted share). Needs "
        "content.public_key. See docs/deploy.md, 'Publishing content to several kiosks'.",
    ),
    Option(
        "content.public_key",
        FILE,
        None,
        "The content.pub file from `kiosk content keygen`: only bundles signed with its private key are installed.",
    ),
    Option(
        "content.check_interval",
        duration(5, 3600),
        300.0,
        "How often the kiosk looks for newly published content (an unchanged check is one small request).",
    ),
    Option(
        "data.dir",
        PATH,
        None,
        "Where the requests database, the content history and the kiosk's state live. Default: the platform's user data folder "
        "(~/.local/share/clinic-kiosk on Linux, %LOCALAPPDATA%\\clinic-kiosk on Windows).",
    ),
    Option(
        "log.dir",
        PATH,
        None,
        "Where kiosk run writes its log, kiosk.log (rotated), with crash and freeze reports. Default: the "
        "platform's user log folder (~/.local/state/clinic-kiosk/log on Linux, "
        "%LOCALAPPDATA%\\clinic-kiosk\\Logs on Windows). A folder that cannot be written never stops the "
        "kiosk: it logs to stderr only and says so.",
    ),
    Option("log.max_bytes", integer(100_000, 100_000_000), 5_000_000, "Size at which a log file is rotated."),
    Option("log.backups", integer(1, 50), 5, "How many rotated log files are kept."),
    Option("display.screen", integer(0, 16), 0, "Which screen to fill (0 = the first)."),
    Option(
        "display.windowed", SIZE, None, "Run in a window of this size instead of full screen (staff and development)."
    ),
    Option(
        "display.rotation",
        one_of(*ROTATIONS),
        0,
        "Turns everything the kiosk shows clockwise by this many degrees, and touches with it, for a "
        "screen mounted upright (portrait) or upside down: 90 for a screen turned a quarter "
        "counter-clockwise (its usual top edge on the left), 270 for one turned clockwise, 180 for "
        "one upside down. The slides are laid out for the turned shape (e.g. 1080x1920). Leave the "
        "screen itself unrotated (no xrandr --rotate).",
    ),
    Option("display.hide_cursor", BOOL, True, "Hide the mouse pointer (touch screens)."),
    Option(
        "display.theme",
        choice(*THEMES),
        THEME_CLINIC,
        "How the touch screens (menu, the topic browser's buttons, request form, \"Are you "
        'still there?", staff screens) look at start and after every reset: clinic = the '
        "clinic's colours from content/clinic.yaml; high-contrast = black, white and yellow, "
        "e.g. for a screen in bright light or for low-vision patients. A patient can still "
        "switch high contrast in the menu for their own visit. The slides themselves, in the "
        "slideshow and in a topic, always keep the clinic's colours.",
    ),
    Option("player.transition", choice("fade", "slide", "none"), "fade", "How one slide gives way to the next."),
    Option("player.transition_time", duration(0.1, 3.0), 0.8, "How long a transition takes."),
    Option("player.language", choice("en", "es"), "en", "The language the slideshow starts in."),
    Option("touch.idle_timeout", duration(10, 600), 45.0, 'Quiet time before the kiosk asks "Are you still there?".'),
    Option(
        "touch.idle_countdown",
        duration(20, 120),
        20.0,
        "How long that question counts down before everything resets (at least 20 s, as WCAG 2.2.1 asks).",
    ),
    Option(
        "requests.retention_days",
        integer(1, 3650),
        30,
        "Days a delivered or contacted request is kept before it is deleted.",
    ),
    Option(
        "stats.enabled",
        BOOL,
        True,
        "Count how the kiosk is used, with no patient data: slides shown (proof of play), touch visits and "
        "how they ended, topics opened, language and display choices, requests per topic. Kept in stats.db in "
        "the data folder, shown by kiosk stats and on the admin screen's Insights page. See docs/deploy.md, "
        "'Engagement figures'.",
    ),
    Option(
        "stats.retention_days",
        integer(1, 3650),
        365,
        "Days the engagement figures are kept before they are deleted (raw rows are added up per hour after 7 days).",
    ),
    Option("admin.idle_close", duration(30, 1800), 120.0, "The staff screen closes itself after this much quiet time."),
    Option(
        "lockdown.enabled",
        BOOL,
        True,
        "Frameless, always on top, and keys such as Alt+F4 or Escape do nothing. Turn off only for development.",
    ),
    Option(
        "watchdog.memory_limit_mb",
        integer(0, 16_000),
        400,
        "Restart at a slide boundary when the kiosk uses more memory than this (0 = never).",
    ),
    Option(
        "watchdog.stall_seconds",
        integer(3, 600),
        20,
        "Seconds the screen's event loop may stand still before the kiosk counts as frozen: every thread's "
        "stack goes to the log and the kiosk exits with code 76 for its supervisor to restart it (the only "
        "freeze protection on Windows). Lower values risk restarting a kiosk that is only busy.",
    ),
    Option("delivery.channels", CHANNELS, (), "Where requests are sent: see docs/delivery.md."),
    Option(
        "monitoring.textfile",
        TEXTFILE,
        None,
        "A file the running kiosk rewrites every minute with its health (up, last frame painted, "
        "content version and errors, requests pending and failed, last delivery, memory) in the "
        "Prometheus text format, for node_exporter's textfile collector: e.g. "
        "/var/lib/prometheus/node-exporter/clinic-kiosk.prom. Counts and times only, no patient data. "
        "See docs/deploy.md, 'Monitoring several kiosks'.",
    ),
)

#: The content update settings: a mistake in them turns updates off instead of stopping the kiosk.
UPDATE_KEYS: tuple[str, ...] = ("content.source", "content.public_key", "content.check_interval")

#: Settings that make sense only together: each pair is given both or neither.
REQUIRED_TOGETHER: tuple[tuple[str, str, str], ...] = (
    ("content.source", "content.public_key", "the kiosk installs only bundles whose signature this key checks"),
)

OPTIONS_BY_KEY: dict[str, Option] = {option.key: option for option in OPTIONS}
SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(option.key.split(".")[0] for option in OPTIONS))
