"""Helpers shared by every test that drives a real browser (extension tests, web page tests).

What works on this offline Debian machine is recorded in ``../shared/reference/browser-testing.md``:
Playwright for Python drives Debian's Chromium (never ``playwright install``), Firefox ESR is driven
over its built-in WebDriver BiDi server (geckodriver cannot be installed offline). Fixture pages are
served over HTTPS on loopback under their real host name (``www.linkedin.com``) so the *shipped*
manifest is what gets tested: Chromium maps the name with ``--host-resolver-rules``, Firefox reaches
it through a tiny CONNECT proxy that tunnels only that host.

Every helper skips the calling test cleanly (``pytest.skip``) when a browser or a Python package
is missing, so the suite still passes on a machine without browsers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import ipaddress
import json
import os
import re
import select
import socket
import socketserver
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTENSION_DIR = ROOT / "extension"
LINKEDIN_HOST = "www.linkedin.com"

# The real binary, not Debian's /usr/bin/chromium shell wrapper (which injects its own flags).
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
FIREFOX_CANDIDATES = ("/usr/bin/firefox-esr", "/usr/lib/firefox-esr/firefox-esr")

# The flag set verified in browser-testing.md. --no-sandbox because tests may run as root or in a
# container; the rest keep a headless run quiet, offline and reproducible.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)

# LinkedIn serves its pages with a strict CSP; the fixture server sends a similar one so that
# anything the extension tried from the page's own context (instead of the background) would fail
# here as it does on the real site.
LINKEDIN_LIKE_CSP = "default-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'"


# --------------------------------------------------------------------------- finding browsers


def find_executable(candidates: tuple[str, ...], env_var: str) -> str | None:
    override = os.environ.get(env_var)
    if override:
        return override if Path(override).exists() else None
    for candidate in candidates:
        if Path(candidate).exists():
            return candidate
    return None


def chromium_executable() -> str | None:
    """Debian's Chromium binary, or ``$CERTSIGNAL_CHROMIUM``; ``None`` when absent."""
    return find_executable(CHROMIUM_CANDIDATES, "CERTSIGNAL_CHROMIUM")


def firefox_executable() -> str | None:
    """Firefox ESR, or ``$CERTSIGNAL_FIREFOX``; ``None`` when absent."""
    return find_executable(FIREFOX_CANDIDATES, "CERTSIGNAL_FIREFOX")


def require_chromium() -> str:
    """The Chromium path, or skip the test (no browser, or no Playwright)."""
    path = chromium_executable()
    if path is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; scripts/test does it)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    return path


def require_firefox() -> str:
    """The Firefox ESR path, or skip the test (no browser, or no websocket-client)."""
    path = firefox_executable()
    if path is None:
        pytest.skip("Firefox ESR is not installed (apt-get install firefox-esr)")
    pytest.importorskip("websocket", reason="websocket-client is not installed")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- TLS certificate


@dataclass(frozen=True)
class TlsFiles:
    cert: Path
    key: Path


def self_signed_certificate(directory: Path, hosts: tuple[str, ...] = (LINKEDIN_HOST,)) -> TlsFiles:
    """A throwaway self-signed certificate for ``hosts`` (and 127.0.0.1), valid for two days."""
    pytest.importorskip("cryptography", reason="cryptography is not installed")
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])])
    now = dt.datetime.now(dt.UTC)
    alt_names: list[x509.GeneralName] = [x509.DNSName(h) for h in hosts]
    alt_names.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    directory.mkdir(parents=True, exist_ok=True)
    files = TlsFiles(directory / "cert.pem", directory / "key.pem")
    files.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


# --------------------------------------------------------------------------- servers


class _QuietThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Browsers drop keep-alive and TLS connections mid-handshake all the time; a traceback on
        # stderr for each would bury real failures.
        pass


@dataclass
class FixtureSite:
    """Pages served over HTTPS on loopback, as if from ``https://www.linkedin.com``.

    ``pages`` maps a URL path (``/in/dana-example/``) to HTML; add to it at any time. Other paths
    answer 404 and other Host headers 421, so stray browser traffic never gets a fixture page.
    """

    port: int
    pages: dict[str, str | bytes] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    @property
    def origin(self) -> str:
        return f"https://{LINKEDIN_HOST}"

    def url(self, path: str) -> str:
        return self.origin + path


