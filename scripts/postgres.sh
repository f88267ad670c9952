#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the integration tests, on loopback only, trust auth.
#
#   scripts/postgres.sh start DIR PORT   installs Debian's postgresql when missing, creates a cluster
#                                        in DIR (if none), starts it on 127.0.0.1:PORT, creates the
#                                        database workflow_test, and prints its connection string
#   scripts/postgres.sh stop DIR         stops that cluster and removes DIR
#
# Both are idempotent: start on a running cluster prints the connection string again; stop on
# nothing does nothing. Only the connection string goes to stdout; failures name what failed, with
# the server's log, on stderr. As root the server runs as the 'postgres' system user (PostgreSQL
# refuses to run as root); otherwise as the calling user.
set -euo pipefail

DATABASE=workflow_test
SUPERUSER=postgres

die() { echo "postgres.sh: $*" >&2; exit 1; }

usage() {
  echo "usage: scripts/postgres.sh start DIR PORT | stop DIR" >&2
  exit 2
}

# The directory holding initdb/pg_ctl: PATH first, then Debian's versioned folders, newest first.
find_bindir() {
  local dir
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $dir/pg_ctl && -x $dir/initdb ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_postgres() {
  [[ $(id -u) -eq 0 ]] || die "PostgreSQL is not installed and installing it needs root: apt-get install -y postgresql"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and there is no apt-get to install it with"
  echo "postgres.sh: installing Debian's postgresql (apt-get)..." >&2
  local log
  log=$(mktemp)
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    die "apt-get install postgresql failed"
  fi
  rm -f "$log"
}

# Runs a command as the cluster's owner: 'postgres' when we are root, ourselves otherwise.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

connection_string() {
  echo "Host=127.0.0.1;Port=$1;Database=$DATABASE;Username=$SUPERUSER"
}

start() {
  local dir=$1 port=$2 bindir data log
  [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "PORT must be a TCP port number, not '$port'"
  if ! bindir=$(find_bindir); then
    install_postgres
    bindir=$(find_bindir) || die "postgresql installed, but no pg_ctl/initdb under /usr/lib/postgresql/*/bin"
  fi
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die "running as root, but there is no 'postgres' system user to run the server as"
  fi

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  data=$dir/data
  log=$dir/server.log
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    # The owner has to reach DIR through its parents (e.g. a DIR under /root or a 0700 mktemp -d).
    local parent=$dir
    while parent=$(dirname "$parent") && [[ $parent != / ]]; do
      as_owner test -x "$parent" 2>/dev/null || chmod o+x "$parent"
    done
  fi

  if [[ ! -f $data/PG_VERSION ]]; then
    as_owner "$bindir/initdb" -D "$data" -U "$SUPERUSER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed in $data"; }
  fi

  if ! as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # Loopback only, no Unix socket outside DIR, fast (nothing here needs to survive a crash: fsync and
    # the rest off). Sized for a bulk load as the README recommends for production (`bench --runtime`
    # imports a million milestones): the milestones' indexes stay in shared buffers, and no checkpoint
    # comes in the middle of one import's transaction.
    as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min" \
      >/dev/null 2>&1 || { tail -n 30 "$log" >&2 2>/dev/null; die "the server in $data did not start on 127.0.0.1:$port (is the port taken?)"; }
  fi

  local psql=("$bindir/psql" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -v ON_ERROR_STOP=1 -qAt)
  local exists
  exists=$(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" 2>&1) \
    || die "cannot connect to 127.0.0.1:$port as $SUPERUSER (a server of another cluster on that port?): $exists"
  if [[ $exists != 1 ]]; then
    as_owner "${psql[@]}" -c "CREATE DATABASE $DATABASE" >/dev/null || die "CREATE DATABASE $DATABASE failed"
  fi
  connection_string "$port"
}

stop() {
  local dir=$1 bindir
  [[ -d $dir ]] || return 0
  dir=$(cd "$dir" && pwd)
  [[ $dir != / ]] || die "refusing to remove /"
  if [[ -f $dir/data/PG_VERSION ]]; then
    bindir=$(find_bindir) || die "a cluster is in $dir/data but pg_ctl is not installed"
    if as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >/dev/null 2>&1 \
        || die "the server in $dir/data did not stop"
    fi
  elif [[ -n $(ls -A "$dir") ]] && [[ ! -f $dir/server.log && ! -f $dir/initdb.log ]]; then
    die "$dir is not a cluster made by postgres.sh; not removing it"
  fi
  rm -rf "$dir"
}

case ${1:-} in
  start) [[ $# -eq 3 ]] || usage; start "$2" "$3" ;;
  stop) [[ $# -eq 2 ]] || usage; stop "$2" ;;
  *) usage ;;
esac
