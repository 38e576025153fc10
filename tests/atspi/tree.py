#!/usr/bin/env python3
"""Reads the Keystep window as a screen reader does (AT-SPI, what Orca reads) and reports what a
screen-reader user would trip over, as JSON on stdout:

  {"nodes": N, "named_controls": N, "problems": ["...", ...], "dump": [...]}

A problem is: a control without a name; a code exposed as an image; a list row whose name runs its
parts together ("IRSCode 1 6 4"); an element that takes the focus but has no role ("unknown").
Usage: tree.py APP_PID [--dump]
"""
import json
import re
import sys
import time

import pyatspi

CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LINK,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_LIST_BOX,
}
ROWS = {pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_ARTICLE}
CODE_LIKE = re.compile(r"^(next\b.*)?code\b|\d \d \d|\d{3} ?\d{3}", re.IGNORECASE)


def name_of(node):
    try:
        return (node.name or "").strip()
    except Exception:
        return ""


def role_of(node):
    try:
        return node.getRole()
    except Exception:
        return None


def own_text(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount).replace("\ufffc", " ").strip()
    except Exception:
        return ""


def actions(node):
    try:
        return node.queryAction().nActions
    except Exception:
        return 0


def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def focusable(node):
    try:
        return node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:
        return False


def showing(node):
    try:
        states = node.getState()
        return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def leaf_texts(node, out, depth=0):
    """The texts a row is made of, in order (what would run together without separators)."""
    if depth > 12:
        return
    kids = children(node)
    if not kids:
        t = own_text(node) or name_of(node)
        if t:
            out.append(t)
        return
    for kid in kids:
        leaf_texts(kid, out, depth + 1)


def runs_together(name, parts):
    for a, b in zip(parts, parts[1:]):
        if a and b and a[-1].isalnum() and b[0].isalnum() and (a + b) in name:
            return f"{a!r}+{b!r}"
    return None


def find_app(pid, timeout=20.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        found = []
        for app in children(desktop):
            try:
                app_pid = app.get_process_id()
            except Exception:
                app_pid = None
            found.append((name_of(app), app_pid))
            if name_of(app).lower().startswith("keystep") or app_pid == pid:
                # The web page lives in WebKit's web process: its tree hangs under the app's window.
                return app, found
        time.sleep(0.5)
    return None, found


def main():
    pid = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else -1
    dump = "--dump" in sys.argv
    app, seen = find_app(pid)
    if app is None:
        print(json.dumps({"error": f"no Keystep application on the accessibility bus; seen: {seen}"}))
        return 1
    problems, lines = [], []
    counts = {"nodes": 0, "named_controls": 0, "document": False}

    def walk(node, path, depth, in_page=False):
        if depth > 60:
            return
        counts["nodes"] += 1
        role = role_of(node)
        name = name_of(node)
        if role == pyatspi.ROLE_DOCUMENT_WEB:
            counts["document"] = True
            in_page = True
        visible = showing(node)
        if dump and visible:
            lines.append(f"{'  ' * min(depth, 30)}{node.getRoleName()} {name!r} {own_text(node)[:60]!r}")
        # Only the page is Keystep's own: GTK's frame around it is WebKit's business.
        if visible and in_page:
            where = f"{path} ({node.getRoleName()})"
            if role in CONTROLS:
                if name:
                    counts["named_controls"] += 1
                else:
                    problems.append(f"unnamed control: {where} text={own_text(node)[:40]!r}")
            if role == pyatspi.ROLE_IMAGE and CODE_LIKE.search(name or ""):
                problems.append(f"code exposed as an image: {where} name={name!r}")
            if role == pyatspi.ROLE_PARAGRAPH and re.fullmatch(r"Next: [0 ]+", own_text(node)):
                problems.append(f"the next code's empty stand-in is read out: {where}")
            if role in ROWS and name:
                parts = []
                leaf_texts(node, parts)
                joined = runs_together(name, parts)
                if joined:
                    problems.append(f"run-together row: {where} name={name!r} ({joined})")
            # What a person can Tab to must say what it is (a <summary> is "unknown" in WebKitGTK).
            if role == pyatspi.ROLE_UNKNOWN and focusable(node):
                problems.append(f"focusable element with role unknown: {where} name={name!r}")
            if role == pyatspi.ROLE_LANDMARK and name.lower() == "main" and "nav" in node.getRoleName().lower():
                problems.append(f"navigation landmark named 'Main': {where}")
        for i, kid in enumerate(children(node)):
            walk(kid, f"{path}/{name[:24] or node.getRoleName()}[{i}]", depth + 1, in_page)

    walk(app, name_of(app), 0)
    print(json.dumps({**counts, "problems": problems, "seen": seen, "dump": lines}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
