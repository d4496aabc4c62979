"""A mistake is reported once, on the file that holds it: a slide file that cannot be read
(or a topic that is broken) does not also produce errors where other files refer to it,
which would send staff to the wrong file."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.loader import load_deck
from tests.helpers.content_kit import CLINIC, INFO, make_pack

EXERCISE = """\
id: {id}
kind: exercise
topic: exercise
title: Cat-cow
steps: [Kneel, Arch]
caution: Ask first.
image: images/photo.png
"""
PLAYLIST = "playlist:\n  - welcome\n  - exercise-cat-cow\n  - exercise-posture-check\n"


def problems(root: Path) -> list[str]:
    return [str(p) for p in load_deck(root).problems]


def pack(tmp_path: Path, cat_cow: str, name: str = "exercise-cat-cow.yaml", playlist: str = PLAYLIST) -> Path:
    slides = {
        "welcome.yaml": INFO,
        name: cat_cow,
        "exercise-posture-check.yaml": EXERCISE.format(id="exercise-posture-check"),
    }
    return make_pack(tmp_path / "c", slides, CLINIC + playlist)


def test_a_slide_file_with_a_yaml_error_is_the_only_error(tmp_path: Path) -> None:
    broken = EXERCISE.format(id="exercise-cat-cow").replace("kind: exercise", "kind exercise")
    assert problems(pack(tmp_path, broken)) == [
        "slides/exercise-cat-cow.yaml:2: yaml: `kind exercise` needs a colon: `kind: exercise`"
    ]


def test_ids_are_salvaged_from_a_broken_file_whatever_its_name(tmp_path: Path) -> None:
    both = "slides:\n" + "".join(
        "  - " + EXERCISE.format(id=slide_id).replace("\n", "\n    ").rstrip() + "\n"
        for slide_id in ("exercise-cat-cow", "exercise-knee-hug")
    )
    broken = both.replace("    title: Cat-cow", "    title: Cat-cow\n   oops: x", 1)
    playlist = PLAYLIST + "  - exercise-knee-hug\n"
    found = problems(pack(tmp_path, broken, name="stretches.yaml", playlist=playlist))
    assert [p.split(": yaml: ")[0] for p in found] == ["slides/stretches.yaml:6"]


def test_a_real_playlist_typo_is_still_an_error_and_points_at_the_broken_slide(tmp_path: Path) -> None:
    broken = EXERCISE.format(id="exercise-cat-cow").replace("kind: exercise", "kind exercise")
    playlist = PLAYLIST.replace("  - exercise-cat-cow\n", "  - exercise-cat-cw\n")
    assert problems(pack(tmp_path, broken, playlist=playlist)) == [
        "clinic.yaml:13: playlist[1]: no slide has the id 'exercise-cat-cw' (did you mean 'exercise-cat-cow'?)",
        "slides/exercise-cat-cow.yaml:2: yaml: `kind exercise` needs a colon: `kind: exercise`",
    ]


def test_a_slide_whose_id_is_invalid_or_missing_is_known_by_its_file_name(tmp_path: Path) -> None:
    invalid = EXERCISE.format(id="Exercise_Cat_Cow")
    assert problems(pack(tmp_path / "a", invalid)) == [
        "slides/exercise-cat-cow.yaml:1: id: 'Exercise_Cat_Cow' is not a valid id: use lowercase letters, digits "
        "and dashes, e.g. cat-cow"
    ]
    missing = EXERCISE.format(id="x").replace("id: x\n", "")
    assert problems(pack(tmp_path / "b", missing)) == ["slides/exercise-cat-cow.yaml:1: id: required field is missing"]


def test_an_empty_or_shapeless_slide_file_is_known_by_its_file_name(tmp_path: Path) -> None:
    assert problems(pack(tmp_path / "a", "")) == [
        "slides/exercise-cat-cow.yaml: file: the file is empty; write one slide, or several under 'slides:'"
    ]
    assert problems(pack(tmp_path / "b", "- a\n- b\n")) == [
        "slides/exercise-cat-cow.yaml:1: file: expected a slide (fields like id, kind, title), not a list"
    ]


def test_a_broken_topic_does_not_make_its_slides_wrong(tmp_path: Path) -> None:
    clinic = CLINIC.replace("  - id: exercise\n", "  - id: Exercise\n")
    root = make_pack(tmp_path / "c", {"a.yaml": EXERCISE.format(id="cat-cow")}, clinic)
    assert problems(root) == [
        "clinic.yaml:7: topics[1].id: 'Exercise' is not a valid id: use lowercase letters, digits and dashes, "
        "e.g. cat-cow"
    ]
