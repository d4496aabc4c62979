"""kiosk.yaml: defaults with no file, line-numbered errors, environment overrides, docs in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.config import Config, load_config, reference_markdown
from kiosk.core.config_options import OPTIONS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_defaults() -> None:
    result = load_config(None, {})
    assert result.ok and result.problems == ()
    config = result.config
    assert config is not None
    assert dict(config.values) == dict(Config.defaults().values)
    assert config["touch.idle_timeout"] == 45.0
    assert config["touch.idle_countdown"] == 20.0
    assert config.path is None


def test_file_values_are_typed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "content:\n  dir: pack\ndisplay:\n  screen: 1\n  windowed: 1280x720\n"
        "player:\n  transition: slide\ntouch:\n  idle_timeout: 1m\n",
    )
    config = load_config(path, {}).config
    assert config is not None
    assert config["content.dir"] == tmp_path / "pack"  # relative to the file's folder
    assert config["display.screen"] == 1
    assert config["display.windowed"] == (1280, 720)
    assert config["player.transition"] == "slide"
    assert config["touch.idle_timeout"] == 60.0
    assert config.origins["display.screen"] == "file"


def test_every_problem_is_reported_with_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "display:\n  screne: 1\n  windowed: 12x\nplayer:\n  transition: zoom\n"
        "  transition_time: 9s\nlogg: {}\ntouch:\n  idle_countdown: 5s\nlockdown:\n  enabled: yes please\n",
    )
    result = load_config(path, {})
    assert result.config is None
    assert [str(p) for p in result.problems] == [
        f"{path}:2: display.screne: unknown setting 'screne' (did you mean 'screen'?)",
        f"{path}:3: display.windowed: expected a size like 1280x720, got '12x'",
        f"{path}:5: player.transition: expected one of fade, slide, none; got 'zoom'",
        f"{path}:6: player.transition_time: must be between 0.1s and 3s, got 9s",
        f"{path}:7: logg: unknown section 'logg' (did you mean 'log'?)",
        f"{path}:9: touch.idle_countdown: must be between 20s and 2m, got 5s",
        f"{path}:11: lockdown.enabled: expected true or false, got 'yes please'",
    ]


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "display:\n  screen: [1\n")
    result = load_config(path, {})
    assert result.config is None
    assert result.problems[0].path == str(path)
    assert [(p.line, p.field, p.message) for p in result.problems] == [
        (2, "yaml", "`[1` opens a `[` that is never closed; end it with `]`")
    ]


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    result = load_config(tmp_path / "nope.yaml", {})
    assert [str(p) for p in result.problems] == [f"{tmp_path / 'nope.yaml'}: file: no such file"]


def test_kiosk_config_env_var_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "display:\n  screen: 2\n")
    config = load_config(None, {"KIOSK_CONFIG": str(path)}).config
    assert config is not None and config["display.screen"] == 2 and config.path == path


def test_platform_config_folder_is_used_when_present(tmp_path: Path) -> None:
    # conftest points XDG_CONFIG_HOME at a fresh folder for every test.
    from kiosk.core.config import default_config_path

    target = default_config_path()
    target.parent.mkdir(parents=True)
    target.write_text("player:\n  language: es\n", encoding="utf-8")
    config = load_config(None, {}).config
    assert config is not None and config["player.language"] == "es"


def test_environment_overrides_file(tmp_path: Path) -> None:
    path = write(tmp_path, "display:\n  screen: 1\n  hide_cursor: true\n")
    env = {"KIOSK_DISPLAY_SCREEN": "3", "KIOSK_DISPLAY_HIDE_CURSOR": "off", "KIOSK_DISPLAY_WINDOWED": "800x600"}
    config = load_config(path, env).config
    assert config is not None
    assert config["display.screen"] == 3
    assert config["display.hide_cursor"] is False
    assert config["display.windowed"] == (800, 600)
    assert config.origins["display.screen"] == "KIOSK_DISPLAY_SCREEN"


def test_bad_environment_value_is_reported() -> None:
    result = load_config(None, {"KIOSK_DISPLAY_SCREEN": "second"})
    assert [str(p) for p in result.problems] == [
        "$KIOSK_DISPLAY_SCREEN: display.screen: expected a whole number, got 'second'"
    ]


def test_empty_section_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path, "display:\n# screen: 1\nplayer:\n")
    assert load_config(path, {}).ok


def test_unknown_key_lookup_raises() -> None:
    with pytest.raises(KeyError):
        Config.defaults()["display.nope"]


def test_docs_reference_is_current() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert reference_markdown() in text, "run `kiosk config reference` and paste it into docs/configuration.md"
    for option in OPTIONS:
        assert f"`{option.key}`" in text


def test_reference_table_cells_hold_no_bare_pipe() -> None:
    # A "|" inside a cell would split it and shift every column after it in the rendered table.
    for line in reference_markdown().splitlines():
        if line.startswith("| `"):
            assert line.count("|") == 6, line


def test_cli_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "display:\n  screen: 0\n")
    assert main(["config", "check", "--config", str(good)]) == 0
    assert "OK" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text("display:\n  screen: -1\n", encoding="utf-8")
    assert main(["config", "check", "--config", str(bad)]) == 1
    assert f"{bad}:2: display.screen: must be between 0 and 16, got -1" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        main(["config", "frobnicate"])
    assert usage.value.code == 2


def test_cli_check_reports_delivery_channel_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        "delivery:\n  channels:\n    - type: email\n      host: mail.example.org\n      password: hunter2\n",
    )
    assert main(["config", "check", "--config", str(path)]) == 1
    out = capsys.readouterr().out
    assert "delivery.channels[0].password" in out and "without sending them" in out


def test_display_theme_defaults_to_the_clinics_colours(tmp_path: Path) -> None:
    assert Config.defaults()["display.theme"] == "clinic"
    config = load_config(write(tmp_path, "display:\n  theme: high-contrast\n"), {}).config
    assert config is not None and config["display.theme"] == "high-contrast"
    config = load_config(None, {"KIOSK_DISPLAY_THEME": "high-contrast"}).config
    assert config is not None and config["display.theme"] == "high-contrast"


def test_bad_display_theme_names_file_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "display:\n  screen: 0\n  theme: dark\n")
    result = load_config(path, {})
    assert result.config is None
    assert [str(p) for p in result.problems] == [
        f"{path}:3: display.theme: expected one of clinic, high-contrast; got 'dark'"
    ]
    result = load_config(None, {"KIOSK_DISPLAY_THEME": "High-Contrast"})
    assert [str(p) for p in result.problems] == [
        "$KIOSK_DISPLAY_THEME: display.theme: expected one of clinic, high-contrast; got 'High-Contrast'"
    ]
