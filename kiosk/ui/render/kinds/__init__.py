"""One layout module per slide kind; each exposes ``lay_out(ctx, slide)``."""
