"""What the touch screens tell assistive technology (a screen reader, a magnifier) beyond the
names and descriptions every control carries (``kiosk.ui.accessibility.describe``).

- ``marks``: what a screen declares about its widgets: a role that matches the behaviour (a
  radio button, a group named by its question, a heading), relations (a group labelled by its
  question, a field described by its error message), actions (the slideshow's "Open the menu").
- ``interfaces``: the accessible interfaces Qt hands to the screen reader for the kiosk's own
  widgets, which honour those marks and say "not showing" for what is scrolled out of sight.
- ``slide_reader``: the words of a slide (a picture) as text items where they are drawn.
- ``announce``: polite or urgent messages a screen reader speaks without moving the focus.
"""
