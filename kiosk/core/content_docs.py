"""The parts of the content docs that the code defines, rendered from it.

``docs/content-guide.md`` and ``docs/content-format.md`` hold blocks between markers like

    <!-- generated: yaml-messages (python -m kiosk.core.content_docs); tests check it is current -->
    ...
    <!-- end of generated: yaml-messages -->

whose text is rendered here from :mod:`kiosk.core.limits`, :mod:`kiosk.core.fields` and
:mod:`kiosk.core.yaml_mistakes`, so a number or message in the docs cannot drift from the
code. ``python -m kiosk.core.content_docs [FILE ...]`` rewrites the blocks in place
(default: the two docs, from the repository root); tests/core/test_content_docs.py fails
while a block is not current.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.core.fields import (
    CLINIC_FIELDS,
    COMMON_SLIDE_FIELDS,
    KIND_FIELDS,
    NOTICE_FIELDS,
    NOTICES_FILE,
    NOTICES_FILE_FIELDS,
    TOPIC_FIELDS,
    FieldSpec,
)
from kiosk.core.limits import (
    LIMITS,
    MAX_DURATION,
    MAX_IMAGE_PIXELS,
    MAX_YAML_BYTES,
    MIN_DURATION,
    MIN_IMAGE_SCREEN_FRACTION,
)
from kiosk.core.loader import DEFAULT_TIMEZONE
from kiosk.core.model import Clinic
from kiosk.core.notices.showing import ROTATE_SECONDS
from kiosk.core.yaml_mistakes import messages_markdown
from kiosk.core.yaml_source import MAX_DEPTH

GUIDE = "docs/content-guide.md"
ADMIN = "docs/admin.md"
FORMAT = "docs/content-format.md"
DOCS = (GUIDE, FORMAT)

#: How the staff guide names each text limit (an attribute of TextLimits), in its order.
_GUIDE_TEXTS = (
    ("title", "title"),
    ("info_body", "body of an `info` slide"),
    ("news_body", "body of a `news` slide"),
    ("contact_body", "body of the `contact` slide"),
    ("list_item", "one bullet point"),
    ("step", "one exercise step"),
    ("caution", "caution line of an exercise"),
    ("qr_caption", "text under the QR code"),
    ("topic_title", "topic name"),
    ("follow_up", "thank-you text after a patient asks for information (`follow_up` in clinic.yaml)"),
    ("notice", "a same-day notice (`notices.yaml`, or posted on the kiosk)"),
    ("phrase", "a saved phrase (`notices.yaml`; each blank counts as its usual filled length)"),
)
#: How the guide counts the entries of a list (an attribute of TextLimits).
_GUIDE_COUNTS = {"list_items": "bullet points", "steps": "steps", "phrases": "phrases"}
#: Lists limited only in their number of entries: (limit, field path, file, how the guide names them).
_COUNTED_LISTS = (
    ("notices", "notices", NOTICES_FILE, "notices in `notices.yaml` (ended ones included)"),
    ("holidays", "holidays", "clinic.yaml", "days in the holiday list (`holidays` in clinic.yaml)"),
)
#: The screen the image advice is given for (``kiosk validate``'s default).
SCREEN = (1920, 1080)


def _fields_with_limits() -> list[tuple[str, str, FieldSpec]]:
    """(field path, where it is, spec) for every field whose text has a length limit."""
    found = [(spec.name, "every slide", spec) for spec in COMMON_SLIDE_FIELDS]
    for kind, specs in KIND_FIELDS.items():
        found += [(spec.name, f"`{kind}` slides", spec) for spec in specs]
    found += [(f"topics[].{spec.name}", "clinic.yaml", spec) for spec in TOPIC_FIELDS]
    found += [(spec.name, "clinic.yaml", spec) for spec in CLINIC_FIELDS]
    found += [(f"notices[].{spec.name}", NOTICES_FILE, spec) for spec in NOTICE_FIELDS]
    found += [(spec.name, NOTICES_FILE, spec) for spec in NOTICES_FILE_FIELDS]
    return [item for item in found if item[2].limit is not None]


def _count_of(spec: FieldSpec) -> int | None:
    return getattr(LIMITS, spec.max_items) if spec.max_items else None


def limits_guide_markdown() -> str:
    """The staff guide's "how much text fits" table."""
    specs = {spec.limit: spec for _, _, spec in _fields_with_limits()}
    missing = sorted({spec.limit for spec in specs.values() if spec.limit} - {name for name, _ in _GUIDE_TEXTS})
    if missing:
        raise ValueError(f"no wording in the staff guide for the text limits {', '.join(missing)}")
    rows = ["| text | at most (letters and spaces) |", "| --- | --- |"]
    for name, label in _GUIDE_TEXTS:
        cell = str(getattr(LIMITS, name))
        spec = specs.get(name)
        count = _count_of(spec) if spec else None
        if spec is not None and spec.max_items and count is not None:
            cell += f", and at most {count} {_GUIDE_COUNTS[spec.max_items]}"
        rows.append(f"| {label} | {cell} |")
    for name, _path, _file, label in _COUNTED_LISTS:
        rows.append(f"| {label} | {getattr(LIMITS, name)} |")
    return "\n".join(rows) + "\n"


