"""One slide as the kiosk would draw it, with the studio's unsaved changes, even while other
slides of the pack still have mistakes.

A preview builds a small staging pack: clinic.yaml as it stands (without its playlist, so
slides left out are not missing), the one slide file being edited, and the pack's pictures
(hard-linked). The real loader reads it, so the deck handed to the renderer is exactly what
the kiosk would build from that slide and that clinic: the preview is the kiosk's own
picture, not an imitation. Like :class:`~kiosk.core.studio.checking.CheckRequest`, a
request holds only immutable data and runs in any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.core.atomic_files import remove_tree
from kiosk.core.fields import NOTICES_FILE
from kiosk.core.loader import CLINIC_FILE, SLIDES_DIR, load_deck
from kiosk.core.model import Deck, Slide
from kiosk.core.problems import Problem
from kiosk.core.studio.checking import lay_out_staging, make_staging


@dataclass(frozen=True)
class PreviewRequest:
    root: Path
    #: clinic.yaml's text as it stands (None: the file on disk).
    clinic_yaml: str | None
    #: The slide's file, relative to the pack, and its text as it stands.
    slide_file: str
    slide_yaml: str
    slide_id: str
    revision: int
    screen_size: tuple[int, int] = (1920, 1080)
    now: datetime | None = None

    def run(self) -> Preview:
        staging = make_staging(self.root)
        try:
            clinic = self.clinic_yaml
            if clinic is None:
                clinic = (self.root / CLINIC_FILE).read_text(encoding="utf-8")
            changes: dict[str, bytes | None] = dict.fromkeys(_slide_files(self.root))
            changes[CLINIC_FILE] = without_playlist(clinic).encode("utf-8")
            # Notices are no part of a slide's picture (the banner is the kiosk's), and a
            # mistake in them must not keep the slide from being previewed.
            changes[NOTICES_FILE] = None
            changes[self.slide_file] = self.slide_yaml.encode("utf-8")
            lay_out_staging(self.root, staging, changes)
            result = load_deck(staging, screen_size=self.screen_size, now=self.now)
        except (OSError, UnicodeDecodeError) as exc:
            remove_tree(staging)
            problem = Problem(self.slide_file, None, "file", f"cannot prepare the preview: {exc}")
            return Preview(self.revision, self.slide_id, None, None, (problem,))
        deck = result.deck
        slide = _find(deck, self.slide_id) if deck is not None else None
        if slide is None:
            remove_tree(staging)
            return Preview(self.revision, self.slide_id, None, None, result.problems)
        return Preview(self.revision, self.slide_id, deck, slide, result.problems, staging)


@dataclass(frozen=True)
class Preview:
    revision: int
    slide_id: str
    #: The one-slide deck and its slide, or None with the problems that prevented it.
    deck: Deck | None
    slide: Slide | None
    problems: tuple[Problem, ...] = ()
    folder: Path | None = field(default=None, compare=False)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def release(self) -> None:
        """Remove the staging pack once nothing draws this preview any more."""
        if self.folder is not None:
            remove_tree(self.folder)


def _find(deck: Deck, slide_id: str) -> Slide | None:
    return deck.slide(slide_id) or next((s for s in deck.hidden if s.id == slide_id), None)


def _slide_files(root: Path) -> list[str]:
    folder = root / SLIDES_DIR
    try:
        return [f"{SLIDES_DIR}/{p.name}" for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml")]
    except OSError:
        return []


def without_playlist(clinic_yaml: str) -> str:
    """clinic.yaml's text without its top-level ``playlist:`` (block or flow style): the
    preview pack holds one slide, and the default playlist (every slide) is that one."""
    lines = clinic_yaml.splitlines(keepends=True)
    kept: list[str] = []
    skipping = False
    for line in lines:
        # A key at column 0 starts a new top-level entry; "- item" at column 0 still belongs to
        # the key above (YAML lets a list sit at its key's own indentation).
        top_level = line.strip() != "" and not line[0].isspace() and not line.startswith(("#", "-"))
        if top_level:
            skipping = line.startswith("playlist:")
            if skipping:
                continue
        if skipping and not line.startswith("#"):  # a comment at column 0 belongs to what follows
            continue
        kept.append(line)
    return "".join(kept)
