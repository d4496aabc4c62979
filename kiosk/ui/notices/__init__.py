"""The notices banner on screen: the board that knows which notices show and whose turn it
is (:mod:`~kiosk.ui.notices.board`), and the banner widget the slideshow, the topic browser
and the admin screen show it with (:mod:`~kiosk.ui.notices.banner_view`). What a notice is,
and the rules for showing one, are Qt-free: :mod:`kiosk.core.notices`."""