def limits_format_markdown() -> str:
    """The format reference's table of every limit the validator applies."""
    rows = ["| field | where | at most | beyond it |", "| --- | --- | --- | --- |"]
    for path, where, spec in _fields_with_limits():
        length = getattr(LIMITS, spec.limit or "")
        count = _count_of(spec)
        if count is None:
            rows.append(f"| `{path}` | {where} | {length} characters per language | a warning |")
        else:
            rows.append(
                f"| `{path}` | {where} | {count} entries, each {length} characters per language | "
                "more entries: an error; a longer entry: a warning |"
            )
    for name, path, where, _label in _COUNTED_LISTS:
        rows.append(f"| `{path}` | {where} | {getattr(LIMITS, name)} entries | an error |")
    for path, where in (("duration", "every slide"), ("default_duration", "clinic.yaml")):
        rows.append(
            f"| `{path}` | {where} | from {MIN_DURATION:g} s to {MAX_DURATION:g} s | "
            "the nearest of the two is used, with a warning |"
        )
    rows.append(f"| a content file | clinic.yaml, slides/ | {MAX_YAML_BYTES // 1024} KB | an error |")
    rows.append(f"| nesting | any content file | {MAX_DEPTH} levels | an error |")
    return "\n".join(rows) + "\n"


def facts() -> tuple[tuple[str, str], ...]:
    """(doc, sentence) for numbers the docs state in prose, rendered from the code; each
    sentence must appear in its doc word for word (tests/core/test_content_docs.py)."""
    half_w, half_h = (round(side * MIN_IMAGE_SCREEN_FRACTION) for side in SCREEN)
    return (
        (GUIDE, f"A slide stays between {MIN_DURATION:g} seconds and {MAX_DURATION / 60:g} minutes."),
        (GUIDE, f"stay up for {Clinic.default_duration:g} seconds"),
        (GUIDE, f"at most {LIMITS.notice} letters each"),
        (ADMIN, f"take turns in the banner, {ROTATE_SECONDS:g} seconds each"),
        (GUIDE, f"at least **{half_w} pixels wide or {half_h} pixels high**"),
        (GUIDE, f"more than {MAX_IMAGE_PIXELS // 1_000_000} megapixels"),
        (FORMAT, f"default `{Clinic.default_duration:g}s`"),
        (FORMAT, f"IANA zone for schedules, default `{DEFAULT_TIMEZONE}`"),
        (FORMAT, f"less than {MIN_IMAGE_SCREEN_FRACTION:.0%} of the WxH screen"),
        (FORMAT, f"at most {MAX_YAML_BYTES // 1024} KB (`MAX_YAML_BYTES`)"),
        (FORMAT, f"`nested more than {MAX_DEPTH} levels deep`"),
        (FORMAT, f"shorter than the minimum of {MIN_DURATION:g} s; using {MIN_DURATION:g} s"),
        (FORMAT, f"longer than the maximum of {MAX_DURATION:g} s; using {MAX_DURATION:g} s"),
    )


#: Each block's name and what renders it.
BLOCKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("yaml-messages", messages_markdown),
    ("limits-guide", limits_guide_markdown),
    ("limits-format", limits_format_markdown),
)


def begin_marker(name: str) -> str:
    return f"<!-- generated: {name} (python -m kiosk.core.content_docs); tests check it is current -->"


def end_marker(name: str) -> str:
    return f"<!-- end of generated: {name} -->"


def _block_pattern(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(begin_marker(name)) + r"\n.*?" + re.escape(end_marker(name)), re.DOTALL)


def block_names(text: str) -> list[str]:
    """The generated blocks ``text`` holds, in order."""
    return re.findall(r"<!-- generated: ([\w-]+) ", text)


def refresh(text: str) -> str:
    """``text`` with every generated block rendered afresh; unknown block names are errors."""
    renderers = dict(BLOCKS)
    for name in block_names(text):
        if name not in renderers:
            raise ValueError(f"unknown generated block {name!r}; known: {', '.join(renderers)}")
        match = _block_pattern(name).search(text)
        if match is None:
            raise ValueError(f"generated block {name!r} has no end marker ({end_marker(name)})")
        # Spliced in rather than substituted: a backslash in the rendered text is no regex escape.
        rendered = f"{begin_marker(name)}\n{renderers[name]()}{end_marker(name)}"
        text = text[: match.start()] + rendered + text[match.end() :]
    return text


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or [Path(doc) for doc in DOCS]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        updated = refresh(text)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
