#!/bin/sh
# The fault test (issue 12, point 7): two servers on PostgreSQL under a load of saves; the server running a large import
# is killed with SIGKILL part-way, then PostgreSQL is restarted part-way through the import's second run; then the
# database is checked for partial imports, lost saves and duplicate notes of work fallen due. Exits non-zero on a failure.
#
#   EVENHAND_BENCH_POSTGRES="Host=localhost;Username=evenhand;Password=…;Database=postgres" bench/fault.sh [--users 20] [--import-posts 300000]
#
# The connection string's role must be able to create databases (each run uses a fresh copy of a template database).
# The script restarts the PostgreSQL server the connection string points at, with EVENHAND_PG_RESTART (default:
# "pg_ctlcluster 15 main restart -m fast", which needs root or the postgres user): never point it at a server others
# rely on; the restart runs with every inherited file descriptor closed. Everything else it talks to is on loopback. It builds first, then runs under an exclusive lock
# (EVENHAND_BENCH_LOCK, default /work/bench.lock where /work exists) so that no timed benchmark runs during the restart.
set -eu
cd "$(dirname "$0")/.."
restart="${EVENHAND_PG_RESTART:-pg_ctlcluster 15 main restart -m fast}"
if [ -d /work ]; then lock="${EVENHAND_BENCH_LOCK:-/work/bench.lock}"; else lock="${EVENHAND_BENCH_LOCK:-${TMPDIR:-/tmp}/evenhand-bench.lock}"; fi
dotnet build -c Release bench/Evenhand.Bench -v quiet -nologo -clp:ErrorsOnly
echo "Waiting for $lock …"
# -o: the lock stays with flock itself, so nothing the test starts (such as the restarted PostgreSQL) can inherit it.
exec flock -o "$lock" dotnet bench/Evenhand.Bench/bin/Release/net10.0/Evenhand.Bench.dll fault --pg-restart "$restart" "$@"
