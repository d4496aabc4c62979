"""Checking an SVG before anything draws it.

An SVG is a small program for the renderer: a 2 KB file of ten levels of ten ``<use>``
references draws ten billion shapes, and an ``<image>`` pointing at ``/etc/...`` or at a
web address reads something from outside the content folder onto a slide. So an SVG is
accepted only when:

- it is at most :data:`MAX_SVG_BYTES`, parsed by defusedxml with no DTD, no entities and no
  external references, and has no processing instruction (``<?xml-stylesheet?>`` would load
  a style sheet from a file);
- it has no ``<script>``, ``<foreignObject>`` or ``on...=`` event handler;
- every reference stays inside the file: an ``href`` is ``#id``, a ``url(...)`` is
  ``url(#id)``, a style sheet has no ``@import`` and no escapes; the one exception is an
  ``<image>`` holding a PNG or JPEG picture as a ``data:`` URI, of at most
  :data:`MAX_EMBEDDED_PIXELS`;
- what it draws, with every reference expanded (a ``<use>`` counts as what it repeats, a
  marker once per corner of the line it decorates), is at most :data:`MAX_SVG_ELEMENTS`
  elements, and references never loop.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

# defusedxml's parser is the standard one with DTDs, entities and external references off.
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import XMLParser
from PIL import Image, UnidentifiedImageError

#: An illustration is a few hundred kilobytes at most; bigger SVG is almost surely a mistake.
MAX_SVG_BYTES = 2 * 1024 * 1024
#: Elements drawn once every reference is expanded. Qt draws about ten thousand simple
#: shapes in a tenth of a second; real illustrations have hundreds.
MAX_SVG_ELEMENTS = 10_000
#: Elements nested inside each other; real files nest a dozen deep.
MAX_SVG_NESTING = 100
#: A picture embedded in an SVG is decoded whole (not at screen size), so it is kept small.
MAX_EMBEDDED_PIXELS = 4_000_000

SVG_NS = "{http://www.w3.org/2000/svg}"
_FORBIDDEN_ELEMENTS = ("script", "foreignobject")
_FORBIDDEN_TEXT = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_URL = re.compile(r"url\s*\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_URL_START = re.compile(r"url\s*\(", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|jpg);base64,(.*)$", re.IGNORECASE | re.DOTALL)
#: Properties whose url(#id) draws the target at every corner of the shape.
_MARKER_PROPERTIES = frozenset({"marker", "marker-start", "marker-mid", "marker-end"})
#: Paint servers draw no shapes of their own; a style sheet may use them on every element.
_PAINT_SERVERS = frozenset({"lineargradient", "radialgradient", "solidcolor"})


class SvgError(ValueError):
    """The SVG is unsafe or unreadable; the message is written for staff."""


@dataclass(frozen=True)
class SvgSize:
    width: float
    height: float


class _Builder(TreeBuilder):
    """Keeps processing instructions in view (the plain builder drops those before the root)."""

    def __init__(self) -> None:
        super().__init__()
        self.instructions: list[str] = []

    def pi(self, target: str, text: str | None = None) -> Element:
        self.instructions.append(target)
        return super().pi(target, text)


def local_name(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def check_svg(data: bytes) -> SvgSize:
    """The SVG's size from its bytes; SvgError for anything unsafe, too big or unreadable."""
    if len(data) > MAX_SVG_BYTES:
        raise SvgError(f"SVG file is larger than {MAX_SVG_BYTES // (1024 * 1024)} MB")
    if _FORBIDDEN_TEXT.search(data):
        raise SvgError("SVG contains a <!DOCTYPE> or <!ENTITY> declaration, which is not allowed")
    root = _parse(data)
    if root.tag not in (f"{SVG_NS}svg", "svg"):
        raise SvgError("not an SVG image (the outer element is not <svg>)")
    elements = _walk(root)
    ids = {element.get("id"): element for element in elements if element.get("id")}
    sheet_refs = _check_elements(elements)
    _check_expansion(root, elements, ids, sheet_refs)
    return _size(root)


