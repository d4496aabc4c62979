"""Translations: every catalogue is complete and compiled from its current source, the
loader swaps translators with the session's language, and strings missing from a catalogue
stay English."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from kiosk.ui.i18n import I18N_DIR, Translations, catalogues

BIN = Path(sys.executable).parent
SOURCES = sorted(I18N_DIR.glob("*_es.ts"))
#: The Python files whose strings menu_es.ts holds (docs/translations.md has the command).
ROOT = Path(__file__).resolve().parents[2]
MENU_FILES = [
    Path("kiosk/ui/shell.py"),
    Path("kiosk/ui/scroll_cue.py"),
    Path("kiosk/ui/slideshow/window.py"),
    *sorted(Path("kiosk/ui/menu").glob("*.py")),
    *sorted(Path("kiosk/ui/notices").glob("*.py")),
]
#: ... and studio_es.ts, the studio's.
STUDIO_FILES = sorted(p.relative_to(ROOT) for p in (ROOT / "kiosk/ui/studio").glob("*.py"))


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(BIN)) or shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.skip(f"pyside6-{name} is not installed")
    return found


def test_there_are_catalogues_for_each_area() -> None:
    assert {p.stem for p in SOURCES} >= {"menu_es", "request_es", "admin_es"}


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_no_string_is_left_untranslated(source: Path) -> None:
    unfinished = []
    for message in ET.parse(source).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if kind == "unfinished" or not all(f.strip() for f in forms):
            unfinished.append(message.findtext("source"))
    assert unfinished == [], f"{source.name}: untranslated"


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_the_compiled_catalogue_is_built_from_the_current_source(source: Path, tmp_path: Path) -> None:
    compiled = source.with_suffix(".qm")
    assert compiled.is_file(), f"{compiled.name} is missing: run pyside6-lrelease (docs/translations.md)"
    fresh = tmp_path / compiled.name
    subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == compiled.read_bytes(), f"{compiled.name} is stale: run pyside6-lrelease"


@pytest.mark.parametrize(("catalogue", "files"), [("menu_es.ts", MENU_FILES), ("studio_es.ts", STUDIO_FILES)])
def test_a_catalogue_has_every_string_of_its_code(tmp_path: Path, catalogue: str, files: list[Path]) -> None:
    extracted = tmp_path / catalogue
    subprocess.run(
        [tool("lupdate"), "-silent", *(str(ROOT / f) for f in files), "-ts", str(extracted)], check=True, cwd=ROOT
    )
    in_code = {m.findtext("source") for m in ET.parse(extracted).getroot().iter("message")}
    committed = {m.findtext("source") for m in ET.parse(I18N_DIR / catalogue).getroot().iter("message")}
    assert in_code - committed == set(), "run pyside6-lupdate (docs/translations.md)"


def test_the_loader_installs_spanish_and_removes_it_again(qapp, qtbot) -> None:
    translations = Translations()
    assert QCoreApplication.translate("MenuScreen", "Larger text") == "Larger text"
    translations.set_language("es")
    try:
        assert len(translations.installed) == len(catalogues("es")) >= 3
        assert QCoreApplication.translate("MenuScreen", "Larger text") == "Texto más grande"
        assert QCoreApplication.translate("IdleOverlay", "Are you still there?") == "¿Sigue ahí?"
        # A string no catalogue has stays English (per string, not per screen).
        assert QCoreApplication.translate("MenuScreen", "Not in any catalogue") == "Not in any catalogue"
        one = QCoreApplication.translate("IdleOverlay", "For your privacy, the screen will start over in 1 second.")
        assert one.endswith("1 segundo.")
    finally:
        translations.set_language("en")
    assert translations.installed == ()
    assert QCoreApplication.translate("MenuScreen", "Larger text") == "Larger text"


def test_a_missing_catalogue_folder_means_english(qapp, tmp_path: Path) -> None:
    translations = Translations(tmp_path)
    translations.set_language("es")
    assert translations.installed == ()
    assert QCoreApplication.translate("MenuScreen", "Larger text") == "Larger text"


def test_switching_language_in_the_kiosk_changes_ui_and_content(qapp, qtbot) -> None:
    from tests.helpers.kiosk import running_kiosk

    with running_kiosk(qapp, qtbot) as (kiosk, _clock):
        shell = kiosk.window
        shell.open_menu()
        shell.session.set_language("es")
        assert shell.menu.title.text() == "¿Qué le gustaría saber?"
        assert shell.menu.back_button.text() == "Volver a la presentación"
        assert shell.menu.topic_button("shockwave").text() == "Terapia de ondas de choque"
        assert kiosk.player.language == "es"
        shell.open_topic("about")
        assert shell.browse.menu_button.text() == "Todos los temas"
        shell.session.set_language("en")
        assert shell.browse.menu_button.text() == "All topics"
        shell.show_screen("menu")
        assert shell.menu.topic_button("shockwave").text() == "Shockwave therapy"
