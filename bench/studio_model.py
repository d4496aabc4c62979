"""Benchmark: the studio's editing model on the clinic's pack and on a generated 200-slide pack.

Usage: python bench/studio_model.py [--slides 200] [--runs 7]

For each pack (copied or generated into a temp dir, outside the timed parts), the JSON output
has the median, min and max seconds over ``--runs`` of:

- ``open``: ``StudioModel.open`` plus the slide list (``slides()``), what the window shows
  first; budget well under a second;
- ``check``: the whole pack checked with the real loader on a staging copy (the window runs it
  in a worker thread after edits);
- ``edit``: one text edit of a slide and the slide list read again;
- ``reorder``: one move in a playlist of every slide and the list read again;
- ``save``: a text edit saved (check, then one file written atomically).

Each run opens a fresh model; the generated pack has a PNG per slide (as in
``bench/load_content.py``) and a playlist listing every slide.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as `python bench/NAME.py`: the repository root makes bench.* and tests.helpers.* importable.
sys.path.insert(0, str(ROOT))

from bench.load_content import make_content  # noqa: E402 - after the path above
from kiosk.core.resources import bundled_content_dir  # noqa: E402 - after the path above
from kiosk.core.studio.model import StudioModel  # noqa: E402 - after the path above

OPEN_BUDGET_SECONDS = 1.0


def generated_pack(root: Path, slides: int) -> Path:
    make_content(root, slides, (1600, 900))
    ids = "".join(f"  - slide-{i:04d}\n" for i in range(slides))
    with (root / "clinic.yaml").open("a", encoding="utf-8") as clinic:
        clinic.write("# Every slide, in order.\nplaylist:\n" + ids)
    return root


def one_run(root: Path) -> tuple[int, dict[str, float]]:
    """One fresh model through every measured step; leaves the pack as it found it."""
    figures: dict[str, float] = {}
    started = time.perf_counter()
    model = StudioModel.open(root)
    rows = model.slides()
    figures["open"] = time.perf_counter() - started

    started = time.perf_counter()
    model.check()
    figures["check"] = time.perf_counter() - started

    key = rows[len(rows) // 2].key
    started = time.perf_counter()
    model.set_text(key, "title", "es", "Diapositiva editada")
    model.slides()
    figures["edit"] = time.perf_counter() - started

    started = time.perf_counter()
    model.move_slide(0, len(rows) - 1)
    model.slides()
    figures["reorder"] = time.perf_counter() - started

    model.undo()
    started = time.perf_counter()
    saved = model.save()
    figures["save"] = time.perf_counter() - started
    assert saved.saved, saved
    model.undo()
    assert model.save().saved
    return len(rows), figures


def measure(root: Path, runs: int) -> dict[str, Any]:
    figures: dict[str, list[float]] = {}
    slide_count = 0
    for _ in range(runs):
        slide_count, run = one_run(root)
        for name, seconds in run.items():
            figures.setdefault(name, []).append(seconds)
    return {
        "slides": slide_count,
        **{
            name: {
                "median_seconds": round(statistics.median(values), 4),
                "min_seconds": round(min(values), 4),
                "max_seconds": round(max(values), 4),
            }
            for name, values in figures.items()
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--slides", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-studio-") as tmp:
        clinic = Path(tmp) / "clinic"
        shutil.copytree(bundled_content_dir(), clinic)
        generated = generated_pack(Path(tmp) / "generated", args.slides)
        report = {
            "benchmark": "studio_model",
            "runs": args.runs,
            "open_budget_seconds": OPEN_BUDGET_SECONDS,
            "clinic_pack": measure(clinic, args.runs),
            "generated_pack": measure(generated, args.runs),
        }
    report["open_under_budget"] = all(
        report[pack]["open"]["median_seconds"] < OPEN_BUDGET_SECONDS for pack in ("clinic_pack", "generated_pack")
    )
    print(json.dumps(report, indent=2))
    return 0 if report["open_under_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
