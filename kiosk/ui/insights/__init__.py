"""The engagement figures on the kiosk's side: the recorder that counts what the screens
already signal, and the charts staff see on the admin screen and in the studio."""
