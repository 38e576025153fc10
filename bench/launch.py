#!/usr/bin/env python3
"""Launch benchmark: time from process start to the first code painted in the window, and memory (PSS
summed over the app and its WebKit processes) once settled. Runs Keystep and an empty Tauri window built
in the same workspace, interleaved, and prints medians. A third variant shows Keystep's first screen as
plain markup in the empty window (bench/static_screen.py): the lower bound for drawing that screen.

Run it through bench/launch.sh, which builds release binaries and provides the display and keychain.
"""
import os
import pathlib
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import static_screen

ROOT = pathlib.Path(__file__).resolve().parent.parent
RELEASE = ROOT / "target" / "release"
SETTLE_SECS = 3.0
PAINT_TIMEOUT_SECS = 30.0
# A run this much slower than the fastest run of its variant counts as stalled (see the printed note).
STALL_MS = 250


def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            kids.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            pass
    return kids


def process_tree(pid):
    kids = children_map()
    tree, stack = [], [pid]
    while stack:
        p = stack.pop()
        tree.append(p)
        stack.extend(kids.get(p, []))
    return tree


def pss_mib(pids):
    total_kib = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total_kib += int(line.split()[1])
        except OSError:
            pass
    return total_kib / 1024


def pss_by_kind(root, pids):
    """PSS split into the app's own process, WebKit's web processes and the rest (its network process),
    so a change can be told apart: Rust and the binary, or the page's script and DOM."""
    kinds = {"app": 0.0, "web": 0.0, "other": 0.0}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        kind = "app" if pid == root else "web" if comm.startswith("WebKitWebProces") else "other"
        kinds[kind] += pss_mib([pid])
    return kinds


def wait_group_gone(pgid, timeout_secs=5.0):
    """Waits until every process of the run (WebKit's too) has exited, so runs never overlap."""
    deadline = time.monotonic() + timeout_secs
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    time.sleep(0.5)


def run_once(command, env):
    with tempfile.TemporaryDirectory() as tmp:
        paint_file = pathlib.Path(tmp) / "painted"
        run_env = dict(os.environ, **env, KEYSTEP_BENCH_PAINT_FILE=str(paint_file))
        start_ms = time.time() * 1000
        proc = subprocess.Popen(command, env=run_env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            deadline = time.monotonic() + PAINT_TIMEOUT_SECS
            while not (paint_file.exists() and paint_file.read_text().strip()):
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"{command[0]} never reported its first paint")
                time.sleep(0.002)
            painted_ms = int(paint_file.read_text().strip()) - start_ms
            time.sleep(SETTLE_SECS)
            tree = process_tree(proc.pid)
            return painted_ms, pss_mib(tree), pss_by_kind(proc.pid, tree)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            wait_group_gone(proc.pid)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    home = tempfile.mkdtemp(prefix="keystep-bench-")
    cli = str(RELEASE / "keystep")
    for i, secret in enumerate(["JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ", "MFRGGZDFMZTWQ2LK"]):
        subprocess.run([cli, "--home", home, "add",
                        f"otpauth://totp/Service{i}:me@example.com?secret={secret}"],
                       check=True, stdout=subprocess.DEVNULL)
    keystep = [str(RELEASE / "keystep-desktop"), "--home", home]
    empty = [str(RELEASE / "empty-window")]
    tuned = {"WEBKIT_DISABLE_COMPOSITING_MODE": "1"}
    variants = [
        ("Keystep (as shipped)", keystep, {}),
        ("Keystep, WebKit default compositing", keystep, {"KEYSTEP_WEBKIT_COMPOSITING": "1"}),
        ("empty window, defaults", empty, {}),
        ("empty window, compositing off (tuned floor)", empty, tuned),
    ]
    # The lower bound: Keystep's first screen, as captured from the window, drawn by the tuned empty window.
    if shutil.which("tauri-driver"):
        html = static_screen.rendered_first_screen(RELEASE / "keystep-desktop", home, rows=3)
        page = static_screen.write_page(html, tempfile.mkdtemp(prefix="keystep-bench-page-"))
        variants.insert(-1, ("Keystep's first screen as static markup, tuned (lower bound)", empty,
                             dict(tuned, KEYSTEP_BENCH_PAGE_DIR=str(page))))
    else:
        print("tauri-driver is missing (scripts/install-deps.sh --test): the lower-bound variant is skipped.\n")
    # The installed package (`apt install ./dist/keystep_*.deb`), measured beside the build tree's.
    installed = pathlib.Path(os.environ.get("KEYSTEP_BENCH_INSTALLED", "/usr/bin/keystep-desktop"))
    if installed.exists():
        variants.insert(1, ("Keystep, installed package", [str(installed), "--home", home], {}))
    results = {name: [] for name, _, _ in variants}
    for _ in range(runs):
        for name, command, env in variants:
            results[name].append(run_once(command, env))

    floor_name = variants[-1][0]
    floor = summarize(results[floor_name])
    print(f"{runs} interleaved runs. 'steady' is the median of runs without a WebKit start-up stall (a run slower")
    print(f"than its variant's fastest by more than {STALL_MS} ms; such stalls of ~480 ms hit every variant, the")
    print(f"empty window too, at random); 'all' is the median of every run. PSS {SETTLE_SECS:.0f} s after the first paint.\n")
    print("| app | first paint, steady (ms) | vs floor | all runs (ms) | stalled runs | PSS (MiB) | vs floor "
          "| PSS app / web / other (MiB) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, _, _ in variants:
        s = summarize(results[name])
        print(f"| {name} | {s['steady']:.0f} | {s['steady'] / floor['steady']:.2f}x | {s['all']:.0f} | "
              f"{s['stalled']}/{len(results[name])} | {s['pss']:.0f} | {s['pss'] / floor['pss']:.2f}x | "
              f"{s['app']:.0f} / {s['web']:.0f} / {s['other']:.0f} |")


def summarize(runs):
    paints = [r[0] for r in runs]
    fastest = min(paints)
    steady = [p for p in paints if p - fastest <= STALL_MS]
    return {
        "steady": statistics.median(steady),
        "all": statistics.median(paints),
        "stalled": len(paints) - len(steady),
        "pss": statistics.median(r[1] for r in runs),
        **{kind: statistics.median(r[2][kind] for r in runs) for kind in ("app", "web", "other")},
    }


if __name__ == "__main__":
    main()
