#!/usr/bin/env bash
# Set-up, run and test hr_kinerja_asn (called by the Makefile: make run / make test).
#
# Odoo 18 is a precondition, like for any addon: this script finds it and never
# installs Odoo or Odoo's own requirements. It looks, in this order, at
#   ODOO_PATH  a source tree of Odoo 18 (the folder holding odoo-bin),
#   ODOO_RC    an Odoo configuration file (its addons_path is kept),
#   PYTHON     (default python3) able to `import odoo` (an Odoo 18 on sys.path).
# PostgreSQL is a private cluster under $KINERJA_PG (default /tmp/hr_kinerja_asn-pg),
# unix socket only, port $KINERJA_PG_PORT (default 54329).
set -euo pipefail

ADDON=hr_kinerja_asn
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
PG_BASE=${KINERJA_PG:-/tmp/hr_kinerja_asn-pg}
PG_PORT=${KINERJA_PG_PORT:-54329}
PG_DATA=$PG_BASE/data
PG_SOCK=$PG_BASE/sock
RUN_DIR=${KINERJA_RUN:-/tmp/hr_kinerja_asn-run}
ADDONS_DIR=$RUN_DIR/addons
DEMO_DB=${KINERJA_DB:-kinerja_demo}
HTTP_PORT=${KINERJA_HTTP_PORT:-8069}

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

# -- Odoo --------------------------------------------------------------------
ODOO_HELP="Supply Odoo 18 in one of these ways:
  ODOO_PATH=/path/to/odoo-18-source   (the folder holding odoo-bin), or
  ODOO_RC=/path/to/odoo.conf          (with PYTHON able to import odoo), or
  make PYTHON=/path/to/python ...     (a python whose sys.path has Odoo 18).
A public Odoo 18.0 community source tree works: install its requirements.txt into
that python yourself; this project never installs Odoo or Odoo's requirements."

find_odoo() {
    # Sets ODOO_PY (command prefix), ODOO_BIN, ODOO_ADDONS; returns 1 without Odoo 18.
    local pythonpath="" probe
    if [[ -n "${ODOO_PATH:-}" ]]; then
        [[ -f "$ODOO_PATH/odoo-bin" ]] || { say "ODOO_PATH=$ODOO_PATH has no odoo-bin"; return 1; }
        pythonpath=$ODOO_PATH
    fi
    probe=$(cd /tmp && PYTHONPATH="$pythonpath${PYTHONPATH:+:$PYTHONPATH}" "$PYTHON" -c '
import os, odoo.release, odoo
root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
print(odoo.release.version_info[0], root)' 2>/dev/null) || return 1
    local major=${probe%% *} root=${probe#* }
    if [[ "$major" != 18 ]]; then
        say "found Odoo $major at $root, but this addon needs Odoo 18"
        return 1
    fi
    ODOO_ROOT=$root
    export PYTHONPATH="$root${PYTHONPATH:+:$PYTHONPATH}"
    if [[ -f "$root/odoo-bin" ]]; then ODOO_BIN=("$PYTHON" "$root/odoo-bin"); else ODOO_BIN=("$PYTHON" -m odoo); fi
    ODOO_ADDONS=""
    for dir in "$root/addons" "$root/odoo/addons"; do
        [[ -d "$dir" ]] && ODOO_ADDONS="${ODOO_ADDONS:+$ODOO_ADDONS,}$dir"
    done
    if [[ -n "${ODOO_RC:-}" ]]; then
        [[ -f "$ODOO_RC" ]] || { say "ODOO_RC=$ODOO_RC does not exist"; return 1; }
        local extra
        extra=$(sed -n 's/^[[:space:]]*addons_path[[:space:]]*=[[:space:]]*//p' "$ODOO_RC" | tail -n 1)
        [[ -n "$extra" ]] && ODOO_ADDONS="$extra,$ODOO_ADDONS"
    fi
    return 0
}

# -- what the addon itself needs -----------------------------------------------
apt_install() {
    command -v apt-get >/dev/null || die "install $* (no apt-get here)"
    [[ $(id -u) == 0 ]] || die "install $* (apt-get needs root): sudo apt-get install $*"
    say "installing $* (Debian packages)..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || {
        apt-get update -q >/dev/null 2>&1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
    }
}

pg_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x "$dir/initdb" ]] && { echo "$dir"; return 0; }
    done
    command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]] && { pg_config --bindir; return 0; }
    return 1
}

