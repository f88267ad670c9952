#!/usr/bin/env bash
# A throwaway MailDev SMTP server for the integration tests, on loopback only (SMTP and web/REST).
# MailDev is pinned in tools/maildev/package-lock.json and installed there with `npm ci`.
#
#   scripts/maildev.sh start DIR SMTP_PORT WEB_PORT
#       installs tools/maildev/node_modules when missing or stale, starts MailDev in the background
#       with its pid, log and mail in DIR, waits until SMTP accepts connections and
#       GET http://127.0.0.1:WEB_PORT/email returns JSON, and prints
#       "smtp=127.0.0.1:SMTP_PORT web=http://127.0.0.1:WEB_PORT"
#   scripts/maildev.sh stop DIR       stops it and removes its files; removes DIR when nothing else is left
#   scripts/maildev.sh pause DIR      outage: stops the server, keeps DIR (ports and received mail)
#   scripts/maildev.sh resume DIR     ends the outage: starts it again on the same ports, same mail
#
# Outage: pause really stops the process, so both ports REFUSE connections (SIGSTOP would leave
# them accepting into the kernel backlog and time out instead). MailDev keeps mail in memory, but
# it is started with --mail-directory DIR/mail, which holds one .eml per message and is reloaded on
# start, so mail that arrived before pause is readable again (REST API) after resume; resume waits
# until every stored message is back. Reloaded messages keep subject/from/to/headers/text/html and
# ids, but their "envelope" is not the original SMTP envelope. During the outage the REST API is
# down too: a test that needs the earlier mail while the server is down reads it before pause.
#
# start/stop are idempotent: start on a running server prints the same line again; stop on nothing
# does nothing. Only that line goes to stdout; failures name what failed, with MailDev's log, on
# stderr.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PKG=$ROOT/tools/maildev
MAILDEV_VERSION=2.2.1   # must match tools/maildev/package.json
START_TIMEOUT=30        # seconds

die() { echo "maildev.sh: $*" >&2; exit 1; }

usage() {
  echo "usage: scripts/maildev.sh start DIR SMTP_PORT WEB_PORT | stop DIR | pause DIR | resume DIR" >&2
  exit 2
}

check_port() {
  [[ $2 =~ ^[0-9]+$ ]] && (($2 > 0 && $2 < 65536)) || die "$1 must be a TCP port number, not '$2'"
}

port_open() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# node_modules is stale when npm's own record of it (node_modules/.package-lock.json) is missing or
# older than package-lock.json, or holds another maildev than the pinned one.
ensure_installed() {
  command -v node >/dev/null 2>&1 || die "node is not installed (MailDev needs Node.js 18 or newer)"
  command -v npm >/dev/null 2>&1 || die "npm is not installed"
  [[ -f $PKG/package-lock.json ]] || die "$PKG/package-lock.json is missing"
  # One installer at a time (parallel test runs): lock the committed package.json, read-only.
  exec 9<"$PKG/package.json"
  flock 9
  if ! installed_ok; then
    local log
    log=$(mktemp)
    if ! (cd "$PKG" && npm ci --no-audit --no-fund) >"$log" 2>&1; then
      tail -n 30 "$log" >&2
      rm -f "$log"
      die "npm ci failed in $PKG"
    fi
    rm -f "$log"
    installed_ok || die "npm ci in $PKG did not install maildev $MAILDEV_VERSION"
  fi
  exec 9<&-
}

installed_ok() {
  local record=$PKG/node_modules/.package-lock.json version
  [[ -f $record && ! $PKG/package-lock.json -nt $record && -f $PKG/node_modules/maildev/bin/maildev ]] || return 1
  version=$(node -p 'require(process.argv[1]).version' "$PKG/node_modules/maildev/package.json" 2>/dev/null) || return 1
  [[ $version == "$MAILDEV_VERSION" ]]
}

# The pid in DIR/maildev.pid when that process is alive and is MailDev (not a recycled pid).
running_pid() {
  local dir=$1 pid
  [[ -f $dir/maildev.pid ]] || return 1
  pid=$(<"$dir/maildev.pid")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'maildev' || return 1
  echo "$pid"
}

