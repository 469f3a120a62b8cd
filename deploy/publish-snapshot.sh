#!/bin/sh
# Publishes a data snapshot to a served Peta AKS site without rebuilding the app (deploy/README.md).
#
#   deploy/publish-snapshot.sh [--prune DAYS] SOURCE SITE
#
# SOURCE is either
#   - a snapshot directory (manifest.json + snapshot.duckdb, as written by `npm run data:ingest` or
#     `npm run data:demo -- --out DIR --no-publish`), or
#   - a published data directory (current.json + snapshots/NAME-VERSION.duckdb, e.g. static/data after
#     `npm run data:demo`).
# SITE is the served directory (the copy of build/, holding index.html and data/).
#
# Order matters: the versioned database is copied first (under a temporary name, then renamed), and
# current.json is replaced last, atomically, so a browser never reads a current.json that names a missing
# or half-copied file. The file current.json named before is kept (open tabs keep reading it until they
# reload) and its time stamp set to now; --prune DAYS removes snapshot files that are not current and were
# superseded more than DAYS days ago. Needs only POSIX sh, sed, cp, mv, find.
set -eu

die() { echo "publish-snapshot: $*" >&2; exit 1; }
PRUNE=""
if [ "${1:-}" = "--prune" ]; then
  [ $# -ge 2 ] || die "--prune needs a number of days"
  PRUNE=$2
  case "$PRUNE" in *[!0-9]*|"") die "--prune DAYS must be a whole number" ;; esac
  shift 2
fi
[ $# -eq 2 ] || die "usage: publish-snapshot.sh [--prune DAYS] SOURCE SITE"
SRC=$1
SITE=$2
[ -f "$SITE/index.html" ] || die "$SITE does not look like the served build (no index.html)"
DATA="$SITE/data"
mkdir -p "$DATA/snapshots"

# A top-level JSON string field (first occurrence of "key": "value"; pretty-printed or minified).
field() { grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" "$2" | head -n 1 | sed 's/.*:[[:space:]]*"\(.*\)"$/\1/'; }

TMPJSON="$DATA/.current.json.tmp.$$"
trap 'rm -f "$TMPJSON" "$DATA/snapshots/.incoming.$$"' EXIT INT TERM

if [ -f "$SRC/manifest.json" ] && [ -f "$SRC/snapshot.duckdb" ]; then
  NAME=$(field name "$SRC/manifest.json")
  VERSION=$(field version "$SRC/manifest.json")
  echo "$NAME" | grep -Eq '^[a-z0-9][a-z0-9_-]*$' || die "unusable snapshot name '$NAME' in $SRC/manifest.json"
  echo "$VERSION" | grep -Eq '^[0-9a-f]{8,64}$' || die "unusable version '$VERSION' in $SRC/manifest.json"
  FILE="$NAME-$VERSION.duckdb"
  DB="$SRC/snapshot.duckdb"
  PAINT="$SRC/paint.json"
  PAINT_PUBLIC="$SRC/paint-public.json"
  # current.json = the manifest plus "url": drop the final closing brace, append the member and the brace.
  sed '$ s/}[[:space:]]*$//' "$SRC/manifest.json" > "$TMPJSON"
  printf '  ,"url": "snapshots/%s"\n}\n' "$FILE" >> "$TMPJSON"
elif [ -f "$SRC/current.json" ]; then
  URL=$(field url "$SRC/current.json")
  echo "$URL" | grep -Eq '^snapshots/[A-Za-z0-9._-]+\.duckdb$' || die "unexpected url '$URL' in $SRC/current.json"
  FILE=${URL#snapshots/}
  DB="$SRC/snapshots/$FILE"
  PAINT="$SRC/snapshots/${FILE%.duckdb}.paint.json"
  PAINT_PUBLIC="$SRC/snapshots/${FILE%.duckdb}.paint-public.json"
  cp "$SRC/current.json" "$TMPJSON"
else
  die "$SRC has neither manifest.json + snapshot.duckdb nor current.json"
fi
[ -f "$DB" ] || die "$DB is missing"

OLD=""
[ -f "$DATA/current.json" ] && OLD=$(field url "$DATA/current.json" | sed 's|^snapshots/||')

# 1. the database, under its versioned name (never overwritten: the name is its content's version)
if [ ! -f "$DATA/snapshots/$FILE" ]; then
  cp "$DB" "$DATA/snapshots/.incoming.$$"
  chmod 0644 "$DATA/snapshots/.incoming.$$"
  mv "$DATA/snapshots/.incoming.$$" "$DATA/snapshots/$FILE"
fi
# 1b. the first-paint files of the snapshot (src/lib/paint), same versioned name; optional
for P in "$PAINT" "$PAINT_PUBLIC"; do
  [ -f "$P" ] || continue
  case "$P" in *paint-public.json) TO="${FILE%.duckdb}.paint-public.json" ;; *) TO="${FILE%.duckdb}.paint.json" ;; esac
  cp "$P" "$DATA/snapshots/.incoming.$$"
  chmod 0644 "$DATA/snapshots/.incoming.$$"
  mv "$DATA/snapshots/.incoming.$$" "$DATA/snapshots/$TO"
done
# 2. current.json last, atomically
chmod 0644 "$TMPJSON"
mv "$TMPJSON" "$DATA/current.json"
echo "published $FILE (data/current.json updated)"

if [ -n "$OLD" ] && [ "$OLD" != "$FILE" ] && [ -f "$DATA/snapshots/$OLD" ]; then
  touch "$DATA/snapshots/$OLD"   # superseded now: --prune counts from here
  echo "kept the previous snapshot $OLD for tabs still open on it"
fi
if [ -n "$PRUNE" ]; then
  find "$DATA/snapshots" -maxdepth 1 -type f \( -name '*.duckdb' -o -name '*.paint.json' -o -name '*.paint-public.json' \) ! -name "${FILE%.duckdb}.*" -mtime +"$PRUNE" -print -exec rm -f {} \;
fi
