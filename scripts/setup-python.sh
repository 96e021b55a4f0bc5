#!/usr/bin/env bash
# Installs the Python tools the tests use (moto_server, cfn-lint) into a project-local
# virtualenv at .venv, pinned by scripts/python-requirements.txt. Idempotent: a venv
# whose requirements stamp matches is left alone, so repeated test runs cost nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
req="$root/scripts/python-requirements.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
echo "gen: installing Python test tools into .venv (once)..." >&2
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
echo "$want" > "$stamp"
