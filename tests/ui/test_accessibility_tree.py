"""The kiosk as a screen reader finds it: a real window on a virtual X screen, read through the
accessibility bus (AT-SPI) and driven through it, at 1920x1080, 1366x768 and 1080x1920, in one
program start per size (the three at once). Skipped where the bus is unavailable (at-spi2-core, python3-pyatspi,
dbus; .ci/run installs them).

The slideshow's words and counter and its "Open the menu" action, the menu, the topic
browser's slide, the request form (roles, groups, relations, the first focus), the form with
the keyboard up (the field, its label, the next field and Send above the keyboard, nothing
hidden reported as showing), a send with nothing filled in (focus on the first field in
error, the message in its description and a "described by" relation), and the thank-you
screen after a real send; then the PIN pad (through the hidden staff gesture) and the admin
screen."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.resources import bundled_content_dir
from tests.helpers.atspi_bus import missing, probe, session_bus
from tests.helpers.kiosk_process import kiosk_env, start_kiosk
from tests.helpers.xvfb import running_xvfb

REASON = missing()
pytestmark = [pytest.mark.xvfb, pytest.mark.slow, pytest.mark.skipif(REASON is not None, reason=REASON or "")]

SIZES = [(1920, 1080), (1366, 768), (1080, 1920)]
SEND = "~Shows what is still missing"
PIN = "572946"
STEPS = [
    ["wait", "panel", "Slideshow"],
    ["wait", "heading", "~"],
    ["focus", "panel", "Slideshow"],
    ["dump", "slideshow"],
    ["act", "panel", "Slideshow", "Open the menu"],
    ["focus", "push button", "Dry needling"],
    ["dump", "menu"],
    ["act", "push button", "Back exercises", "Press"],
    ["focus", "push button", "Next"],
    ["wait", "heading", "Pelvic tilt"],
    ["dump", "browse"],
    ["act", "push button", "All topics", "Press"],
    ["focus", "push button", "Dry needling"],
    ["pause", "0.5"],
    ["act", "push button", "Request more information", "Press"],
    ["focus", "text", "Your name"],
    ["dump", "form"],
    ["click", "text", "Your name"],
    ["wait", "push button", "Done typing"],
    ["dump", "typing"],
    ["click", "text", "Phone number"],
    ["wait", "push button", "Next field"],
    ["dump", "typing-phone"],
    ["act", "push button", "Done typing", "Press"],
    ["pause", "0.5"],
    ["act", "push button", SEND, "Press"],
    ["focus", "text", "Your name"],
    ["wait", "label", "Please enter your name."],
    ["dump", "errors"],
    ["click", "text", "Your name"],
    ["type", "Ana"],
    ["click", "text", "Phone number"],
    ["type", "3035550110"],
    ["act", "push button", "Done typing", "Press"],
    ["pause", "0.5"],
    ["act", "check box", "I agree that the clinic may contact me.", "Press"],
    ["pause", "0.5"],
    ["act", "push button", "Send my request", "Press"],
    ["focus", "push button", "Done"],
    ["dump", "thanks"],
    ["act", "push button", "Done", "Press"],
    ["focus", "panel", "Slideshow"],
    ["hold_corner", "3.5"],
    ["focus", "push button", "Digit 1"],
    ["dump", "pin"],
    ["type", PIN],
    ["key", "Return"],
    ["focus", "push button", "Close"],
    ["dump", "admin"],
]

Node = dict[str, Any]


def read_tree(root: Path, size: tuple[int, int], bus: dict[str, str]) -> dict[str, list[Node]]:
    """One program start at ``size`` on its own X screen, driven and read through the bus."""
    width, height = size
    with running_xvfb(width, height) as display:
        env = {**bus, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        # A staff PIN, set as IT sets it, so the probe can open the admin screen.
        subprocess.run(
            [sys.executable, "-m", "kiosk", "set-pin", "--stdin"],
            input=PIN + "\n",
            env=kiosk_env(root, env),
            check=True,
            capture_output=True,
            text=True,
        )
        kiosk = start_kiosk(root, "--content", str(bundled_content_dir()), env=env, full_screen=True)
        try:
            kiosk.wait_first_frame()
            output = probe(kiosk.proc.pid, STEPS, env)
            # Kept beside the kiosk's log: what a failing assertion looked at.
            (root / "trees.json").write_text(output, encoding="utf-8")
            tree: dict[str, list[Node]] = json.loads(output)
            return tree
        finally:
            kiosk.kill()


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[tuple[int, int], dict[str, list[Node]]]]:
    # The three sizes at once (each its own X screen, kiosk and probe on one bus): the probes
    # mostly wait on the kiosks, so together they take about half as long as one after another.
    with session_bus() as bus, ThreadPoolExecutor(max_workers=len(SIZES)) as pool:
        futures = {
            size: pool.submit(read_tree, tmp_path_factory.mktemp(f"a11y-{size[0]}x{size[1]}"), size, bus)
            for size in SIZES
        }
        found = {size: future.result() for size, future in futures.items()}
    yield found


def showing(tree: list[Node]) -> list[Node]:
    return [n for n in tree if "showing" in n["states"] and n["ext"] and n["ext"][2] > 0]


def one(tree: list[Node], role: str, name: str) -> Node:
    hits = [n for n in showing(tree) if n["role"] == role and n["name"] == name]
    assert len(hits) == 1, (role, name, hits)
    return hits[0]


def focused(tree: list[Node]) -> Node:
    [node] = [n for n in tree if "focused" in n["states"]]
    return node


def inside(ext: list[int], size: tuple[int, int]) -> bool:
    x, y, w, h = ext
    return x >= 0 and y >= 0 and x + w <= size[0] and y + h <= size[1]


def target(size: tuple[int, int]) -> int:
    """The touch minimum: 72 px at 1080p, scaled with the shorter side (kiosk/ui/scale.py)."""
    return round(72 * min(size) / 1080)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_what_a_screen_reader_finds_on_every_patient_screen(
    trees: dict[tuple[int, int], dict[str, list[Node]]], size: tuple[int, int]
) -> None:
    tree = trees[size]

    slideshow = tree["slideshow"]
    panel = one(slideshow, "panel", "Slideshow")
    assert "focused" in panel["states"] and "Open the menu" in panel["actions"]
    words = [n for n in showing(slideshow) if n["depth"] == panel["depth"] + 1]
    assert words[0]["role"] == "heading" and words[0]["name"]
    assert words[-1]["role"] == "label" and words[-1]["name"].startswith("Slide 1 of ")
    assert all(inside(n["ext"], size) for n in words)

    menu = tree["menu"]
    controls = [n for n in showing(menu) if n["role"] in ("push button", "check box")]
    assert {"Request more information", "Back to slideshow"} <= {n["name"] for n in controls}
    small = [(n["name"], n["ext"]) for n in controls if min(n["ext"][2:]) < target(size)]
    assert small == []
    assert not any("Español" in n["desc"] for n in controls)

    browse = tree["browse"]
    assert one(browse, "heading", "Pelvic tilt")
    steps = [n["name"] for n in showing(browse) if n["role"] == "paragraph"]
    assert steps and steps[0].startswith("1. ")
    assert one(browse, "label", "Slide 1 of 5")

    form = tree["form"]
    assert focused(form)["name"] == "Your name"
    radios = [n for n in showing(form) if n["role"] == "radio button"]
    assert [n["name"] for n in radios] == ["Morning", "Afternoon", "Evening", "Any time"]
    # Qt's AT-SPI bridge says "panel" for a grouping: named by its question, and linked to it.
    groups = {n["name"]: n for n in showing(form) if n["role"] == "panel" and n["name"]}
    assert {"What would you like to know more about?", "When should we contact you?"} <= set(groups)
    for group in groups.values():
        assert any(kind == "labelled-by" for kind, _role, _name in group["relations"]), group
    consent = one(form, "check box", "I agree that the clinic may contact me.")
    assert min(consent["ext"][2:]) >= min(48, target(size)), consent

    for label in ("typing", "typing-phone"):
        typing = tree[label]
        keyboard_top = min(n["ext"][1] for n in showing(typing) if n["name"] in ("Done typing", "Next field"))
        field = focused(typing)
        assert field["role"] == "text"
        names = ("Your name", "Phone number", "Email address")
        following = names[(names.index(field["name"]) + 1) % 3]
        for role, name in (("text", field["name"]), ("label", field["name"]), ("text", following)):
            node = one(typing, role, name)
            assert node["ext"][1] + node["ext"][3] <= keyboard_top, (role, name, node["ext"], keyboard_top)
        send = [n for n in showing(typing) if n["role"] == "push button" and "Shows what is still missing" in n["desc"]]
        assert send and send[0]["ext"][1] + send[0]["ext"][3] <= keyboard_top
        # What the keyboard hides says so: the choices and the consent box are not showing.
        assert not [
            n
            for n in showing(typing)
            if n["role"] in ("radio button", "check box") and n["name"] not in ("Shift", "Caps lock")
        ]
        assert not [n for n in showing(typing) if n["ext"][1] + n["ext"][3] > size[1] or n["ext"][1] < 0]

    errors = tree["errors"]
    name = focused(errors)
    assert name["name"] == "Your name" and name["desc"].startswith("Please enter your name.")
    message = one(errors, "label", "Please enter your name.")
    assert ["description-for", "text", "Your name"] in message["relations"]

    thanks = tree["thanks"]
    assert focused(thanks)["name"] == "Done"
    assert one(thanks, "label", "We have your request")
    assert not [n for n in showing(thanks) if n["role"] == "text"]  # the form is gone

    # The staff screens, opened with the hidden gesture and the PIN.
    pin = tree["pin"]
    keys = [n for n in showing(pin) if n["role"] == "push button"]
    assert {f"Digit {d}" for d in range(10)} <= {n["name"] for n in keys}
    assert all(min(n["ext"][2:]) >= target(size) for n in keys), [(n["name"], n["ext"]) for n in keys]
    admin = tree["admin"]
    assert focused(admin)["name"] == "Close"
    controls = [n for n in showing(admin) if n["role"] in ("push button", "check box")]
    assert controls and all(n["name"] and n["desc"] for n in controls)
    assert all(inside(n["ext"], size) for n in controls)
