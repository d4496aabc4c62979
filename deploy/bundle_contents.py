"""What the packaged kiosk (``build.spec``) takes from PySide6 and the build machine, as data.

``build.spec`` reads these lists at build time and ``tests/packaging`` checks them against the
code and against a built bundle, so one list says what goes in. Everything here is an allow-list:
whatever else the build machine has installed (GTK and its platform theme, the PySide6-Addons
wheel, another Qt plugin) stays out of the bundle, so every build machine makes the same bundle.

This file is plain Python without imports from the project: the spec loads it with ``runpy``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

#: The Qt modules the kiosk and the studio import (a test checks ``kiosk/`` against it). Every
#: other PySide6 module is excluded, including any the Addons wheel brings (QtTextToSpeech:
#: "Read aloud" is not part of the packaged kiosk; kiosk/ui/speech.py says so in the log) and
#: QtUiTools, which only qt_material's ``__init__`` imports: the kiosk reads qt-material's
#: template without importing it (kiosk/ui/theme.py).
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg")

#: Qt modules the code imports where present, which the bundle leaves out on purpose.
LEFT_OUT_QT_MODULES = {
    "QtTextToSpeech": "Read aloud: the Addons wheel is large and most kiosks have no speech engine",
}

#: Qt plugins, by folder under ``PySide6/Qt/plugins`` and file stem (``lib`` and the suffix
#: stripped). Not taken: platform themes (GTK 3 pulls in GTK, cairo, pango and epoxy; the
#: desktop portal needs D-Bus services a kiosk lacks: the kiosk styles itself), the other
#: platforms (eglfs, linuxfb, vnc, wayland: the kiosk runs on X or Windows), evdev/tuio input
#: (X delivers touch), ibus input methods, OpenGL integrations (the kiosk paints with the
#: raster engine), TLS/network/SQL/print plugins of modules it does not use.
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    # offscreen: `kiosk self-test`, `kiosk doctor` and `kiosk preview` run without a display.
    "platforms": ("qxcb", "qoffscreen", "qwindows"),
    # Content images are PNG (built in), JPEG, GIF, WebP and SVG (kiosk/core/images.py).
    "imageformats": ("qjpeg", "qgif", "qwebp", "qsvg"),
    # The touch screens' Material icons are SVG.
    "iconengines": ("qsvgicon",),
    # Dead keys on a physical keyboard (staff typing in the studio or the admin screen).
    "platforminputcontexts": ("composeplatforminputcontextplugin",),
}

#: The languages the kiosk speaks: English (its source strings) and those of its catalogues
#: (kiosk/ui/i18n/*_LANG.qm; a test keeps this in step). Qt's own catalogues ship for these
#: only: they translate the buttons of Qt's standard dialogs (the studio's file dialog and
#: message boxes) and hold each language's plural rules.
LANGUAGES = ("en", "es")
QT_CATALOGUES = ("qt", "qtbase")

#: Shared libraries taken from the machine the kiosk runs on instead of the bundle: D-Bus's
#: client library must match the D-Bus and systemd it talks to, and brings libsystemd,
#: libgcrypt and their compressors (~4 MB) with it. QtGui links QtDBus, which links it; the
#: .deb depends on libdbus-1-3 and docs/deploy.md lists it for a copied bundle.
SYSTEM_LIBRARIES = ("libdbus-1.so.3",)

#: Python modules that would come in through an import the kiosk never reaches.
EXCLUDED_MODULES = (
    "tkinter",
    "PIL.ImageTk",
    "PIL._imagingtk",
    # AVIF is no content format (kiosk/core/images.py); libavif alone is ~5 MB.
    "PIL.AvifImagePlugin",
    "PIL._avif",
    # East Asian codecs: every file the kiosk reads or writes is UTF-8.
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_multibytecodec",
    # Build and test tools that may be installed in the same environment (setuptools, pulled in
    # through distutils, would bring readline and its terminal library).
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pkg_resources",
    "wheel",
    "pytest",
    "hypothesis",
    "aiosmtpd",
    "importlinter",
    "mypy",
    "IPython",
    "numpy",
)

#: Data files of qt_material the kiosk never reads: its Roboto fonts (the theme uses the
#: kiosk's own font, kiosk/ui/theme.py) and the source icons it recolours at development time
#: into kiosk/ui/material_icons.
UNUSED_DATA = ("qt_material/fonts/", "qt_material/resources/", "qt_material/dock_theme.ui")

#: The bundle's size budget, in bytes of its files (.ci/run fails above it).
SIZE_BUDGET_BYTES = 150_000_000

#: Every shared library a Linux x86-64 bundle holds (tests/packaging/test_bundle_contents.py).
ALLOW_LIST = Path(__file__).resolve().with_name("bundle-libraries.txt")
ALLOW_LIST_HEADER = (
    "# Every shared library in the Linux bundle (dist/kiosk/_internal), one a line; checked by\n"
    "# tests/packaging/test_bundle_contents.py. Regenerate after a deliberate change with:\n"
    "#   .venv/bin/python deploy/bundle_contents.py dist/kiosk\n"
)

_HASH_SUFFIX = re.compile(r"-[0-9a-f]{8}(?=\.so)")


def library_key(relative_path: str) -> str:
    """A bundle file's path as the allow-list writes it: forward slashes, and without the
    8-digit hash that auditwheel puts in the names of a wheel's own libraries
    (``pillow.libs/libjpeg-6dc8d115.so.62`` -> ``pillow.libs/libjpeg.so.62``): the hash
    changes with every release of the wheel, the library does not."""
    return _HASH_SUFFIX.sub("", relative_path.replace("\\", "/"))


def is_shared_library(name: str) -> bool:
    """A file the dynamic loader maps: ``.so``/``.so.N`` on Linux, ``.dll``/``.pyd`` on Windows."""
    lowered = name.lower()
    return lowered.endswith((".so", ".dll", ".pyd")) or ".so." in lowered


def bundle_libraries(bundle: Path) -> list[str]:
    """Every shared library in a built bundle (``dist/kiosk``), as :func:`library_key` writes
    it, relative to its ``_internal`` folder; symbolic links are the files they point at."""
    internal = bundle / "_internal"
    return sorted(
        {
            library_key(path.relative_to(internal).as_posix())
            for path in internal.rglob("*")
            if is_shared_library(path.name) and path.is_file() and not path.is_symlink()
        }
    )


def bundle_bytes(bundle: Path) -> int:
    """The bundle's size: every file's length, symbolic links not followed (what IT copies)."""
    return sum(path.lstat().st_size for path in bundle.rglob("*") if not path.is_dir() or path.is_symlink())


def main(argv: list[str]) -> int:
    """``python deploy/bundle_contents.py dist/kiosk``: rewrite the allow-list from a bundle
    built on purpose with a new library (then review the diff: every new line is a library
    every kiosk will load)."""
    if len(argv) != 1 or not (Path(argv[0]) / "_internal").is_dir():
        print("usage: python deploy/bundle_contents.py BUNDLE_FOLDER (e.g. dist/kiosk)", file=sys.stderr)
        return 2
    lines = bundle_libraries(Path(argv[0]))
    ALLOW_LIST.write_text(ALLOW_LIST_HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    print(f"wrote {len(lines)} libraries to {ALLOW_LIST}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