ensure_system_packages() {
    pg_bindir >/dev/null || apt_install postgresql
    if [[ " $* " == *" with-wkhtmltopdf "* ]] && ! command -v wkhtmltopdf >/dev/null; then
        apt_install wkhtmltopdf
    fi
    # The browser tests (Odoo tours through HttpCase) drive Debian's chromium.
    if [[ " $* " == *" with-chromium "* ]] && ! command -v chromium >/dev/null; then
        apt_install chromium
    fi
}

pip_ensure() {
    # pip_ensure FILE: install the requirements of FILE that are missing.
    local file=$1
    grep -qvE '^\s*(#|$)' "$file" 2>/dev/null || return 0
    if ! "$PYTHON" - "$file" <<'PY' 2>/dev/null; then
import sys
from importlib.metadata import version, PackageNotFoundError
from packaging.requirements import Requirement
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    req = Requirement(line)
    try:
        if not req.specifier.contains(version(req.name), prereleases=True):
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
        say "installing the Python packages of $(basename "$file")..."
        "$PYTHON" -m pip install -q --disable-pip-version-check -r "$file" >&2
    fi
}

# -- PostgreSQL ----------------------------------------------------------------
as_pg() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    local bin
    bin=$(pg_bindir) || die "PostgreSQL server binaries not found"
    mkdir -p "$PG_BASE"
    if [[ $(id -u) == 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PG_BASE" postgres
        chown postgres "$PG_BASE"
    fi
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
        say "creating a private PostgreSQL cluster in $PG_DATA..."
        as_pg "$bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_pg mkdir -p "$PG_SOCK"
    if ! as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_BASE/postgresql.log" -w -t 60 \
            -o "-k $PG_SOCK -p $PG_PORT -c listen_addresses='' -c fsync=off" start >/dev/null
    fi
    psql_pg -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'odoo'" | grep -q 1 ||
        psql_pg -qc "CREATE ROLE odoo LOGIN CREATEDB" >/dev/null
}

psql_pg() { as_pg "$(pg_bindir)/psql" -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres "$@"; }

db_exists() { psql_pg -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; }

# -- Odoo configuration --------------------------------------------------------
ensure_oca_addons() {
    # The OCA addons of oca_addons.txt, unpacked from their PyPI wheels into
    # $RUN_DIR/oca (pip would install them under site-packages/odoo, which hides
    # an Odoo installed from source).
    local oca=$RUN_DIR/oca wheels=$RUN_DIR/wheels line name
    mkdir -p "$oca" "$wheels"
    while read -r line; do
        line=${line%%#*}
        line=$(echo "$line" | xargs)
        [[ -n "$line" ]] || continue
        name=$(echo "$line" | sed -E 's/^odoo-addon-([A-Za-z0-9_]+).*/\1/')
        [[ -f "$oca/$name/__manifest__.py" ]] && continue
        say "downloading the OCA addon $name ($line)..."
        "$PYTHON" -m pip download -q --disable-pip-version-check --no-deps -d "$wheels" "$line" >&2 \
            || die "could not download $line from PyPI"
        "$PYTHON" - "$wheels" "$oca" "$name" <<'PY'
import glob, sys, zipfile
wheels, target, name = sys.argv[1:]
wheel = sorted(glob.glob(f"{wheels}/odoo_addon_{name}-*.whl"))[-1]
prefix = f"odoo/addons/{name}/"
with zipfile.ZipFile(wheel) as archive:
    for member in archive.namelist():
        if member.startswith(prefix):
            archive.extract(member, f"{target}/.unpack")
PY
        rm -rf "${oca:?}/$name"
        mv "$oca/.unpack/odoo/addons/$name" "$oca/$name"
        rm -rf "$oca/.unpack"
    done < "$REPO/oca_addons.txt"
}

write_config() {
    mkdir -p "$ADDONS_DIR"
    ln -sfn "$REPO" "$ADDONS_DIR/$ADDON"
    ensure_oca_addons
    CONFIG=$RUN_DIR/odoo.conf
    cat > "$CONFIG" <<CONF
[options]
addons_path = $ADDONS_DIR,$RUN_DIR/oca,$ODOO_ADDONS
db_host = $PG_SOCK
db_port = $PG_PORT
db_user = odoo
db_password = False
data_dir = $RUN_DIR/data
http_interface = 127.0.0.1
http_port = ${CONFIG_HTTP_PORT:-$HTTP_PORT}
CONF
}

odoo() { (cd /tmp && "${ODOO_BIN[@]}" -c "$CONFIG" "$@"); }

free_port() {
    # A TCP port nobody listens on: the test server of the portal and browser tests
    # (HttpCase) must not meet a running `make run` or another test run.
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# -- commands ------------------------------------------------------------------
cmd_run() {
    if ! find_odoo; then
        say "make run needs Odoo 18, which it could not find."
        say "$ODOO_HELP"
        exit 2
    fi
    ensure_system_packages with-wkhtmltopdf
    pip_ensure "$REPO/requirements.txt"
    pg_start
    write_config
    if ! db_exists "$DEMO_DB"; then
        say "creating the demo database $DEMO_DB (Kabupaten Sukamaju) - about a minute..."
        odoo -d "$DEMO_DB" -i "$ADDON" --stop-after-init --log-level=warn
    else
        say "updating $ADDON in the demo database $DEMO_DB..."
        odoo -d "$DEMO_DB" -u "$ADDON" --stop-after-init --log-level=warn
    fi
    cat >&2 <<MSG

  ASN Performance is served on http://127.0.0.1:$HTTP_PORT  (database $DEMO_DB)
  Log in as:
    admin / admin     HR manager (everything)
    bkpsdm / bkpsdm   HR officer of the BKPSDM (Dian Puspitasari)
    rudi / rudi       employee and evaluator (Kepala Subbagian Umum)
  The employee portal (http://127.0.0.1:$HTTP_PORT/my/kinerja), portal accounts:
    maya / maya       dr. Maya Sari, a doctor of the Puskesmas
    hendri / hendri   dr. Hendri Saputra, head of the Puskesmas, evaluates his team
    every other civil servant of the demo: login = NIP, password = kinerja
      (e.g. 198709132010032001 / kinerja: Sumiati, a midwife of the Puskesmas)
  Stop with Ctrl-C. A fresh demo: dropdb via 'make reset-demo', then make run.

MSG
    odoo -d "$DEMO_DB" --db-filter="^$DEMO_DB\$"
}

cmd_reset_demo() {
    find_odoo || die "no Odoo 18 found"
    pg_start
    psql_pg -qc "DROP DATABASE IF EXISTS $DEMO_DB WITH (FORCE)"
    rm -rf "$RUN_DIR/data/filestore/$DEMO_DB"
    say "dropped $DEMO_DB"
}

pytest_counts() {
    # pytest_counts LOGFILE -> "passed failed skipped" from pytest's last line
    "$PYTHON" - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read().splitlines()
last = next((l for l in reversed(text) if re.search(r"\d+ (passed|failed|error|skipped|deselected)|no tests ran", l)), "")
get = lambda *words: sum(int(n) for w in words for n in re.findall(r"(\d+) %s" % w, last))
print(get("passed"), get("failed", "errors?"), get("skipped"))
PY
}

drop_test_db() {
    [[ -n "${TEST_DB:-}" ]] || return 0
    psql_pg -qc "DROP DATABASE IF EXISTS $TEST_DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$RUN_DIR/data/filestore/$TEST_DB"
    TEST_DB=
}

cmd_test() {
    local status=0 rules_log odoo_log install_log
    mkdir -p "$RUN_DIR"
    rules_log=$RUN_DIR/rules.log
    odoo_log=$RUN_DIR/odoo-tests.log
    install_log=$RUN_DIR/odoo-install.log

    pip_ensure "$REPO/requirements.txt"
    pip_ensure "$REPO/requirements-test.txt"
    say "== lint (ruff, pylint-odoo) =="
    if ! "$REPO/tools/kinerja.sh" lint; then status=1; fi

    say "== rule tier (pure Python, no Odoo) =="
    (cd "$REPO" && "$PYTHON" -m pytest -p no:odoo -p no:cacheprovider tests/rules -q) 2>&1 | tee "$rules_log" || status=1
    read -r r_pass r_fail r_skip < <(pytest_counts "$rules_log")

    local o_line
    say "== Odoo tier (pytest-odoo against a real PostgreSQL database) =="
    if find_odoo; then
        ensure_system_packages with-wkhtmltopdf with-chromium
        pg_start
        CONFIG_HTTP_PORT=$(free_port)
        write_config
        TEST_DB="${ADDON}_test_$$"
        local db=$TEST_DB
        trap drop_test_db EXIT
        say "installing $ADDON with its demo data into the throwaway database $db..."
        if ! odoo -d "$db" -i "$ADDON" --stop-after-init > "$install_log" 2>&1; then
            tail -n 40 "$install_log" >&2
            say "the addon did not install: see $install_log"
            status=1
        elif grep -E " (WARNING|ERROR|CRITICAL) " "$install_log" >&2; then
            say "the installation logged the warnings or errors above ($install_log)"
            status=1
        fi
        (cd /tmp && "$PYTHON" -m pytest -p no:cacheprovider --odoo-config="$CONFIG" --odoo-database="$db" \
            --odoo-http "$ADDONS_DIR/$ADDON/tests" --ignore="$ADDONS_DIR/$ADDON/tests/rules" -q) 2>&1 | tee "$odoo_log" || status=1
        read -r o_pass o_fail o_skip < <(pytest_counts "$odoo_log")
        drop_test_db
        [[ "$o_pass" == 0 ]] && status=1
        o_line="odoo: $o_pass passed, $o_fail failed, $o_skip skipped"
    else
        say "odoo tier skipped: no importable Odoo 18."
        say "$ODOO_HELP"
        o_line="odoo: 0 passed, 0 failed, 1 skipped"
    fi
    [[ "$r_pass" == 0 ]] && status=1
    echo
    echo "$o_line"
    echo "rules: $r_pass passed, $r_fail failed, $r_skip skipped"
    return $status
}

cmd_lint() {
    pip_ensure "$REPO/requirements-test.txt"
    local status=0
    (cd "$REPO" && "$PYTHON" -m ruff check . && "$PYTHON" -m ruff format --check .) || status=1
    (cd "$REPO" && "$PYTHON" -m pylint --rcfile=.pylintrc --load-plugins=pylint_odoo \
        "$REPO") || status=1
    [[ $status == 0 ]] && say "lint: clean"
    return $status
}

cmd_bench() {
    # bench [--reset] [tools/bench.py options]: the batch API against a per-record
    # loop on a synthetic agency (25,000 employees, 800 units) in its own database,
    # seeded once and reused; --reset drops it first.
    local db=${KINERJA_BENCH_DB:-${ADDON}_bench}
    if [[ "${1:-}" == --reset ]]; then
        shift
        RESET_BENCH=1
    fi
    find_odoo || { say "make bench needs Odoo 18."; say "$ODOO_HELP"; exit 2; }
    ensure_system_packages
    pip_ensure "$REPO/requirements.txt"
    pg_start
    # A run directory of its own: the addons symlink and config of `make run` and
    # `make test` stay untouched while a benchmark runs beside them.
    RUN_DIR=${KINERJA_BENCH_RUN:-/tmp/${ADDON}-bench}
    ADDONS_DIR=$RUN_DIR/addons
    write_config
    if [[ -n "${RESET_BENCH:-}" ]]; then
        psql_pg -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
        rm -rf "$RUN_DIR/data/filestore/$db"
        say "dropped $db"
    fi
    if ! db_exists "$db"; then
        say "creating the benchmark database $db (the addon without demo data)..."
        odoo -d "$db" -i "$ADDON" --without-demo=all --stop-after-init --log-level=warn
    else
        say "updating $ADDON in the benchmark database $db..."
        odoo -d "$db" -u "$ADDON" --stop-after-init --log-level=warn
    fi
    (cd /tmp && "$PYTHON" "$REPO/tools/bench.py" -c "$CONFIG" -d "$db" "$@")
}

cmd_dev() {
    # dev DB [pytest args]: install (or update) the addon with demo data in the
    # database DB, kept between calls, then run pytest-odoo on the given tests
    # (default: the whole Odoo tier) - the quick loop while working on a change.
    local db=${1:?usage: dev DB [pytest args]}
    shift
    find_odoo || die "no Odoo 18 found"
    pg_start
    CONFIG_HTTP_PORT=$(free_port)
    write_config
    if db_exists "$db"; then
        odoo -d "$db" -u "$ADDON" --stop-after-init --log-level=warn
    else
        odoo -d "$db" -i "$ADDON" --stop-after-init --log-level=warn
    fi
    [[ $# -gt 0 ]] || set -- tests --ignore=tests/rules
    local args=() arg
    for arg in "$@"; do  # tests/... and --ignore=tests/... as seen from the addon
        case "$arg" in
            tests*) args+=("$ADDONS_DIR/$ADDON/$arg") ;;
            --ignore=tests*) args+=("--ignore=$ADDONS_DIR/$ADDON/${arg#--ignore=}") ;;
            *) args+=("$arg") ;;
        esac
    done
    set -- "${args[@]}"
    (cd /tmp && "$PYTHON" -m pytest -p no:cacheprovider --odoo-config="$CONFIG" \
        --odoo-database="$db" --odoo-http -q "$@")
}

case "${1:-}" in
    run) cmd_run ;;
    test) cmd_test ;;
    lint) cmd_lint ;;
    reset-demo) cmd_reset_demo ;;
    pg-start) pg_start ;;
    bench) shift; cmd_bench "$@" ;;
    dev) shift; cmd_dev "$@" ;;
    *) say "usage: $0 run|test|lint|reset-demo|pg-start|bench|dev DB [tests]"; exit 2 ;;
esac
