"""Drives a running kiosk through the accessibility bus, as a screen reader would, and prints
what the bus says at each step as JSON (tests/ui/test_accessibility_tree.py runs it).

Run by the system's python3, which has pyatspi (Debian's python3-pyatspi; it is not on PyPI),
not by the project's venv; it imports nothing of the kiosk. Usage:

    python3 atspi_probe.py PID STEPS_JSON

Each step is a list: ["wait", role, name] until a showing node matches; ["focus", role, name]
until the focused node matches; ["act", role, name, action] runs the node's action; ["click",
role, name] taps its middle with xdotool; ["hold_corner", seconds] holds the window's
top-right corner (the staff gesture); ["type", text]; ["key", name]; ["pause", seconds] (a person's pace
between two taps, which the kiosk's double-tap guard needs); ["dump", label]. A name starting with
"~" matches a node whose name or description contains the rest. Steps give up after 20 s.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pyatspi  # type: ignore[import-not-found]  # the system's python3-pyatspi, never in the venv

TIMEOUT = 20.0
POLL = 0.1


def application(pid: int) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # noqa: BLE001 - pyatspi raises GLib errors for an application that left the bus
            continue
    return None


def walk(node: Any, depth: int = 0) -> Iterator[tuple[Any, int]]:
    yield node, depth
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield from walk(child, depth + 1)


def extents(node: Any) -> list[int] | None:
    try:
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except Exception:  # noqa: BLE001 - pyatspi's way of saying the node has no component interface
        return None
    return [box.x, box.y, box.width, box.height]


def states(node: Any) -> list[str]:
    return sorted(pyatspi.stateToString(s) for s in node.getState().getStates())


def relations(node: Any) -> list[list[str]]:
    found = []
    for relation in node.getRelationSet():
        kind = relation.getRelationType().value_nick
        for index in range(relation.getNTargets()):
            target = relation.getTarget(index)
            found.append([kind, target.getRoleName(), target.name])
    return found


def actions(node: Any) -> list[str]:
    try:
        action = node.queryAction()
    except Exception:  # noqa: BLE001 - pyatspi's way of saying the node has no action interface
        return []
    return [action.getName(i) for i in range(action.nActions)]


def describe(node: Any, depth: int) -> dict[str, Any]:
    return {
        "role": node.getRoleName(),
        "name": node.name,
        "desc": node.description,
        "states": states(node),
        "ext": extents(node),
        "depth": depth,
        "relations": relations(node),
        "actions": actions(node),
    }


def matches(node: Any, role: str, name: str) -> bool:
    if node.getRoleName() != role:
        return False
    if name.startswith("~"):
        return name[1:] in node.name or name[1:] in node.description
    return bool(node.name == name)


def find(pid: int, role: str, name: str, *, state: str = "showing") -> Any:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        app = application(pid)
        if app is not None:
            for node, _depth in walk(app):
                try:
                    if matches(node, role, name) and state in states(node):
                        return node
                except Exception:  # noqa: BLE001 - a node that went away while we looked (GLib errors)
                    continue
        time.sleep(POLL)
    raise SystemExit(f"atspi_probe: no {state} {role!r} named {name!r} within {TIMEOUT} s")


def run(pid: int, steps: list[list[str]]) -> dict[str, list[dict[str, Any]]]:
    dumps: dict[str, list[dict[str, Any]]] = {}
    for step in steps:
        verb, *args = step
        if verb == "wait":
            find(pid, args[0], args[1])
        elif verb == "focus":
            find(pid, args[0], args[1], state="focused")
        elif verb == "act":
            node = find(pid, args[0], args[1])
            action = node.queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
            index = names.index(args[2]) if args[2] in names else None
            if index is None:
                raise SystemExit(f"atspi_probe: {args[1]!r} has no action {args[2]!r}: {names}")
            action.doAction(index)
        elif verb == "click":
            box = extents(find(pid, args[0], args[1]))
            assert box is not None
            x, y = box[0] + box[2] // 2, box[1] + box[3] // 2
            subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
        elif verb == "pause":
            # A person's pace: the kiosk ignores a second tap within its double-tap guard.
            time.sleep(float(args[0]))
        elif verb == "hold_corner":
            # The staff gesture: press and hold the window's top-right corner.
            app = application(pid)
            frame = app.getChildAtIndex(0) if app is not None else None
            box = extents(frame) if frame is not None else None
            assert box is not None
            x, y = box[0] + box[2] - 8, box[1] + 8
            subprocess.run(["xdotool", "mousemove", str(x), str(y), "mousedown", "1"], check=True)
            time.sleep(float(args[0]))
            subprocess.run(["xdotool", "mouseup", "1"], check=True)
        elif verb == "key":
            subprocess.run(["xdotool", "key", args[0]], check=True)
        elif verb == "type":
            subprocess.run(["xdotool", "type", "--delay", "20", args[0]], check=True)
        elif verb == "dump":
            app = application(pid)
            dumps[args[0]] = [describe(node, depth) for node, depth in walk(app)] if app is not None else []
        else:
            raise SystemExit(f"atspi_probe: unknown step {step!r}")
    return dumps


if __name__ == "__main__":
    json.dump(run(int(sys.argv[1]), json.loads(sys.argv[2])), sys.stdout)
