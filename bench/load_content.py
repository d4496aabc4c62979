"""Benchmark: load and validate a content folder of 500 slides with 500 PNG images.

Usage: python bench/load_content.py [--slides 500] [--runs 7] [--size 1600x900]

The content is generated once into a temp dir (outside the timed part). ``load_deck`` is
timed over several runs; the JSON output has the median, min and max seconds. A separate,
untimed run wraps Pillow's ``ImageFile.load`` (the only way pixels get decoded) and
``Image.open`` with counters, to prove that loading reads image headers only.
Target: median under 2 s on the 2-core build machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image, ImageFile

from kiosk.core.loader import load_deck

CLINIC = """\
name: Benchmark Clinic
phone: +1 303-555-0100
timezone: America/Denver
topics:
  - {id: about, title: {en: About us, es: Sobre nosotros}}
  - {id: exercise, title: {en: Exercise, es: Ejercicio}}
"""

KINDS = (
    "kind: info\ntopic: about\nbody:\n  en: |\n    Dry needling **releases** trigger points.\n\n"
    "    - less pain\n    - more movement\n  es: El punción seca *alivia* el dolor.\n",
    "kind: bullets\ntopic: about\nitems:\n  - Drug-free\n  - {en: Fast, es: Rápido}\n  - Safe and *sterile*\n",
    "kind: exercise\ntopic: exercise\nsteps: [Lie on your back, Tilt your pelvis, Hold and release]\n"
    "caution: {en: Ask your therapist first., es: Consulte a su terapeuta.}\nhold: 5s\nrepetitions: 10\n",
    "kind: news\ntopic: about\ndate: 2025-01-06\nbody: Now offering **Shockwave Therapy**.\n"
    "schedule: {from: 2025-01-06, until: 2099-12-31, days: weekdays, hours: ['07:00-19:00']}\n",
    "kind: contact\ntopic: about\nqr: tel:+13035550100\nqr_caption: Scan to call us\n",
)


def make_content(root: Path, slides: int, size: tuple[int, int]) -> None:
    (root / "slides").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "clinic.yaml").write_text(CLINIC, encoding="utf-8")
    for i in range(slides):
        # Distinct pixels per image, so every file is a real, different PNG.
        colour = (i % 256, (i * 7) % 256, (i * 13) % 256)
        Image.new("RGB", size, colour).save(root / f"images/img-{i:04d}.png", "PNG", compress_level=1)
        text = (
            f"id: slide-{i:04d}\ntitle: {{en: Slide {i}, es: Diapositiva {i}}}\n"
            f"duration: {8 + i % 20}s\nimage: images/img-{i:04d}.png\n" + KINDS[i % len(KINDS)]
        )
        (root / f"slides/slide-{i:04d}.yaml").write_text(text, encoding="utf-8")


@contextmanager
def counting(owner: Any, name: str, counts: dict[str, int], key: str) -> Iterator[None]:
    original: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        counts[key] += 1
        return original(*args, **kwargs)

    setattr(owner, name, wrapper)
    try:
        yield
    finally:
        setattr(owner, name, original)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="1600x900", help="image size WxH")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        root = Path(tmp) / "content"
        started = time.perf_counter()
        make_content(root, args.slides, (width, height))
        generate_seconds = time.perf_counter() - started

        counts = {"image_open": 0, "pixel_decodes": 0}
        with (
            counting(Image, "open", counts, "image_open"),
            counting(ImageFile.ImageFile, "load", counts, "pixel_decodes"),
        ):
            proof = load_deck(root)
        if not proof.ok:
            print("\n".join(str(p) for p in proof.problems[:20]), file=sys.stderr)
            return 1
        assert proof.deck is not None

        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = load_deck(root)
            times.append(time.perf_counter() - started)
            assert result.ok

        # For contrast: what decoding every image would cost (never done by the loader).
        started = time.perf_counter()
        for image in sorted((root / "images").iterdir()):
            with Image.open(image) as opened:
                opened.load()
        decode_all_seconds = time.perf_counter() - started

    report = {
        "benchmark": "load_content",
        "slides": len(proof.deck.slides),
        "images": counts["image_open"],
        "image_size": f"{width}x{height}",
        "runs": args.runs,
        "median_seconds": round(statistics.median(times), 4),
        "min_seconds": round(min(times), 4),
        "max_seconds": round(max(times), 4),
        "target_seconds": 2.0,
        "under_target": statistics.median(times) < 2.0,
        "header_only": {
            "image_open_calls": counts["image_open"],
            "pixel_decode_calls": counts["pixel_decodes"],
            "proved": counts["pixel_decodes"] == 0 and counts["image_open"] == args.slides,
        },
        "decode_all_images_seconds_for_contrast": round(decode_all_seconds, 4),
        "generate_seconds": round(generate_seconds, 2),
        "problems": len(proof.problems),
    }
    print(json.dumps(report, indent=2))
    return 0 if report["header_only"]["proved"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
