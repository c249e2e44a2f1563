"""Debian's Firefox ESR, driven over WebDriver BiDi (W3C), for the keyboard journeys.

Playwright's own Firefox is a build of its own that cannot be downloaded here, and its BiDi
mode ("moz-firefox") sends commands that the ESR does not have yet
(emulation.setMediaFeaturesOverride). No Python BiDi client is packaged, so this speaks the
few commands the journeys need (navigate, set the viewport, run a script, press keys) over
a websocket (the `websockets` library). `FirefoxPage` offers the same small surface as
Playwright's Page that tests/keyboard.py uses, so one journey runs in both browsers.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from websockets.sync.client import connect

FIREFOX = "/usr/bin/firefox-esr"

PREFS = {
    # Nothing of Firefox's own traffic: no updates, telemetry, studies, captive-portal or
    # connectivity checks, remote settings, safe browsing, or first-run pages.
    "app.update.enabled": False,
    "app.update.auto": False,
    "app.normandy.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.startup.page": 0,
    "browser.aboutwelcome.enabled": False,
    "browser.newtabpage.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.search.update": False,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.server": "",
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.http.speculative-parallel-limit": 0,
    "network.prefetch-next": False,
    "services.settings.server": "",
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.blocklist.enabled": False,
    "media.gmp-manager.url": "",
    "remote.prefs.recommended": True,
    # Tab reaches links as it does on Linux and Windows (macOS's setting would skip them).
    "accessibility.tabfocus": 7,
    "ui.prefersReducedMotion": 1,
}


class BidiError(RuntimeError):
    pass


class Firefox:
    """One headless Firefox ESR with a fresh profile and a BiDi session."""

    def __init__(self, process: subprocess.Popen, socket) -> None:
        self.process = process
        self.socket = socket
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        self.version = self.send("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": False}}})[
            "capabilities"]["browserVersion"]
        self.send("session.subscribe", {"events": ["network.beforeRequestSent"]})

    def send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """Send one command; return its result (events that arrive meanwhile are kept)."""
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=60))
            if message.get("type") == "event":
                self.events.append(message)
            elif message.get("id") == number:
                if message.get("type") == "error":
                    raise BidiError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message["result"]

    def new_page(self, width: int, height: int, device_scale_factor: float = 1) -> "FirefoxPage":
        context = self.send("browsingContext.create", {"type": "tab"})["context"]
        self.send("browsingContext.setViewport", {"context": context, "viewport": {"width": width, "height": height},
                                                   "devicePixelRatio": device_scale_factor})
        return FirefoxPage(self, context)


class FirefoxPage:
    """What the keyboard journeys need of a page: goto, evaluate, keyboard.press, requests."""

    def __init__(self, browser: Firefox, context: str) -> None:
        self.browser = browser
        self.context = context
        self.keyboard = self

    def goto(self, url: str) -> None:
        self.browser.send("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def evaluate(self, expression: str, arg: Any = None) -> Any:
        """Run `expression` (a JS function's source, as in Playwright) with `arg`; return its JSON value."""
        source = f"async (arg) => JSON.stringify(await ({expression})(JSON.parse(arg)))"
        result = self.browser.send("script.callFunction", {
            "functionDeclaration": source, "awaitPromise": True, "target": {"context": self.context},
            "arguments": [{"type": "string", "value": json.dumps(arg)}], "userActivation": True,
        })
        if result["type"] == "exception":
            raise BidiError(result["exceptionDetails"]["text"])
        # Both ways as JSON text: BiDi's own value types need no mapping then.
        return json.loads(result["result"]["value"]) if result["result"].get("type") == "string" else None

    def press(self, key: str) -> None:
        """Press one key (Playwright's names: "Tab", "Shift+Tab", "Enter", "Escape", "ArrowDown", "/")."""
        *modifiers, main = key.split("+") if key != "+" else ["+"]
        codes = [KEYS.get(k, k) for k in (*modifiers, main)]
        actions = ([{"type": "keyDown", "value": c} for c in codes]
                   + [{"type": "keyUp", "value": c} for c in reversed(codes)])
        self.browser.send("input.performActions", {"context": self.context, "actions": [
            {"type": "key", "id": "toetsenbord", "actions": actions}]})

    def type(self, text: str) -> None:
        for character in text:
            self.press(character)

    def wait_for_function(self, expression: str, arg: Any = None, timeout: float = 15_000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while not self.evaluate(expression, arg):
            if time.monotonic() > deadline:
                raise TimeoutError(expression)
            time.sleep(0.05)

    def close(self) -> None:
        self.browser.send("browsingContext.close", {"context": self.context})


KEYS = {"Tab": "\ue004", "Enter": "\ue007", "Escape": "\ue00c", "Shift": "\ue008", "ArrowUp": "\ue013",
        "ArrowDown": "\ue015", "Home": "\ue011", "End": "\ue010", "Backspace": "\ue003", "Control": "\ue009"}
"""WebDriver's key codes for the keys the journeys press."""


def _profile(folder: Path) -> None:
    folder.joinpath("user.js").write_text(
        "".join(f'user_pref("{name}", {json.dumps(value)});\n' for name, value in PREFS.items()), encoding="utf-8")


@contextmanager
def firefox() -> Iterator[Firefox]:
    """Start headless Firefox ESR on a free port with a throwaway profile; yield a session."""
    with tempfile.TemporaryDirectory(prefix="stedenagenda-firefox-") as home:
        profile = Path(home) / "profiel"
        profile.mkdir()
        _profile(profile)
        process = subprocess.Popen(
            [FIREFOX, "--headless", "--remote-debugging-port=0", "--no-remote", "--profile", str(profile)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={"HOME": home, "PATH": "/usr/bin:/bin", "MOZ_CRASHREPORTER_DISABLE": "1"})
        try:
            endpoint = _endpoint(process)
            # Firefox goes on writing to stderr: keep reading it so that it never blocks.
            threading.Thread(target=lambda: any(False for _ in process.stderr), daemon=True).start()
            with connect(endpoint + "/session", max_size=None, open_timeout=30) as socket:
                browser = Firefox(process, socket)
                try:
                    yield browser
                finally:
                    try:
                        browser.send("browser.close", {})
                    except Exception:  # closing the browser may close the socket before the answer
                        pass
        finally:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _endpoint(process: subprocess.Popen) -> str:
    """The websocket address Firefox prints on stderr once its BiDi server listens."""
    assert process.stderr is not None
    seen = []
    for line in process.stderr:
        seen.append(line)
        found = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
        if found:
            return found.group(1)
    raise BidiError("Firefox ESR started no WebDriver BiDi server:\n" + "".join(seen[-20:]))


def foreign_requests(browser: Firefox, allowed_netloc: str) -> list[str]:
    """Every request of a page seen so far to another host than the served site."""
    urls = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "network.beforeRequestSent"]
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).netloc != allowed_netloc]
