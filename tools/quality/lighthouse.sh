#!/usr/bin/env bash
# lighthouse.sh measures the example site with Lighthouse.
#
# It builds the site of this repository, serves it on a free port of
# 127.0.0.1 under the base path of its base_url (compressed, as GitHub Pages
# serves it), runs Lighthouse on the article and the home page with the
# mobile and desktop presets, and prints the median of the four category
# scores per page and preset, with the audits that did not pass. It exits 1
# when a score is below its target: performance 95, the others 100.
#
# Needs Go, Node.js with npm, Python 3 and Chromium. Lighthouse is installed
# on first use into a cache folder outside the repository.
#
# Environment:
#   CHROME_PATH   the browser (default: chromium from PATH)
#   LH_DIR        where Lighthouse is installed (default: ~/.cache/plotline/lighthouse-VERSION)
#   RUNS          runs per page and preset; the median is kept (default 3)
#   PRESETS       "mobile desktop" (default), or one of them
#   PAGES         paths under the base path (default: the Kursk article and the home page)
#   OUT           folder for the JSON and HTML reports (default: a temporary folder)
#   PLAIN=1       serve without compression, as `python3 -m http.server` does
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LH_VERSION=${LH_VERSION:-12.8.2}
LH_DIR=${LH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/plotline/lighthouse-$LH_VERSION}
CHROME_PATH=${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
RUNS=${RUNS:-3}
PRESETS=${PRESETS:-mobile desktop}
PAGES=${PAGES:-articles/north-korean-troops-kursk/ /}
MIN_PERFORMANCE=95
MIN_OTHER=100

if [[ -z $CHROME_PATH ]]; then
  echo "lighthouse.sh: no Chromium found; set CHROME_PATH" >&2
  exit 2
fi
export CHROME_PATH

LH=$LH_DIR/node_modules/.bin/lighthouse
if [[ ! -x $LH ]]; then
  echo "installing lighthouse@$LH_VERSION into $LH_DIR" >&2
  mkdir -p "$LH_DIR"
  npm install --prefix "$LH_DIR" --no-save --no-audit --no-fund --silent "lighthouse@$LH_VERSION" >&2
fi

WORK=$(mktemp -d)
SERVER=
cleanup() {
  if [[ -n $SERVER ]]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
OUT=${OUT:-$WORK/reports}
mkdir -p "$OUT"

# The base path: the path of base_url in plotline.yaml, or BASE_PATH.
if [[ -z ${BASE_PATH:-} ]]; then
  url=$(sed -n 's/^base_url:[[:space:]]*["'\'']\{0,1\}\([^"'\'' #]*\).*/\1/p' "$ROOT/plotline.yaml" 2>/dev/null | head -n 1)
  BASE_PATH=/$(printf '%s' "$url" | sed -e 's|^[a-zA-Z]*://[^/]*||' -e 's|^/*||')
fi
[[ $BASE_PATH == */ ]] || BASE_PATH=$BASE_PATH/

(cd "$ROOT" && go build -o "$WORK/plotline" ./cmd/plotline)
"$WORK/plotline" build -q -s "$ROOT" -d "$WORK/site${BASE_PATH%/}"

plain=()
[[ ${PLAIN:-} == 1 ]] && plain=(--plain)
python3 "$ROOT/tools/quality/serve.py" "$WORK/site" "$WORK/port" "${plain[@]}" &
SERVER=$!
for _ in $(seq 100); do [[ -s $WORK/port ]] && break; sleep 0.1; done
[[ -s $WORK/port ]] || { echo "lighthouse.sh: the server did not start" >&2; exit 2; }
BASE=http://127.0.0.1:$(cat "$WORK/port")$BASE_PATH

FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
echo "Lighthouse $LH_VERSION, $RUNS run(s) each, median; $BASE ($([[ ${PLAIN:-} == 1 ]] && echo plain || echo gzip))"
printf '%-44s %-8s %5s %5s %5s %5s\n' page preset perf a11y bp seo
failed=0
for page in $PAGES; do
  page=${page#/}
  for preset in $PRESETS; do
    name=$(printf '%s' "${page:-home}" | tr '/' '_' | sed 's/_$//')-$preset
    preset_flag=()
    [[ $preset == desktop ]] && preset_flag=(--preset=desktop)
    reports=()
    for run in $(seq "$RUNS"); do
      report=$OUT/$name-$run
      "$LH" "$BASE$page" --quiet --output=json --output=html --output-path="$report" \
        --chrome-flags="$FLAGS" "${preset_flag[@]}" >/dev/null
      reports+=("$report.report.json")
    done
    node - "$MIN_PERFORMANCE" "$MIN_OTHER" "/${page}" "$preset" "${reports[@]}" <<'JS' || failed=1
const [minPerf, minOther, page, preset, ...files] = process.argv.slice(2);
const runs = files.map(f => require(f));
const ids = ['performance', 'accessibility', 'best-practices', 'seo'];
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };
const scores = ids.map(id => median(runs.map(r => Math.round(100 * r.categories[id].score))));
const line = [page.padEnd(44), preset.padEnd(8), ...scores.map(s => String(s).padStart(5))].join(' ');
console.log(line);
const seen = new Set();
for (const r of runs) {
  for (const id of ids) {
    for (const ref of r.categories[id].auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 0.9 && !seen.has(a.id)) {
        seen.add(a.id);
        console.log(`    ${id}: ${a.id} ${a.displayValue || ''} (${a.title})`);
      }
    }
  }
}
const low = scores.some((s, i) => s < (i === 0 ? Number(minPerf) : Number(minOther)));
process.exit(low ? 1 : 0);
JS
  done
done
echo "reports: $OUT$([[ $OUT == "$WORK"/* ]] && echo ' (removed on exit; set OUT to keep them)')"
if [[ $failed != 0 ]]; then
  echo "below target: performance $MIN_PERFORMANCE, accessibility, best practices and SEO $MIN_OTHER" >&2
  exit 1
fi