def _parse(data: bytes) -> Element:
    builder = _Builder()
    parser = XMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        raise SvgError("SVG contains a <!DOCTYPE> or <!ENTITY> declaration, which is not allowed") from None
    except ParseError as exc:
        raise SvgError(f"cannot read the SVG: {exc}") from None
    instructions = [name for name in builder.instructions if name.lower() != "xml"]
    if instructions:
        raise SvgError(
            f"SVG contains a processing instruction (<?{instructions[0]} ...?>), which is not allowed; "
            "it can load files from outside the SVG"
        )
    if not isinstance(root, Element):
        raise SvgError("cannot read the SVG: no outer element")
    return root


def _walk(root: Element) -> list[Element]:
    """Every element, checking count and nesting on the way (before anything recursive)."""
    elements: list[Element] = []
    stack: list[tuple[Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction node
        if depth > MAX_SVG_NESTING:
            raise SvgError(f"SVG elements are nested more than {MAX_SVG_NESTING} deep")
        elements.append(element)
        if len(elements) > MAX_SVG_ELEMENTS:
            raise SvgError(f"SVG has more than {MAX_SVG_ELEMENTS:,} elements; simplify the drawing")
        stack.extend((child, depth + 1) for child in reversed(element))
    return elements


def _check_elements(elements: list[Element]) -> list[str]:
    """Elements, attributes and styles; returns the ids that style sheets (``<style>``) use."""
    sheet_refs: list[str] = []
    for element in elements:
        name = local_name(element.tag)
        if name.lower() in _FORBIDDEN_ELEMENTS:
            raise SvgError(f"SVG contains a <{name}> element, which is not allowed")
        for attr, value in element.attrib.items():
            attr_name = local_name(attr)
            if attr_name.lower().startswith("on"):
                raise SvgError(f"SVG <{name}> has an event handler (on...=), which is not allowed")
            if attr_name == "href":
                _check_href(name, value)
            elif attr_name == "style":
                _check_css(f"SVG <{name}> style attribute", value)
            elif _URL_START.search(value):
                _check_urls(f"SVG <{name}>", value)
        if name == "style":
            sheet_refs += _check_css("SVG style sheet", "".join(element.itertext()))
    return sheet_refs


def _check_href(element: str, value: str) -> None:
    target = value.strip()
    if target.startswith("#"):
        return
    embedded = _DATA_IMAGE.match(target)
    if embedded and element == "image":
        _check_embedded_image(embedded.group(1).lower(), embedded.group(2))
        return
    shown = target if len(target) <= 60 else target[:57] + "..."
    if target.lower().startswith("data:"):
        raise SvgError(
            f"SVG <{element}> embeds '{shown}'; only PNG or JPEG pictures (data:image/png or "
            "data:image/jpeg, base64) may be embedded, in an <image>"
        )
    raise SvgError(
        f"SVG <{element}> refers to '{shown}', outside the SVG; only references inside the file "
        "(#id) are allowed: embed the picture, or use it as the slide's image instead"
    )


def _check_embedded_image(kind: str, payload: str) -> None:
    try:
        raw = base64.b64decode("".join(payload.split()), validate=True)
    except (binascii.Error, ValueError):
        raise SvgError("SVG <image> holds a data: picture that is not valid base64") from None
    expected = "PNG" if kind == "png" else "JPEG"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw), formats=[expected]) as image:
                width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
        raise SvgError(f"SVG <image> holds a data: picture that is not a readable {expected} image") from None
    if width * height > MAX_EMBEDDED_PIXELS:
        raise SvgError(
            f"SVG <image> embeds a {width}x{height} picture, more than the limit of "
            f"{MAX_EMBEDDED_PIXELS / 1_000_000:g} megapixels for a picture inside an SVG; make it smaller"
        )


