"""docs/deploy.md's exit-code table lists exactly the codes kiosk/runtime/exitcodes.py defines."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.runtime import exitcodes

DEPLOY_DOC = Path(__file__).resolve().parents[1] / "docs" / "deploy.md"


def documented_codes(text: str) -> set[int]:
    section = text.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(m.group(1)) for m in re.finditer(r"^\| (\d+) \|", section, re.MULTILINE)}


def test_every_exit_code_is_documented_for_supervisors() -> None:
    defined = {value for name, value in vars(exitcodes).items() if name.isupper() and isinstance(value, int)}
    assert defined == {0, 1, 2, 3, 70, 75, 76, 77, 78}
    assert documented_codes(DEPLOY_DOC.read_text(encoding="utf-8")) == defined
