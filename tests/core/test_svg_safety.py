"""SVG files that expand to billions of shapes or reach outside the content folder are
refused by validation, with a message naming the file and the rule."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from kiosk.core.images import image_rules_markdown
from kiosk.core.loader import load_deck
from kiosk.core.svg_safety import MAX_EMBEDDED_PIXELS, MAX_SVG_ELEMENTS
from tests.helpers.content_kit import INFO, make_pack, write

pytestmark = pytest.mark.faults

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="90" height="90"'


def messages(root: Path) -> list[str]:
    return [str(p) for p in load_deck(root).problems]


# --- SVG: expansion ------------------------------------------------------------------------------


def use_bomb(levels: int, fan_out: int = 10) -> str:
    """``levels`` groups, each using the one below ``fan_out`` times: fan_out ** levels shapes."""
    defs = ['<rect id="l0" width="1" height="1"/>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{level - 1}"/>' for _ in range(fan_out))
        defs.append(f'<g id="l{level}">{uses}</g>')
    return f'{SVG}><defs>{"".join(defs)}</defs><use xlink:href="#l{levels}"/></svg>'


def svg_problem(tmp_path: Path, text: str, name: str = "x.svg") -> str:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + f"image: images/{name}\n"})
    write(root, f"images/{name}", text)
    found = messages(root)
    assert len(found) == 1, found
    prefix = f"slides/a.yaml:6: image: images/{name}: "
    assert found[0].startswith(prefix), found[0]
    return found[0][len(prefix) :]


TOO_MANY = (
    f"SVG draws more than {MAX_SVG_ELEMENTS:,} elements once its references (<use>, markers, patterns) "
    "are expanded; simplify the drawing"
)


def test_the_use_bomb_is_refused(tmp_path: Path) -> None:
    bomb = use_bomb(10)
    assert len(bomb) < 3000  # ten billion shapes in under 3 KB
    assert svg_problem(tmp_path, bomb) == TOO_MANY


def test_a_use_chain_within_the_limit_is_fine(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "image: images/x.svg\n"})
    write(root, "images/x.svg", use_bomb(3))  # a thousand shapes
    assert messages(root) == []


def test_markers_count_once_per_corner(tmp_path: Path) -> None:
    corners = " ".join(f"L{i % 90} {i // 90}" for i in range(2000))
    marker = "".join(f'<circle cx="{i}" cy="1" r="1"/>' for i in range(10))
    text = f'{SVG}><defs><marker id="m">{marker}</marker></defs><path d="M0 0 {corners}" marker-mid="url(#m)"/></svg>'
    assert svg_problem(tmp_path, text) == TOO_MANY


def test_a_style_sheet_reference_counts_for_every_element(tmp_path: Path) -> None:
    shapes = "".join(f'<rect class="a" x="{i}" width="1" height="1"/>' for i in range(200))
    clip = "".join(f'<circle cx="{i}" r="1"/>' for i in range(100))
    text = f'{SVG}><style>.a {{ clip-path: url(#c) }}</style><clipPath id="c">{clip}</clipPath>{shapes}</svg>'
    assert svg_problem(tmp_path, text) == TOO_MANY
    # Gradients draw nothing themselves: a style sheet may paint everything with one.
    gradient = '<linearGradient id="g"><stop offset="0"/><stop offset="1"/></linearGradient>'
    fine = f"{SVG}><style>.a {{ fill: url(#g) }}</style>{gradient}{shapes}</svg>"
    root = make_pack(tmp_path / "ok", {"a.yaml": INFO + "image: images/x.svg\n"})
    write(root, "images/x.svg", fine)
    assert messages(root) == []


def test_a_reference_loop_is_refused(tmp_path: Path) -> None:
    text = f'{SVG}><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>'
    assert svg_problem(tmp_path, text) in (
        "SVG references loop: '#a' refers back to itself",
        "SVG references loop: '#b' refers back to itself",
    )


def test_too_many_elements_or_too_deep(tmp_path: Path) -> None:
    many = f"{SVG}>{'<rect/>' * (MAX_SVG_ELEMENTS + 1)}</svg>"
    assert svg_problem(tmp_path / "a", many) == f"SVG has more than {MAX_SVG_ELEMENTS:,} elements; simplify the drawing"
    deep = f"{SVG}>{'<g>' * 200}{'</g>' * 200}</svg>"
    assert svg_problem(tmp_path / "b", deep) == "SVG elements are nested more than 100 deep"


# --- SVG: references outside the file -------------------------------------------------------------


def png_data_uri(size: tuple[int, int]) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 0, 0)).save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            '<image xlink:href="<outside>" width="9" height="9"/>',
            "SVG <image> refers to '<outside>', outside the SVG; only references inside the file (#id) are "
            "allowed: embed the picture, or use it as the slide's image instead",
        ),
        (
            '<image href="file://<outside>" width="9" height="9"/>',
            "SVG <image> refers to 'file://<outside>', outside the SVG; only references inside the file (#id) are "
            "allowed: embed the picture, or use it as the slide's image instead",
        ),
        (
            '<image href="photo.png" width="9" height="9"/>',
            "SVG <image> refers to 'photo.png', outside the SVG; only references inside the file (#id) are "
            "allowed: embed the picture, or use it as the slide's image instead",
        ),
        (
            '<use href="https://example.com/a.svg#x"/>',
            "SVG <use> refers to 'https://example.com/a.svg#x', outside the SVG; only references inside the "
            "file (#id) are allowed: embed the picture, or use it as the slide's image instead",
        ),
        (
            '<image href="data:image/svg+xml;base64,PHN2Zy8+" width="9" height="9"/>',
            "SVG <image> embeds 'data:image/svg+xml;base64,PHN2Zy8+'; only PNG or JPEG pictures "
            "(data:image/png or data:image/jpeg, base64) may be embedded, in an <image>",
        ),
        (
            '<rect width="9" height="9" fill="url(http://example.com/p.svg#g)"/>',
            "SVG <rect> refers to url(http://example.com/p.svg#g), outside the SVG; only references inside the "
            "file (url(#id)) are allowed",
        ),
        (
            "<style>@import url(#x);</style>",
            "SVG style sheet imports another file (@import), which is not allowed",
        ),
        (
            '<style>rect { fill: url("/etc/x.svg#a") }</style>',
            "SVG style sheet refers to url(/etc/x.svg#a), outside the SVG; only references inside the file "
            "(url(#id)) are allowed",
        ),
        (
            '<rect style="fill: \\75rl(/etc/x.svg#a)"/>',
            "SVG <rect> style attribute uses a CSS escape (\\), which is not allowed",
        ),
    ],
    ids=["absolute", "file-url", "relative", "use-http", "nested-svg", "paint-url", "import", "sheet-url", "escape"],
)
def test_references_outside_the_svg_are_refused(tmp_path: Path, body: str, expected: str) -> None:
    text = f"{SVG}>{body}</svg>".replace("<outside>", "/srv/x.png")
    assert svg_problem(tmp_path, text) == expected.replace("<outside>", "/srv/x.png")


def test_a_style_sheet_processing_instruction_is_refused(tmp_path: Path) -> None:
    text = f'<?xml version="1.0"?><?xml-stylesheet type="text/css" href="/etc/x.css"?>{SVG}/>'
    assert svg_problem(tmp_path, text) == (
        "SVG contains a processing instruction (<?xml-stylesheet ...?>), which is not allowed; "
        "it can load files from outside the SVG"
    )


def test_a_small_embedded_png_is_allowed_and_a_big_one_refused(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "image: images/x.svg\n"})
    write(root, "images/x.svg", f'{SVG}><image href="{png_data_uri((40, 30))}" width="9" height="9"/></svg>')
    assert messages(root) == []

    big = png_data_uri((2100, 2000))
    assert svg_problem(tmp_path / "big", f'{SVG}><image href="{big}" width="9" height="9"/></svg>') == (
        "SVG <image> embeds a 2100x2000 picture, more than the limit of "
        f"{MAX_EMBEDDED_PIXELS / 1_000_000:g} megapixels for a picture inside an SVG; make it smaller"
    )


def test_internal_references_and_the_bundled_content_pass(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "c", {"a.yaml": INFO + "image: images/x.svg\n"})
    gradient = '<linearGradient id="g"><stop offset="0"/></linearGradient><rect id="r" width="1" height="1"/>'
    write(root, "images/x.svg", f'{SVG}><defs>{gradient}</defs><use href="#r" fill="url(#g)"/></svg>')
    assert messages(root) == []
    bundled = Path(__file__).resolve().parents[2] / "content"
    assert load_deck(bundled).ok


def test_the_docs_state_the_image_limits_from_the_code() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "content-format.md").read_text(encoding="utf-8")
    assert image_rules_markdown() in docs, "paste kiosk.core.images.image_rules_markdown() into content-format.md"
