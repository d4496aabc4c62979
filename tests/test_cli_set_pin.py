"""``kiosk set-pin``: reads the PIN from stdin or asks twice, writes only a 0600 hash."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.cli import set_pin as set_pin_cli
from kiosk.core.admin_pin import PIN_FILE_NAME, PinStore
from kiosk.runtime import exitcodes


class FakeStdin(io.StringIO):
    def __init__(self, text: str, tty: bool):
        super().__init__(text)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *argv: str, tty: bool = False
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", FakeStdin(stdin, tty))
    code = main(["set-pin", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_stdin_sets_the_pin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, "4826\n", "--stdin", "--data-dir", str(tmp_path / "data"))
    assert code == exitcodes.OK, err
    pin_file = tmp_path / "data" / PIN_FILE_NAME
    assert stat.S_IMODE(pin_file.stat().st_mode) == 0o600
    assert "4826" not in pin_file.read_text() and "4826" not in out
    assert PinStore(pin_file).check("4826")
    assert str(pin_file) in out


def test_data_dir_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "env-data"))
    code, _, _ = run(monkeypatch, capsys, "31758\r\n")
    assert code == exitcodes.OK
    assert PinStore(tmp_path / "env-data" / PIN_FILE_NAME).check("31758")


def test_data_dir_from_kiosk_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"data:\n  dir: {tmp_path / 'yaml-data'}\n")
    code, _, err = run(monkeypatch, capsys, "6283\n", "--stdin", "--config", str(config))
    assert code == exitcodes.OK, err
    assert PinStore(tmp_path / "yaml-data" / PIN_FILE_NAME).check("6283")
    # As for the kiosk itself, KIOSK_DATA_DIR overrides the file.
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "env-data"))
    code, _, err = run(monkeypatch, capsys, "7391\n", "--stdin", "--config", str(config))
    assert code == exitcodes.OK, err
    assert PinStore(tmp_path / "env-data" / PIN_FILE_NAME).check("7391")


def test_broken_kiosk_yaml_exits_1_before_asking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.yaml"
    config.write_text("data:\n  dir: [not, a, path]\n")
    code, _, err = run(monkeypatch, capsys, "6283\n", "--stdin", "--config", str(config))
    assert code == exitcodes.PROBLEMS
    assert "kiosk.yaml" in err and "data" in err and "--data-dir" in err
    # --data-dir does not need the config at all.
    code, _, err = run(
        monkeypatch, capsys, "6283\n", "--stdin", "--config", str(config), "--data-dir", str(tmp_path / "d")
    )
    assert code == exitcodes.OK, err


@pytest.mark.parametrize("pin", ["12", "123456789", "12a4", "", "1234 "])
def test_invalid_pin_exits_1_and_writes_nothing(
    pin: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, pin + "\n", "--stdin", "--data-dir", str(tmp_path))
    assert code == exitcodes.PROBLEMS
    assert "4 to 8 digits" in err and "nothing was changed" in err
    assert not (tmp_path / PIN_FILE_NAME).exists()


def test_invalid_pin_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, capsys, "4826\n", "--stdin", "--data-dir", str(tmp_path))[0] == exitcodes.OK
    assert run(monkeypatch, capsys, "1\n", "--stdin", "--data-dir", str(tmp_path))[0] == exitcodes.PROBLEMS
    assert PinStore(tmp_path / PIN_FILE_NAME).check("4826")


def test_terminal_asks_twice_without_echo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import getpass

    answers = iter(["7391", "7391"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    code, _, err = run(monkeypatch, capsys, "", "--data-dir", str(tmp_path), tty=True)
    assert code == exitcodes.OK, err
    assert len(prompts) == 2
    assert PinStore(tmp_path / PIN_FILE_NAME).check("7391")


def test_mismatched_pins_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import getpass

    answers = iter(["2580", "2581"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    code, _, err = run(monkeypatch, capsys, "", "--data-dir", str(tmp_path), tty=True)
    assert code == exitcodes.PROBLEMS
    assert "do not match" in err
    assert not (tmp_path / PIN_FILE_NAME).exists()


def test_end_of_input_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import getpass

    def eof(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", eof)
    code, _, err = run(monkeypatch, capsys, "", "--data-dir", str(tmp_path), tty=True)
    assert code == exitcodes.PROBLEMS and "cancelled" in err


def test_unwritable_data_dir_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(monkeypatch, capsys, "6283\n", "--stdin", "--data-dir", str(blocker / "data"))
    assert code == exitcodes.PROBLEMS
    assert "cannot write" in err and str(blocker / "data" / PIN_FILE_NAME) in err


def test_usage_error_exits_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(monkeypatch, capsys, "", "--bogus")
    assert exit_info.value.code == exitcodes.USAGE


def test_module_imports_nothing_heavy() -> None:
    assert set_pin_cli.__name__ == "kiosk.cli.set_pin"
    code = (
        "import sys, kiosk.cli.set_pin; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'kiosk.core.admin_pin'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_real_command_reads_a_pipe(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin", "--stdin", "--data-dir", str(tmp_path)],
        input="58217\n",
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == exitcodes.OK, result.stderr
    assert PinStore(tmp_path / PIN_FILE_NAME).check("58217")
