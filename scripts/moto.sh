#!/usr/bin/env bash
# moto server 5.2.1, the AWS emulator the local platform and the tests run against.
#
# Sourced by ./distributary and .ci/run, which call ensure_moto_server before anything that needs it.
# When moto_server is on the PATH, that one is used and nothing is installed. Otherwise moto is installed
# once into a private virtual environment, ${XDG_CACHE_HOME:-~/.cache}/distributary/moto-venv, whose bin
# directory is then put on the PATH. A virtual environment works on Pythons that refuse system-wide pip
# installs (PEP 668's "externally managed" Debian and Ubuntu Pythons) and touches nothing else.
#
# Run it directly (scripts/moto.sh) to install moto that way and print where moto_server is.

MOTO_REQUIREMENT='moto[server]==5.2.1'

# The private virtual environment's directory.
moto_venv_dir() {
  echo "${XDG_CACHE_HOME:-$HOME/.cache}/distributary/moto-venv"
}

# Makes moto_server runnable: the one on the PATH, else the private virtual environment's (installed the
# first time). $1 prefixes the messages, on standard error. Returns 1, having said why and what to do,
# when it cannot.
ensure_moto_server() {
  local who="${1:-moto}"
  if command -v moto_server >/dev/null 2>&1; then
    return 0
  fi
  local venv
  venv="$(moto_venv_dir)"
  if [ ! -f "$venv/.installed" ] || [ ! -x "$venv/bin/moto_server" ]; then
    _moto_install "$who" "$venv" || return 1
  fi
  export PATH="$venv/bin:$PATH"
  hash -r
}

# In a subshell, so that its trap (an interrupted install leaves nothing half-made) stays its own.
_moto_install() (
  local who="$1" venv="$2" python log
  python="$(command -v python3 || true)"
  if [ -z "$python" ]; then
    echo "$who: moto server is needed and python3 is not on the PATH; install Python 3.9 or newer (with its venv module), or put moto_server on the PATH" >&2
    return 1
  fi
  mkdir -p "$(dirname "$venv")"
  if ! mkdir "$venv.lock" 2>/dev/null; then
    echo "$who: another run is installing moto into $venv; run again when it is done (or remove $venv.lock if no install is running)" >&2
    return 1
  fi
  log="$(mktemp)"
  trap 'rm -rf "$venv" "$venv.lock" "$log"; exit 130' INT TERM
  echo "$who: installing $MOTO_REQUIREMENT (the local AWS emulator) into $venv, once..." >&2
  rm -rf "$venv"
  if ! "$python" -m venv "$venv" >"$log" 2>&1; then
    echo "$who: could not create a Python virtual environment with $python:" >&2
    tail -n 5 "$log" | sed 's/^/  /' >&2
    echo "$who: install Python's venv module (on Debian and Ubuntu: sudo apt install python3-venv) and run again," \
      "or put moto_server on the PATH yourself" >&2
    rm -rf "$venv" "$venv.lock" "$log"
    return 1
  fi
  if ! "$venv/bin/python" -m pip install --quiet "$MOTO_REQUIREMENT" >"$log" 2>&1; then
    echo "$who: pip could not install $MOTO_REQUIREMENT into $venv:" >&2
    tail -n 5 "$log" | sed 's/^/  /' >&2
    echo "$who: check that the Python package index is reachable (pip's index-url and proxy settings)," \
      "then run again; or put moto_server on the PATH yourself" >&2
    rm -rf "$venv" "$venv.lock" "$log"
    return 1
  fi
  touch "$venv/.installed"
  rm -rf "$venv.lock" "$log"
)

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  ensure_moto_server "scripts/moto.sh"
  command -v moto_server
fi
