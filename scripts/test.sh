#!/usr/bin/env bash
# The whole test suite, on a fresh clone: restore, build with warnings as errors, run every test
# project, and close on one line "tests: N passed, N failed, N skipped".
# Usage: scripts/test.sh            (from anywhere; as root or with sudo rights for apt-get)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# PostgreSQL for the integration tests (scripts/postgres.sh installs Debian's package when it is
# missing) and MailDev for the SMTP tests: throwaway servers on free loopback ports, removed on exit.
log=$(mktemp)
pg_dir=$(mktemp -d -t workflow-pg.XXXXXX)
mail_dir=$(mktemp -d -t workflow-maildev.XXXXXX)
trap 'rm -f "$log"; scripts/maildev.sh stop "$mail_dir"; scripts/postgres.sh stop "$pg_dir"' EXIT
for pg_port in $(seq 55432 55531); do (: <"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null || break; done
WORKFLOW_TEST_POSTGRES=$(scripts/postgres.sh start "$pg_dir" "$pg_port")
export WORKFLOW_TEST_POSTGRES

# MailDev, a real SMTP server with a REST API (npm package pinned in tools/maildev), on loopback.
for smtp_port in $(seq 52025 52124); do (: <"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null || break; done
for web_port in $(seq 52180 52279); do (: <"/dev/tcp/127.0.0.1/$web_port") 2>/dev/null || break; done
scripts/maildev.sh start "$mail_dir" "$smtp_port" "$web_port" >/dev/null
export WORKFLOW_TEST_SMTP=127.0.0.1:$smtp_port WORKFLOW_TEST_MAILDEV=http://127.0.0.1:$web_port WORKFLOW_TEST_MAILDEV_DIR=$mail_dir

# Chromium for the browser tests (tests/Workflow.Web.Tests): Debian's package, which Playwright
# drives at /usr/bin/chromium; nothing downloads a browser (`playwright install` is never run).
if [[ ! -x /usr/bin/chromium ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "test.sh: chromium is not installed and installing it needs root: apt-get install -y chromium" >&2; exit 1; }
  echo "test.sh: installing Debian's chromium (apt-get)..." >&2
  chromium_log=$(mktemp)
  # Package lists already fresh (scripts/postgres.sh may have just updated them): no second update.
  install_chromium() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; }
  if ! { install_chromium || { apt-get update -q && install_chromium; }; } >"$chromium_log" 2>&1; then
    tail -n 20 "$chromium_log" >&2
    rm -f "$chromium_log"
    echo "test.sh: apt-get install chromium failed" >&2
    exit 1
  fi
  rm -f "$chromium_log"
fi
export WORKFLOW_TEST_CHROMIUM=/usr/bin/chromium
# axe-core, the accessibility audit the browser tests run on every page: pinned in tools/axe-core, installed from its lock file.
if ! (cd tools/axe-core && npm ci --no-audit --no-fund --loglevel=error) >/dev/null; then
  echo "test.sh: npm ci in tools/axe-core failed" >&2
  exit 1
fi
# The browser tests' full-page screenshots: artifacts of the run (gitignored), fresh each time.
export WORKFLOW_TEST_SCREENSHOTS=$PWD/artifacts/screenshots
rm -rf "$WORKFLOW_TEST_SCREENSHOTS"
mkdir -p "$WORKFLOW_TEST_SCREENSHOTS"

dotnet build Workflow.sln -c Release -warnaserror -nologo -v quiet

status=0
dotnet test Workflow.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary a project: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
awk '
  /(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
    n++
  }
  END {
    if (n == 0) { print "tests: 0 passed, 1 failed (no test project reported)"; exit 1 }
    printf "tests: %d passed, %d failed, %d skipped\n", p, f, s
    if (f > 0) exit 1
  }' "$log" || status=1
exit $status
