"""The slideshow: the player that sequences slides, its frame worker, its window and the
content watcher that feeds it reloads."""
