"""The studio edits notices.yaml like any content file: written on the first notice, notices
and saved phrases added, changed and removed, and saved only when the pack loads cleanly."""

from __future__ import annotations

from datetime import datetime

from kiosk.core.loader import load_deck
from kiosk.core.studio.keys import NOTICES
from kiosk.core.studio.model import StudioModel
from tests.helpers.studio_kit import NOW


def test_notices_yaml_is_written_on_the_first_notice_and_loads(model: StudioModel) -> None:
    path = model.root / "notices.yaml"
    assert not path.exists() and model.not_editable(NOTICES) is None
    editor = model.editor(NOTICES)
    until = datetime(2026, 3, 2, 18, 0)  # the clinic's wall clock (NOW is 10:00 in Denver)
    editor.add_item("notices", {"text": {"en": "The lift is out of order."}, "level": "important", "until": until})
    editor.set_text("notices[0].text", "es", "El ascensor no funciona.")
    editor.add_item("phrases", {"en": "We are running about {minutes} minutes late"})
    assert model.save().saved
    deck = load_deck(model.root, now=NOW).deck
    assert deck is not None
    (notice,) = deck.notices
    assert notice.important and notice.text.get("es") == "El ascensor no funciona."
    assert notice.until.replace(tzinfo=None) == until
    assert [p.get("en") for p in deck.phrases] == ["We are running about {minutes} minutes late"]
    # An unknown placeholder is the validator's error under its field, and nothing is saved.
    editor.set_text("notices[0].text", "en", "Back at {tme}")
    refused = model.save()
    assert not refused.saved
    assert [(p.path, p.field) for p in refused.problems] == [("notices.yaml", "notices[0].text.en")]
    editor.set_text("notices[0].text", "en", "The lift is out of order.")
    editor.remove_item("notices", 0)
    assert model.save().saved
    reloaded = load_deck(model.root, now=NOW).deck
    assert reloaded is not None and reloaded.notices == ()
