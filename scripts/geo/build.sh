#!/usr/bin/env bash
# Vendored from ../shared/geo/scripts (written for this project); the only change: the crosswalk
# comparison is skipped when no reference crosswalk.csv sits beside the sources.
# Rebuilds idn-provinces.topojson and idn-regencies.topojson from the public
# geoBoundaries IDN ADM2 file and idn-area-data. Needs node >= 20 and npm.
#
#   bash scripts/build.sh            # uses ../source/geoBoundaries-IDN-ADM2_simplified.topojson
#   SRC=/path/to/file.topojson bash scripts/build.sh
#
# Tool versions used for the committed outputs: mapshaper 0.7.70, idn-area-data 4.0.1.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GEO="${GEO:-$(dirname "$HERE")}"               # the geo/ folder (sources under $GEO/source)
SRC="${SRC:-$GEO/source/geoBoundaries-IDN-ADM2_simplified.topojson}"
SRC_SHA256="6f009e26a99cdc298e5524cdee826c7a6dff0087d2abd355b1a403e2712c7090"
SRC_URL="https://media.githubusercontent.com/media/wmgeolab/geoBoundaries/41af8f1e141eb6826ab9877e306df6f848b9ff0b/releaseData/gbOpen/IDN/ADM2/geoBoundaries-IDN-ADM2_simplified.topojson"
OUT="${OUT:-$GEO}"
REG_SIMPLIFY="${REG_SIMPLIFY:-60%}"            # share of removable vertices kept for regencies
PROV_SIMPLIFY="${PROV_SIMPLIFY:-20%}"          # share of removable vertices kept for provinces
QUANT="${QUANT:-1000000}"                      # TopoJSON quantization (1e5 created crossing segments)
TOOLS="${TOOLS:-$(mktemp -d)}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

if [ ! -f "$SRC" ]; then
  echo "source missing; downloading $SRC_URL" >&2
  mkdir -p "$(dirname "$SRC")"
  curl -fL --retry 3 -o "$SRC" "$SRC_URL"
fi
echo "$SRC_SHA256  $SRC" | sha256sum -c - >&2 || { echo "unexpected source checksum (different geoBoundaries build?)" >&2; exit 1; }

if [ ! -x "$TOOLS/node_modules/.bin/mapshaper" ]; then
  (cd "$TOOLS" && npm init -y >/dev/null && npm install --no-audit --no-fund mapshaper@0.7.70 idn-area-data@4.0.1 >/dev/null)
fi
MS="$TOOLS/node_modules/.bin/mapshaper"
IDN="$TOOLS/node_modules/idn-area-data/data"

# 1. crosswalk: geoBoundaries shapeID -> Kemendagri code (normalised-name match, 6 irregular names via
#    aliases in make-crosswalk.mjs; 5 non-admin shapes - lakes, reservoirs, a forest - are dropped)
node "$HERE/make-crosswalk.mjs" "$SRC" "$IDN" "$TMP/crosswalk.csv"
if [ -f "$GEO/crosswalk.csv" ]; then
  cut -d, -f1-6 "$GEO/crosswalk.csv" | diff -q - <(cut -d, -f1-6 "$TMP/crosswalk.csv") >/dev/null \
    || echo "note: crosswalk differs from the reference crosswalk.csv" >&2
fi

# 2. regencies: attach codes, drop non-admin shapes, repair, simplify (topology-preserving), repair again
"$MS" "$SRC" \
  -join "$TMP/crosswalk.csv" keys=shapeID,shapeID fields=code,name,province_code string-fields=shapeID,code,province_code \
  -filter 'code !== ""' \
  -filter-fields code,name,province_code \
  -clean \
  -o "$TMP/regencies-full.geojson" format=geojson

"$MS" "$TMP/regencies-full.geojson" \
  -simplify "$REG_SIMPLIFY" keep-shapes \
  -clean \
  -sort code \
  -rename-layers regencies \
  -o "$OUT/idn-regencies.topojson" format=topojson quantization="$QUANT" id-field=code

# 3. provinces: dissolve the repaired full-detail regencies by current (38-province) code, then simplify
"$MS" "$TMP/regencies-full.geojson" \
  -dissolve province_code \
  -rename-fields code=province_code \
  -join "$IDN/provinces.csv" keys=code,code fields=name string-fields=code \
  -simplify "$PROV_SIMPLIFY" keep-shapes \
  -sort code \
  -rename-layers provinces \
  -o "$OUT/idn-provinces.topojson" format=topojson quantization="$QUANT" id-field=code

# 4. validate the written files (decoded back to GeoJSON)
"$MS" "$OUT/idn-regencies.topojson" -o "$TMP/regencies.geojson" format=geojson
"$MS" "$OUT/idn-provinces.topojson" -o "$TMP/provinces.geojson" format=geojson
node "$HERE/validate.mjs" "$TMP/provinces.geojson" "$TMP/regencies.geojson" "$IDN" "$TMP/crosswalk.csv"
ls -l "$OUT"/idn-*.topojson
sha256sum "$OUT"/idn-*.topojson
