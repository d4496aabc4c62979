"""A content file's bytes as the text the studio edits, and back, byte for byte.

Staff files come from many editors: some write a byte-order mark, Windows ones write CRLF line
ends, some leave out the last newline. The studio edits one normal form (``\\n`` line ends, a
final newline) and writes a changed file back in the form it was read in, so a file staff
changed keeps its conventions and an unchanged one is never rewritten at all.
"""

from __future__ import annotations

from dataclasses import dataclass

BOM = "\ufeff"


@dataclass(frozen=True)
class TextForm:
    """How a file's text is laid out in bytes, apart from the text itself."""

    bom: bool = False
    crlf: bool = False
    final_newline: bool = True

    def encode(self, text: str) -> bytes:
        """``text`` (normal form) as this file's bytes."""
        if not self.final_newline and text.endswith("\n"):
            text = text[:-1]
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return ((BOM if self.bom else "") + text).encode("utf-8")


#: New files: UTF-8 without a BOM, ``\n`` line ends, a final newline.
NEW_FILE = TextForm()


def decode_content_file(data: bytes) -> tuple[str, TextForm]:
    """The normal-form text of a file and how to write it back; raises UnicodeDecodeError."""
    text = data.decode("utf-8")
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    final_newline = text.endswith("\n") or not text
    if not final_newline:
        text += "\n"
    return text, TextForm(bom=bom, crlf=crlf, final_newline=final_newline)
