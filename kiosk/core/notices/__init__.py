"""Same-day notices: short lines shown in a banner over every slide until they end.

- :mod:`~kiosk.core.notices.model`: a notice, its level and where it came from;
- :mod:`~kiosk.core.notices.placeholders`: ``{minutes}`` and the like in saved phrases, and
  ``{until}``, which the kiosk fills with the notice's end;
- :mod:`~kiosk.core.notices.showing`: which notices show now, in which order, and when that
  changes (expiry, rotation);
- :mod:`~kiosk.core.notices.ends`: "in 30 minutes", "end of day"... as an end time;
- :mod:`~kiosk.core.notices.drafts`: the checks a notice passes before it is posted;
- :mod:`~kiosk.core.notices.local_store`: notices posted on one kiosk, kept in its data folder.

Notices written in the content pack (``notices.yaml``) are loaded with the rest of the pack
(:mod:`kiosk.core.loader`); opening hours in words are in :mod:`kiosk.core.opening`.
"""
