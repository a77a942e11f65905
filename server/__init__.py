"""CertSignal's service side: scoring, rulebook, Flask app and command line."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("certsignal")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
