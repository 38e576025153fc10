"""Keystep's first screen as plain markup: the page the launch benchmark's lower-bound variant shows.

It opens the release Keystep through tauri-driver (WebDriver), waits for its codes, and writes the
rendered document to a folder with the built style sheet and the empty window's paint report in place of
Keystep's script. The empty window then shows it (`KEYSTEP_BENCH_PAGE_DIR`): the same screen, drawn with
no app script and no Keystep binary, which is the least any way of drawing it can cost.
"""
import json
import pathlib
import re
import shutil
import socket
import subprocess
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
WAIT_SECS = 30.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def webdriver(port, method, path, body=None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=WAIT_SECS) as response:
        return json.loads(response.read())["value"]


def rendered_first_screen(app, home, rows):
    """The outer HTML of Keystep's window once `rows` accounts show their codes."""
    port = free_port()
    driver = subprocess.Popen(["tauri-driver", "--port", str(port), "--native-port", str(free_port())],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + WAIT_SECS
        while True:
            try:
                session = webdriver(port, "POST", "/session", {"capabilities": {"alwaysMatch": {
                    "tauri:options": {"application": str(app), "args": ["--home", str(home)]}}}})
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        run = f"/session/{session['sessionId']}/execute/sync"
        count = "return document.querySelectorAll('[data-testid=code]').length"
        while webdriver(port, "POST", run, {"script": count, "args": []}) < rows:
            if time.monotonic() > deadline:
                raise RuntimeError("Keystep's codes never showed")
            time.sleep(0.1)
        html = webdriver(port, "POST", run, {"script": "return document.documentElement.outerHTML", "args": []})
        webdriver(port, "DELETE", f"/session/{session['sessionId']}")
        return html
    finally:
        driver.terminate()
        driver.wait()


def write_page(html, out_dir):
    """The page folder: the markup with the paint report for Keystep's script, and the style sheets."""
    out_dir = pathlib.Path(out_dir)
    (out_dir / "assets").mkdir(parents=True, exist_ok=True)
    scripts = re.compile(r'<script type="module"[^>]*></script>')
    if len(scripts.findall(html)) != 1:
        raise RuntimeError("expected one module script in Keystep's page")
    page = scripts.sub('<script type="module" src="./paint.js"></script>', html)
    (out_dir / "index.html").write_text("<!doctype html>\n" + page)
    shutil.copy(ROOT / "bench" / "empty-window" / "dist" / "paint.js", out_dir / "paint.js")
    for sheet in (ROOT / "ui" / "dist" / "assets").glob("*.css"):
        shutil.copy(sheet, out_dir / "assets" / sheet.name)
    return out_dir
