"""The "Request more information" screens: the form with its on-screen keyboard, and the
thank-you screen. The shell hosts :class:`~kiosk.ui.request.form_screen.RequestScreen`."""
