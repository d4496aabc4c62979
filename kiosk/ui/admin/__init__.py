"""The staff admin screen: the hidden gesture, the PIN pad and the admin screen itself.

The shell (kiosk.ui.shell) installs :class:`~kiosk.ui.admin.gesture.AdminGesture` on the
application, shows :class:`~kiosk.ui.admin.pin_pad.PinPadScreen` when it fires, and
:class:`~kiosk.ui.admin.admin_screen.AdminScreen` once the PIN is accepted.
"""
