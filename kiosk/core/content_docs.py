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

from kiosk.core.yaml_mistakes import messages_markdown

DOCS = ("docs/content-guide.md", "docs/content-format.md")

#: Each block's name and what renders it.
BLOCKS: tuple[tuple[str, Callable[[], str]], ...] = (("yaml-messages", messages_markdown),)


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
