"""``kiosk.yaml``: finding it, reading it, checking it, with environment overrides.

The kiosk must start with no file at all, so every option has a default. A file with a
mistake is reported as ``kiosk.yaml:LINE: section.name: message`` (all problems at once);
``kiosk config check`` prints them, and ``kiosk run`` refuses to start on errors rather than
run with a setting IT did not mean. Except under ``delivery:``: a lobby screen must never go
black because of a delivery typo, so those problems leave the config usable with delivery
off (:attr:`Config.delivery_problems`; ``kiosk.core.delivery.config.delivery_setup``). The
same for the content update settings (``content.source``...): with a mistake there the kiosk
plays what it has, with updates off (:attr:`Config.update_problems`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.config_options import (
    OPTIONS,
    OPTIONS_BY_KEY,
    REQUIRED_TOGETHER,
    SECTIONS,
    UPDATE_KEYS,
    Option,
    OptionError,
)
from kiosk.core.problems import Problem, has_errors
from kiosk.core.yaml_source import YNode, read_yaml_file

CONFIG_FILE_NAME = "kiosk.yaml"
DELIVERY_SECTION = "delivery"
DELIVERY_CHANNELS = "delivery.channels"
CONFIG_ENV_VAR = "KIOSK_CONFIG"
APP_NAME = "clinic-kiosk"


@dataclass(frozen=True)
class Config:
    """Typed settings; look one up by its key as written in the file: ``config["display.screen"]``."""

    values: Mapping[str, Any]
    path: Path | None = None  # the file read, None when running on defaults
    #: Where each value came from: "default", "file" or the environment variable's name.
    origins: Mapping[str, str] = field(default_factory=dict)
    #: Errors under ``delivery:``; while there are any, the kiosk runs with delivery off.
    delivery_problems: tuple[Problem, ...] = ()
    #: Errors in the content update settings; while there are any, updates are off.
    update_problems: tuple[Problem, ...] = ()

    def __getitem__(self, key: str) -> Any:
        if key not in OPTIONS_BY_KEY:
            raise KeyError(f"no such option: {key}")
        return self.values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    @classmethod
    def defaults(cls) -> Config:
        return cls({o.key: o.default for o in OPTIONS}, None, {o.key: "default" for o in OPTIONS})


@dataclass(frozen=True)
class ConfigResult:
    config: Config | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.config is not None


def default_config_path() -> Path:
    # Imported here: platformdirs looks at the environment, and tests change HOME per test.
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / CONFIG_FILE_NAME


def find_config_file(explicit: Path | None, env: Mapping[str, str]) -> tuple[Path | None, bool]:
    """The file to read and whether it must exist: ``--config``, then ``KIOSK_CONFIG``
    (both must exist), then the platform config folder (optional)."""
    if explicit is not None:
        return explicit, True
    if env.get(CONFIG_ENV_VAR):
        return Path(env[CONFIG_ENV_VAR]).expanduser(), True
    candidate = default_config_path()
    return (candidate, False) if candidate.is_file() else (None, False)


def load_config(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> ConfigResult:
    """Read the config the kiosk would use; never raises for a bad file."""
    environ: Mapping[str, str] = env if env is not None else {}
    path, required = find_config_file(explicit, environ)
    problems: list[Problem] = []
    values = {o.key: o.default for o in OPTIONS}
    origins = {o.key: "default" for o in OPTIONS}
    shown = str(path) if path is not None else CONFIG_FILE_NAME

    if path is not None:
        if not path.is_file():
            if required:
                problems.append(Problem(shown, None, "file", "no such file"))
        else:
            root, issues = read_yaml_file(path)
            problems += [Problem(shown, i.line, i.field, i.message) for i in issues]
            if root is not None:
                _read_sections(root, shown, path.parent, values, origins, problems)

    _apply_environment(environ, values, origins, problems)
    _check_required_together(shown, values, origins, problems)
    delivery = tuple(p for p in problems if _in_section(p, DELIVERY_SECTION))
    updates = tuple(p for p in problems if p.field in UPDATE_KEYS)
    if has_errors(p for p in problems if p not in delivery and p not in updates):
        return ConfigResult(None, tuple(problems))
    if has_errors(delivery):
        # Delivery stays off rather than half-configured: no channel runs until it is fixed.
        values[DELIVERY_CHANNELS] = ()
        origins[DELIVERY_CHANNELS] = "default"
    if has_errors(updates):
        # Content updates stay off rather than half-configured: the kiosk plays what it has.
        for key in UPDATE_KEYS:
            values[key], origins[key] = OPTIONS_BY_KEY[key].default, "default"
    return ConfigResult(Config(values, path, origins, delivery, updates), tuple(problems))


def _in_section(problem: Problem, section: str) -> bool:
    return problem.field == section or problem.field.startswith(section + ".")


def _read_sections(
    root: YNode,
    shown: str,
    base: Path,
    values: dict[str, Any],
    origins: dict[str, str],
    problems: list[Problem],
) -> None:
    if not root.is_map:
        problems.append(Problem(shown, root.line, "file", "expected sections such as 'display:' and 'player:'"))
        return
    for section, entry in root.value.items():
        if section not in SECTIONS:
            problems.append(Problem(shown, entry.key_line, section, _unknown("section", section, SECTIONS)))
            continue
        node = entry.node
        if node.kind == "scalar" and node.value is None:
            continue  # an empty section, e.g. "display:" with everything commented out
        if not node.is_map:
            problems.append(Problem(shown, node.line, section, "expected settings under this section"))
            continue
        names = [o.key.split(".", 1)[1] for o in OPTIONS if o.key.startswith(section + ".")]
        for name, item in node.value.items():
            key = f"{section}.{name}"
            option = OPTIONS_BY_KEY.get(key)
            if option is None:
                problems.append(Problem(shown, item.key_line, key, _unknown("setting", name, names)))
                continue
            try:
                value = option.type.convert(item.node.plain())
            except OptionError as exc:
                problems.append(Problem(shown, item.node.line, key, str(exc)))
                continue
            if isinstance(value, Path) and not value.is_absolute():
                value = base / value  # relative paths are relative to the config file
            values[key] = value
            origins[key] = "file"


def _apply_environment(
    env: Mapping[str, str], values: dict[str, Any], origins: dict[str, str], problems: list[Problem]
) -> None:
    for option in OPTIONS:
        text = env.get(option.env_var)
        if text is None:
            continue
        try:
            values[option.key] = _convert_env(option, text)
        except OptionError as exc:
            problems.append(Problem(f"${option.env_var}", None, option.key, str(exc)))
            continue
        origins[option.key] = option.env_var


def _check_required_together(
    shown: str, values: dict[str, Any], origins: dict[str, str], problems: list[Problem]
) -> None:
    already = {problem.field for problem in problems}
    for first, second, why in REQUIRED_TOGETHER:
        given = [key for key in (first, second) if values[key] is not None]
        if len(given) == 1 and not already & {first, second}:
            have = given[0]
            missing = second if have == first else first
            where = shown if origins[have] in ("file", "default") else f"${origins[have]}"
            problems.append(Problem(where, None, missing, f"required when {have} is set ({why})"))


def _convert_env(option: Option, text: str) -> Any:
    if option.type.from_env is not None:
        return option.type.from_env(text)
    return option.type.convert(text)


def _unknown(what: str, name: str, known: Any) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
    return f"unknown {what} '{name}'{hint}"


def reference_markdown() -> str:
    """The key-by-key reference that ``docs/configuration.md`` embeds (kept in step by a test)."""
    lines = ["| setting | type | default | environment | meaning |", "| --- | --- | --- | --- | --- |"]
    for option in OPTIONS:
        default = "none" if option.default in (None, ()) else _yaml_value(option.default)
        lines.append(f"| `{option.key}` | {option.type.name} | `{default}` | `{option.env_var}` | {option.doc} |")
    return "\n".join(lines) + "\n"


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}s"
    return str(value)
