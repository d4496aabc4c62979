"""Where an imported picture goes in ``images/``: a new, unique name, or the file that already
holds exactly those bytes (importing the same photo twice makes one file)."""

from __future__ import annotations

from kiosk.core.studio.edits import Edit
from kiosk.core.studio.pack_state import PackState
from kiosk.core.studio.pictures import PreparedPicture, unique_name

IMAGES_DIR = "images"


def place_picture(edit: Edit, state: PackState, prepared: PreparedPicture) -> str:
    """The picture's path in the pack, adding the file to ``edit`` when it is new."""
    same = same_picture(state, prepared.data, prepared.extension)
    if same is not None:
        return same
    rel = unique_name(prepared.stem, prepared.extension, state.exists, IMAGES_DIR)
    edit.set_bytes(rel, prepared.data)
    return rel


def same_picture(state: PackState, data: bytes, extension: str) -> str | None:
    """A picture in ``images/`` (saved or about to be) with exactly these bytes, if any."""
    for rel in state.pending_paths(IMAGES_DIR):
        if rel.endswith(extension) and state.content(rel) == data:
            return rel
    try:
        candidates = [p for p in (state.root / IMAGES_DIR).iterdir() if p.suffix.lower() == extension]
    except OSError:
        return None
    for path in sorted(candidates):
        rel = f"{IMAGES_DIR}/{path.name}"
        try:
            if path.is_file() and path.stat().st_size == len(data) and state.content(rel) == data:
                return rel
        except OSError:
            continue
    return None
