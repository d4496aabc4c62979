"""Clinic waiting-room kiosk."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata costs ~60 ms, and every start of the kiosk
    # imports this package before it paints its first slide.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("clinic-kiosk")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+unknown"
    raise AttributeError(f"module 'kiosk' has no attribute {name!r}")