def _check_css(where: str, css: str) -> list[str]:
    """A style sheet or style attribute: no imports, no escapes, url(#id) only; the ids used."""
    if "\\" in css:
        # An escape can spell url( or @import so that no check sees it.
        raise SvgError(f"{where} uses a CSS escape (\\), which is not allowed")
    if "@import" in css.lower():
        raise SvgError(f"{where} imports another file (@import), which is not allowed")
    return _check_urls(where, css)


def _check_urls(where: str, value: str) -> list[str]:
    ids: list[str] = []
    for match in _URL.finditer(value):
        target = match.group(2).strip()
        if not target.startswith("#"):
            shown = target if len(target) <= 60 else target[:57] + "..."
            raise SvgError(
                f"{where} refers to url({shown}), outside the SVG; only references inside the file "
                "(url(#id)) are allowed"
            )
        ids.append(target[1:])
    if len(_URL_START.findall(value)) != len(ids):
        raise SvgError(f"{where} has a url(...) that cannot be read")
    return ids


def _references(element: Element) -> Iterator[tuple[str, int]]:
    """(id, how many times it is drawn) for each reference ``element`` makes itself."""
    corners = 0
    for attr, value in element.attrib.items():
        attr_name = local_name(attr)
        if attr_name == "href":
            target = value.strip()
            if target.startswith("#"):
                yield target[1:], 1
            continue
        declarations = _declarations(value) if attr_name == "style" else [(attr_name, value)]
        for prop, text in declarations:
            for match in _URL.finditer(text):
                target = match.group(2).strip()[1:]
                if prop.strip().lower() in _MARKER_PROPERTIES:
                    corners = corners or _corners(element)
                    yield target, corners
                else:
                    yield target, 1


def _declarations(style: str) -> list[tuple[str, str]]:
    pairs = []
    for part in style.split(";"):
        prop, _, value = part.partition(":")
        pairs.append((prop, value))
    return pairs


def _corners(element: Element) -> int:
    """How many times a marker is drawn on ``element``: at most once per point of its path."""
    text = element.get("d") or element.get("points") or ""
    return max(2, len(_NUMBER.findall(text)) // 2)


def _check_expansion(root: Element, elements: list[Element], ids: dict[str | None, Element], sheet: list[str]) -> None:
    """What the renderer would draw with every reference expanded, without expanding it:
    each element's cost (1 + its children's + what it references, times how often) is
    computed once, children and targets first, with an explicit stack (no recursion)."""
    limit = MAX_SVG_ELEMENTS
    cost: dict[Element, int] = {}
    entered: set[Element] = set()

    def deps(element: Element) -> list[tuple[Element, int]]:
        found = [(child, 1) for child in element if isinstance(child.tag, str)]
        found += [(ids[target], times) for target, times in _references(element) if target in ids]
        return found

    stack: list[tuple[Element, bool]] = [(root, False)]
    while stack:
        element, finished = stack.pop()
        if finished:
            total = 1 + sum(cost[dep] * times for dep, times in deps(element))
            cost[element] = min(total, limit + 1)
            entered.discard(element)
            continue
        if element in cost:
            continue
        entered.add(element)
        stack.append((element, True))
        for dep, _ in deps(element):
            if dep in entered:
                raise SvgError(f"SVG references loop: '#{dep.get('id') or local_name(dep.tag)}' refers back to itself")
            if dep not in cost:
                stack.append((dep, False))
    total = cost[root]
    # A style sheet can apply a reference to every element; paint servers (gradients) draw nothing.
    for target in sheet:
        referenced = ids.get(target)
        if referenced is None:
            continue
        if local_name(referenced.tag).lower() in _PAINT_SERVERS:
            continue
        total += cost.get(referenced, 1) * len(elements)
    if total > limit:
        raise SvgError(
            f"SVG draws more than {limit:,} elements once its references (<use>, markers, patterns) "
            "are expanded; simplify the drawing"
        )


_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def _size(root: Element) -> SvgSize:
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width is None or height is None:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        try:
            width, height = float(box[2]), float(box[3])
        except (IndexError, ValueError):
            raise SvgError("SVG has no usable width/height or viewBox") from None
    return SvgSize(width, height)


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    return float(match.group(1)) if match else None
