"""The patient's touch screens: menu, topic browser, idle overlay and touch input helpers."""
