"""Signed content publishing: one clinic publishes a content pack, every kiosk pulls and verifies it.

The publisher (``kiosk content publish``, :mod:`.bundle`) writes an immutable, versioned
archive and a signed manifest (:mod:`.manifest`, keys in :mod:`.keys`) to a folder that IT
copies as it is to a bucket, a web server or a network share. Each kiosk's
:class:`~kiosk.core.publish.updater.Updater` fetches the manifest (:mod:`.sources`), checks
its signature and serial, downloads and checks the archive, extracts it safely
(:mod:`.extract`), validates it with the real loader and only then hands the staged folder to
an injected ``install`` callable. :class:`~kiosk.core.publish.loop.UpdateLoop` runs the check
in a plain thread. Nothing here imports Qt.
"""
