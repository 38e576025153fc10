#!/usr/bin/env bash
# Checks that every official page and source cited by Keystep's guides and service catalog still answers.
#
# It collects every `url = "https://..."` line in crates/keystep-core/data/guides/*.toml and
# crates/keystep-core/data/catalog.toml (page and source addresses alike), de-duplicates them, requests
# each one with curl (following redirects, 20 s timeout, a browser-like User-Agent, a short pause between
# requests) and prints every address that does not answer 200, with its HTTP code and the files that cite
# it, then a count. It exits 1 if any address failed, 0 if all answered 200.
#
# NEEDS THE NETWORK. It is NOT part of scripts/test.sh and must not be added to it: the answers depend on
# sites outside this project (some block scripted requests, some are briefly down), so run it by hand now
# and then, for example before a release, and read the report.
#
# Usage:
#   scripts/check-guides.sh            request every address and report the ones that do not answer 200
#   scripts/check-guides.sh --list     only print the addresses and the files citing them (no network)
#   scripts/check-guides.sh --help     this help
#
# Environment:
#   CHECK_GUIDES_PAUSE    seconds to wait between requests (default 1)
#   CHECK_GUIDES_TIMEOUT  curl --max-time in seconds (default 20)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/crates/keystep-core/data"
PAUSE="${CHECK_GUIDES_PAUSE:-1}"
TIMEOUT="${CHECK_GUIDES_TIMEOUT:-20}"
USER_AGENT='Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

usage() {
  sed -n '2,/^set -euo pipefail$/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
}

mode=check
case "${1:-}" in
  '') ;;
  --list) mode=list ;;
  -h | --help) usage; exit 0 ;;
  *) echo "check-guides: unknown argument: $1 (try --help)" >&2; exit 2 ;;
esac

shopt -s nullglob
files=("$DATA"/guides/*.toml "$DATA"/catalog.toml)
shopt -u nullglob
for f in "${files[@]}"; do
  [[ -f "$f" ]] || { echo "check-guides: missing $f" >&2; exit 2; }
done

# One "URL<TAB>file" line for every url = "https://..." line; files are shown relative to the repo root.
pairs="$(
  for f in "${files[@]}"; do
    rel="${f#"$ROOT"/}"
    { grep -E '^[[:space:]]*url[[:space:]]*=[[:space:]]*"https://[^"]+"' "$f" || true; } |
      sed -E 's/^[[:space:]]*url[[:space:]]*=[[:space:]]*"(https:\/\/[^"]+)".*$/\1/' |
      while IFS= read -r url; do printf '%s\t%s\n' "$url" "$rel"; done
  done | sort -u
)"

if [[ -z "$pairs" ]]; then
  echo "check-guides: no url = \"https://...\" lines found under $DATA" >&2
  exit 2
fi

# The distinct URLs, in order.
mapfile -t urls < <(printf '%s\n' "$pairs" | cut -f1 | sort -u)

# The files citing one URL, comma-separated.
cited_by() {
  printf '%s\n' "$pairs" | awk -F'\t' -v u="$1" '$1 == u { print $2 }' | paste -sd, - | sed 's/,/, /g'
}

if [[ "$mode" == list ]]; then
  for url in "${urls[@]}"; do
    printf '%s\n    cited by: %s\n' "$url" "$(cited_by "$url")"
  done
  printf '%d distinct URLs in %d files\n' "${#urls[@]}" "${#files[@]}"
  exit 0
fi

if ! command -v curl > /dev/null 2>&1; then
  echo "check-guides: curl is not installed" >&2
  exit 2
fi

failed=0
checked=0
report=""
for url in "${urls[@]}"; do
  if ((checked > 0)); then sleep "$PAUSE"; fi
  checked=$((checked + 1))
  # A network failure (DNS, refused, timeout, TLS) makes curl exit non-zero and print 000: record it and go on.
  code="$(curl -sS -o /dev/null -w '%{http_code}' -L --max-time "$TIMEOUT" -A "$USER_AGENT" "$url" 2> /dev/null)" || true
  [[ -n "$code" ]] || code=000
  printf '[%d/%d] %s %s\n' "$checked" "${#urls[@]}" "$code" "$url" >&2
  if [[ "$code" != 200 ]]; then
    failed=$((failed + 1))
    report+="$(printf '%s  %s\n    cited by: %s' "$code" "$url" "$(cited_by "$url")")"$'\n'
  fi
done

echo
if ((failed > 0)); then
  echo "URLs that did not answer 200 (000 = no answer: DNS, connection, TLS or timeout):"
  printf '%s' "$report"
  echo
fi
printf '%d of %d URLs did not answer 200.\n' "$failed" "$checked"
((failed == 0))