@contextlib.contextmanager
def serve_fixture_site(
    tls: TlsFiles,
    pages: Mapping[str, str | bytes] | None = None,
    csp: str = LINKEDIN_LIKE_CSP,
) -> Iterator[FixtureSite]:
    """An HTTPS server on a free loopback port serving ``pages`` for ``www.linkedin.com``."""
    site = FixtureSite(port=0, pages=dict(pages or {}))

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").split(":")[0]
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            site.requests.append(path)
            if host not in (LINKEDIN_HOST, "127.0.0.1"):
                self._send(421, b"wrong host", "text/plain")
                return
            body = site.pages.get(path)
            if body is None:
                self._send(404, b"not found", "text/plain")
                return
            data = body.encode("utf-8") if isinstance(body, str) else body
            self._send(200, data, "text/html; charset=utf-8")

        def _send(self, status: int, data: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Content-Security-Policy", csp)
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

    server = _QuietThreadingServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls.cert, tls.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    site.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, name="fixture-site", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def connect_proxy(target_port: int, allowed_host: str = LINKEDIN_HOST) -> Iterator[int]:
    """A CONNECT proxy on a free loopback port tunnelling only ``allowed_host:443`` to
    ``127.0.0.1:target_port``; every other request is refused, so nothing leaves the machine.
    Firefox uses it as its SSL proxy to reach the fixture site under the real host name."""

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            client: socket.socket = self.request
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 8192:
                chunk = client.recv(1024)
                if not chunk:
                    return
                head += chunk
            line = head.split(b"\r\n", 1)[0].decode("latin-1")
            match = re.fullmatch(r"CONNECT ([^:\s]+):(\d+) HTTP/1\.[01]", line)
            if not match or match.group(1) != allowed_host or match.group(2) != "443":
                client.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                return
            with socket.create_connection(("127.0.0.1", target_port)) as upstream:
                client.sendall(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                _pipe(client, upstream)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="connect-proxy", daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def _pipe(a: socket.socket, b: socket.socket) -> None:
    sockets = [a, b]
    while True:
        readable, _, errored = select.select(sockets, [], sockets, 30)
        if errored or not readable:
            return
        for sock in readable:
            try:
                data = sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            (b if sock is a else a).sendall(data)


@dataclass
class WsgiServer:
    port: int
    _server: Any
    stopped: bool = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Stop answering (the port closes): the "service is down" case."""
        if not self.stopped:
            self.stopped = True
            self._server.shutdown()
            self._server.server_close()


@contextlib.contextmanager
def serve_wsgi(app: Callable[..., Any]) -> Iterator[WsgiServer]:
    """Serve a WSGI app (e.g. ``server.app.create_app()``) on a free loopback port in a thread."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    running = WsgiServer(port=int(server.server_port), _server=server)
    thread = threading.Thread(target=server.serve_forever, name="wsgi", daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.stop()


# --------------------------------------------------------------------------- Chromium


def chromium_args(
    extension: Path | None = None,
    host_ports: Mapping[str, int] | None = None,
    public_ports: tuple[int, ...] = (),
) -> list[str]:
    """Command-line flags for Debian's Chromium.

    ``extension``: load this unpacked extension (and no other). ``host_ports``: resolve these host
    names to loopback ports (the fixture site), accepting its self-signed certificate.
    ``public_ports``: loopback ports to treat as the public internet (Local Network Access), as
    linkedin.com is in real use."""
    args = list(CHROMIUM_FLAGS)
    if extension is not None:
        args += [f"--disable-extensions-except={extension}", f"--load-extension={extension}"]
    if host_ports:
        rules = ", ".join(f"MAP {host} 127.0.0.1:{port}" for host, port in host_ports.items())
        args += [f"--host-resolver-rules={rules}", "--ignore-certificate-errors"]
    if public_ports:
        overrides = ",".join(f"127.0.0.1:{port}=public" for port in public_ports)
        args.append(f"--ip-address-space-overrides={overrides}")
    return args


def launch_chromium(
    playwright: Any,
    user_data_dir: Path,
    *,
    extension: Path | None = None,
    host_ports: Mapping[str, int] | None = None,
    public_ports: tuple[int, ...] = (),
    viewport: tuple[int, int] = (1280, 900),
) -> Any:
    """A Playwright persistent context on Debian's Chromium (extensions need a persistent one).

    Skips the test when Chromium or Playwright is missing. ``playwright`` is the object from
    ``sync_playwright().start()``; close the returned context when done."""
    executable = require_chromium()
    ignore = ["--disable-extensions"] if extension is not None else []
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=executable,
        headless=True,
        args=chromium_args(extension, host_ports, public_ports),
        ignore_default_args=ignore,
        viewport={"width": viewport[0], "height": viewport[1]},
        ignore_https_errors=bool(host_ports),
    )


@contextlib.contextmanager
def chromium_browser(*, headless: bool = True, args: tuple[str, ...] = ()) -> Iterator[Any]:
    """A plain Playwright ``Browser`` on Debian's Chromium (no extension), for page tests."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=headless, args=[*CHROMIUM_FLAGS, *args]
        )
        try:
            yield browser
        finally:
            browser.close()


def extension_service_worker(context: Any, timeout_ms: int = 15_000) -> Any:
    """The extension's background service worker in a Chromium context (waits for it to start)."""
    for worker in context.service_workers:
        if worker.url.startswith("chrome-extension://"):
            return worker
    return context.wait_for_event("serviceworker", timeout=timeout_ms)


# --------------------------------------------------------------------------- Firefox


class BidiError(RuntimeError):
    pass


class FirefoxBidi:
    """Firefox ESR driven over its built-in WebDriver BiDi websocket.

    A minimal client: ``send(method, params)`` returns the command's result or raises
    ``BidiError``; event messages are ignored. ``close()`` ends the browser process it started.
    """

    def __init__(
        self,
        profile_dir: Path,
        prefs: Mapping[str, Any] | None = None,
        capabilities: Mapping[str, Any] | None = None,
        startup_timeout: float = 30.0,
    ) -> None:
        executable = require_firefox()
        import websocket

        profile_dir.mkdir(parents=True, exist_ok=True)
        lines = [f"user_pref({json.dumps(k)}, {json.dumps(v)});" for k, v in (prefs or {}).items()]
        (profile_dir / "user.js").write_text("\n".join(lines) + "\n", encoding="utf-8")
        # --remote-allow-system-access: lets BiDi open moz-extension:// pages (to seed storage).
        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--remote-debugging-port=0",
                "--remote-allow-system-access",
                "--no-remote",
                "--profile",
                str(profile_dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "MOZ_CRASHREPORTER_DISABLE": "1"},
        )
        self._next_id = 0
        try:
            ws_url = self._wait_for_listen_url(startup_timeout)
            self.ws = websocket.create_connection(
                f"{ws_url}/session", suppress_origin=True, timeout=60
            )
            self.send("session.new", {"capabilities": {"alwaysMatch": dict(capabilities or {})}})
        except Exception:
            self.process.kill()
            self.process.wait(10)
            raise

    def _wait_for_listen_url(self, timeout: float) -> str:
        assert self.process.stderr is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stderr], [], [], 0.5)
            if ready:
                line = self.process.stderr.readline()
                if not line and self.process.poll() is not None:
                    break
                match = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
                if match:
                    # Keep draining stderr so Firefox never blocks on a full pipe.
                    threading.Thread(target=self._drain, daemon=True).start()
                    return match.group(1)
        raise BidiError("Firefox did not start its WebDriver BiDi server")

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for _ in self.process.stderr:
            pass

    def send(self, method: str, params: Mapping[str, Any] | None = None) -> Any:
        self._next_id += 1
        command_id = self._next_id
        self.ws.send(json.dumps({"id": command_id, "method": method, "params": params or {}}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") != command_id:
                continue  # an event, or a reply to nothing we wait for
            if message.get("type") == "error":
                raise BidiError(f"{method}: {message.get('error')}: {message.get('message')}")
            return message.get("result")

    def evaluate(self, context: str, expression: str, await_promise: bool = True) -> Any:
        """Evaluate in the page's main realm; returns the BiDi remote value's plain ``value``."""
        result = self.send(
            "script.evaluate",
            {
                "expression": expression,
                "target": {"context": context},
                "awaitPromise": await_promise,
            },
        )
        if result.get("type") == "exception":
            details = result.get("exceptionDetails", {})
            raise BidiError(f"script error: {details.get('text')}")
        return deserialize(result.get("result", {}))

    def wait_for(
        self, context: str, expression: str, timeout: float = 15.0, interval: float = 0.1
    ) -> Any:
        """Poll ``expression`` until it is truthy; returns its value or raises ``TimeoutError``."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(context, expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for: {expression}")
            time.sleep(interval)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("browser.close")
        with contextlib.suppress(Exception):
            self.ws.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def deserialize(value: Mapping[str, Any]) -> Any:
    """A BiDi ``RemoteValue`` as plain Python (primitives, arrays, objects)."""
    kind = value.get("type")
    if kind in ("undefined", "null"):
        return None
    if kind == "array":
        return [deserialize(v) for v in value.get("value", [])]
    if kind == "object":
        return {k: deserialize(v) for k, v in value.get("value", [])}
    return value.get("value")
