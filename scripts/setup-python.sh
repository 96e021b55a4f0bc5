#!/usr/bin/env bash
# Installs the Python tools the tests use into project-local virtualenvs, pinned:
#   .venv          moto_server, cfn-lint   (scripts/python-requirements.txt)
#   .venv-checkov  checkov                 (scripts/checkov-requirements.txt; its own venv because
#                                          checkov pins boto3 and friends differently from moto)
# Idempotent: a venv whose requirements stamp matches is left alone.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

install() {
  local venv="$root/$1" req="$root/scripts/$2"
  local stamp="$venv/.requirements.sha256" want
  want="$(sha256sum "$req" | cut -d' ' -f1)"
  if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return 0; fi
  echo "gen: installing $2 into $1 (once)..." >&2
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
  echo "$want" > "$stamp"
}

install .venv python-requirements.txt
install .venv-checkov checkov-requirements.txt
