#!/usr/bin/env bash
# A private PostgreSQL cluster for the storage tests (tests/BizWeb.Storage.EntityFrameworkCore.Tests).
#
# Sourced by eng/test.sh: installs Debian's postgresql when its server binaries are missing, creates a
# throw-away cluster in a temporary folder owned by a non-root user (postgres when run as root), starts
# it on 127.0.0.1:${BIZWEB_PG_PORT:-55432} only, exports BIZWEB_TEST_POSTGRES (an Npgsql connection
# string whose role may create databases) and appends the stop to cleanup_steps. If the cluster cannot
# start, it prints the server log and fails the run: the PostgreSQL tests are never skipped.
#
# Also usable alone (`source eng/provision/20-postgresql.sh`): without a cleanup_steps array it leaves
# the cluster running, and the next call reuses it. The test fixture does exactly that when a developer
# runs `dotnet test` without BIZWEB_TEST_POSTGRES. If BIZWEB_TEST_POSTGRES is already set (a server of
# your own), nothing is provisioned.

bizweb_provision_postgresql() {
  if [ -n "${BIZWEB_TEST_POSTGRES:-}" ]; then
    echo "postgresql: using BIZWEB_TEST_POSTGRES from the environment"
    return 0
  fi

  local port=${BIZWEB_PG_PORT:-55432}
  local dir=${BIZWEB_PG_DIR:-${TMPDIR:-/tmp}/bizweb-postgresql-$port}
  local bin=""
  find_bin() {
    local candidate
    for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")" /usr/lib/postgresql/*/bin; do
      if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/postgres" ]; then
        bin=$candidate
        return 0
      fi
    done
    return 1
  }

  if ! find_bin; then
    echo "postgresql: server binaries missing; installing Debian's postgresql"
    if [ "$(id -u)" -ne 0 ]; then
      echo "error: PostgreSQL is not installed and installing it needs root (apt-get install postgresql)" >&2
      return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    find_bin || { echo "error: postgresql installed but initdb/pg_ctl/postgres not found" >&2; return 1; }
  fi

  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
  local -a as_owner=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    as_owner=(runuser -u postgres --)
  fi

  if [ -f "$dir/PG_VERSION" ] && "${as_owner[@]}" "$bin/pg_ctl" status -D "$dir" >/dev/null 2>&1; then
    echo "postgresql: reusing the running cluster in $dir (port $port)"
  else
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    if ! "${as_owner[@]}" "$bin/initdb" -D "$dir" -U bizweb --auth=trust --encoding=UTF8 --no-locale >"$dir.initdb.log" 2>&1; then
      echo "error: initdb failed for the test PostgreSQL cluster:" >&2
      tail -n 20 "$dir.initdb.log" >&2
      return 1
    fi
    # Loopback only; durability settings off: the cluster is deleted after the run.
    if ! "${as_owner[@]}" "$bin/pg_ctl" start -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      echo "error: the test PostgreSQL cluster did not start on 127.0.0.1:$port:" >&2
      tail -n 30 "$dir/server.log" >&2 || true
      return 1
    fi
    echo "postgresql: started a private cluster in $dir on 127.0.0.1:$port"
    if declare -p cleanup_steps >/dev/null 2>&1; then
      cleanup_steps+=("${as_owner[*]} '$bin/pg_ctl' stop -D '$dir' -m fast >/dev/null; rm -rf '$dir' '$dir.initdb.log'")
    fi
  fi

  export BIZWEB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=bizweb;Database=postgres;Maximum Pool Size=200"
}

bizweb_provision_postgresql
bizweb_provision_status=$?
unset -f bizweb_provision_postgresql find_bin
if [ "$bizweb_provision_status" -ne 0 ]; then
  unset bizweb_provision_status
  return 1 2>/dev/null || exit 1
fi
unset bizweb_provision_status
