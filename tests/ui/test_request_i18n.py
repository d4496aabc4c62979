"""The request screens' Spanish catalogue is complete and in step with the code.

Regenerate after changing a string:
    .venv/bin/pyside6-lupdate -no-obsolete kiosk/ui/request/*.py -ts kiosk/ui/i18n/request_es.ts
    (translate the new entries), then .venv/bin/pyside6-lrelease kiosk/ui/i18n/request_es.ts
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.ui.i18n import I18N_DIR

SOURCES = sorted((I18N_DIR.parent / "request").glob("*.py"))
TS = I18N_DIR / "request_es.ts"
QM = I18N_DIR / "request_es.qm"


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
        if (translation := message.find("translation")) is not None
        and translation.get("type") not in ("obsolete", "vanished")
    }


def test_every_string_in_the_code_is_in_the_catalogue_and_nothing_else(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_es.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", *map(str, SOURCES), "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert set(messages(fresh)) == set(messages(TS))


def test_every_string_is_translated_with_its_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 50
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        assert ("%1" in source) == ("%1" in text), (context, source)


def test_the_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    compiled = tmp_path / "request_es.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True, timeout=120
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease kiosk/ui/i18n/request_es.ts"
