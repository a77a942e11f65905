"""Golden Reports: the scorer's full output on every fixture Profile, pinned (see regenerate.py)."""
