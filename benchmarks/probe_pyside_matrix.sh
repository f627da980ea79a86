#!/usr/bin/env bash
# Runs probe_none_refcount.py under every (PySide6-Essentials, Python) pair given, each in a
# throwaway venv /tmp/probe-VER-PY outside the repo; prints one JSON line per pair (or a line
# saying why the pair could not run). docs/dependencies.md records what it found.
#
#   PYTHONS="3.11.7 3.12.1 3.13.0" bash benchmarks/probe_pyside_matrix.sh 6.8.3 6.12.0
#
# Wheels are downloaded once per version into $WHEELS (default /tmp/probe-wheels/VER);
# KEEP=1 keeps the venvs (by default each is removed once probed).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
pythons="${PYTHONS:-3.11.7 3.12.1 3.13.0}"
wheels="${WHEELS:-/tmp/probe-wheels}"
calls="${CALLS:-1000}"
for ver in "$@"; do
    mkdir -p "$wheels/$ver"
    if ! ls "$wheels/$ver"/*.whl >/dev/null 2>&1; then
        pip download -q --no-deps -d "$wheels/$ver" "PySide6-Essentials==$ver" "shiboken6==$ver" \
            >"$wheels/$ver/log" 2>&1 || { echo "{\"pyside6\": \"$ver\", \"error\": \"download\"}"; continue; }
    fi
    for py in $pythons; do
        venv="/tmp/probe-$ver-$py"
        interpreter="$HOME/.pyenv/versions/$py/bin/python"
        [ -x "$venv/bin/python" ] || "$interpreter" -m venv "$venv"
        if ! "$venv/bin/pip" install -q --no-index --find-links "$wheels/$ver" \
            "PySide6-Essentials==$ver" >"$venv/install.log" 2>&1; then
            echo "{\"pyside6\": \"$ver\", \"python\": \"$py\", \"error\": \"not installable: $(tail -1 "$venv/install.log" | tr '"' "'")\"}"
            [ "${KEEP:-0}" = 1 ] || rm -rf "$venv"
            continue
        fi
        out="$(QT_QPA_PLATFORM=offscreen timeout 120 "$venv/bin/python" "$here/probe_none_refcount.py" "$calls" 2>"$venv/probe.err")"
        rc=$?
        echo "${out:-{\"pyside6\": \"$ver\", \"python\": \"$py\"\}} exit=$rc $(grep -m1 'Fatal Python error' "$venv/probe.err")"
        [ "${KEEP:-0}" = 1 ] || rm -rf "$venv"
    done
done
