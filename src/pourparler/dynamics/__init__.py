"""The talks over time: the battlefield and what fighting on is worth, each side's beliefs, the
ceasefire and settlement tracks, ripeness, and how long agreements last."""