# GET /email answers with a JSON array; prints how many messages it holds.
email_count() {
  node -e '
    fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
      .then(r => r.ok ? r.json() : Promise.reject(new Error(String(r.status))))
      .then(list => { if (!Array.isArray(list)) throw new Error("not a list"); console.log(list.length) })
      .catch(() => process.exit(1))' "http://127.0.0.1:$1/email" 2>/dev/null
}

summary() { echo "smtp=127.0.0.1:$1 web=http://127.0.0.1:$2"; }

# Starts MailDev on the ports saved in DIR/ports and waits until it serves the mail in DIR/mail.
launch() {
  local dir=$1 smtp web pid stored count deadline
  read -r smtp web <"$dir/ports"
  for p in "$smtp" "$web"; do
    port_open "$p" && die "127.0.0.1:$p is already taken by another process"
  done
  mkdir -p "$dir/mail"
  stored=$(find "$dir/mail" -maxdepth 1 -name '*.eml' | wc -l)
  # Own session, no terminal, stdio off the caller's pipes (so $(maildev.sh start ...) returns).
  setsid node "$PKG/node_modules/maildev/bin/maildev" \
    --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$smtp" --web "$web" \
    --mail-directory "$dir/mail" \
    </dev/null >>"$dir/maildev.log" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/maildev.pid"
  deadline=$((SECONDS + START_TIMEOUT))
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$dir/maildev.log" >&2
      rm -f "$dir/maildev.pid"
      die "MailDev exited during start (log: $dir/maildev.log)"
    fi
    if port_open "$smtp" && count=$(email_count "$web") && ((count >= stored)); then
      break
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$dir/maildev.log" >&2
      kill "$pid" 2>/dev/null || true
      rm -f "$dir/maildev.pid"
      die "MailDev did not answer on 127.0.0.1:$smtp (SMTP) and 127.0.0.1:$web (REST) within ${START_TIMEOUT}s"
    fi
    sleep 0.2
  done
}

# Stops the server (SIGTERM, then SIGKILL after 10 s) and waits until its ports are released.
halt() {
  local dir=$1 pid i
  pid=$(running_pid "$dir") || { rm -f "$dir/maildev.pid"; return 0; }
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  kill -0 "$pid" 2>/dev/null && die "MailDev (pid $pid) did not stop"
  rm -f "$dir/maildev.pid"
}

start() {
  local dir=$1 smtp=$2 web=$3 saved
  check_port SMTP_PORT "$smtp"
  check_port WEB_PORT "$web"
  [[ $smtp != "$web" ]] || die "SMTP_PORT and WEB_PORT must differ"
  ensure_installed
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if running_pid "$dir" >/dev/null; then
    saved=$(<"$dir/ports")
    [[ $saved == "$smtp $web" ]] || die "MailDev already runs from $dir on other ports ($saved); stop it first"
    summary "$smtp" "$web"
    return 0
  fi
  echo "$smtp $web" >"$dir/ports"
  launch "$dir"
  summary "$smtp" "$web"
}

# Removes only what start made; DIR itself goes when that leaves it empty.
stop() {
  local dir=$1
  [[ -d $dir ]] || return 0
  dir=$(cd "$dir" && pwd)
  halt "$dir"
  rm -rf "$dir/mail" "$dir/maildev.log" "$dir/ports"
  rmdir "$dir" 2>/dev/null || true
}

pause() {
  local dir=$1
  [[ -f $dir/ports ]] || die "no MailDev was started from $dir"
  halt "$dir"
}

resume() {
  local dir=$1
  [[ -f $dir/ports ]] || die "no MailDev was started from $dir"
  dir=$(cd "$dir" && pwd)
  running_pid "$dir" >/dev/null && return 0
  ensure_installed
  launch "$dir"
}

case ${1:-} in
  start) [[ $# -eq 4 ]] || usage; start "$2" "$3" "$4" ;;
  stop) [[ $# -eq 2 ]] || usage; stop "$2" ;;
  pause) [[ $# -eq 2 ]] || usage; pause "$2" ;;
  resume) [[ $# -eq 2 ]] || usage; resume "$2" ;;
  *) usage ;;
esac
