#!/usr/bin/env bash
# Downloads the upstream reference files the schema tests read (CRDs, OpenAPI documents, chart values: other
# projects' files, so they are not in this repository) from their public sources, as tests/upstream/manifest.tsv
# lists them, into the cache the tests look in: $INFRA_UPSTREAM_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/infractl/upstream.
# Each file is checked against its sha256; one that differs is not kept. Run it once per machine; it skips what
# the cache already holds.
set -uo pipefail
cd "$(dirname "$0")"
dest="${INFRA_UPSTREAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infractl/upstream}"
failed=0 fetched=0 kept=0
while IFS=$'\t' read -r local url document sha; do
  [[ -z "$local" || "$local" == \#* ]] && continue
  target="$dest/$local"
  if [[ -f "$target" ]] && [[ "$(sha256sum "$target" | cut -d' ' -f1)" == "$sha" ]]; then
    kept=$((kept + 1))
    continue
  fi
  tmp=$(mktemp)
  if ! curl -fsSL --retry 3 "$url" -o "$tmp"; then
    echo "error: could not download $url (for $local)" >&2
    rm -f "$tmp"; failed=$((failed + 1)); continue
  fi
  if [[ "$document" != "-" ]]; then
    # One document of a multi-document file: the one whose metadata names it, its text unchanged.
    awk -v name="$document" '
      function flush() { if (found) printf "%s", doc; doc = ""; found = 0 }
      /^---$/ { flush(); next }
      { doc = doc $0 "\n"; if ($0 == "  name: " name) found = 1 }
      END { flush() }' "$tmp" > "$tmp.doc" && mv "$tmp.doc" "$tmp"
  fi
  got=$(sha256sum "$tmp" | cut -d' ' -f1)
  if [[ "$got" != "$sha" ]]; then
    echo "error: $local from $url has sha256 $got, not the manifest's $sha: not kept" >&2
    rm -f "$tmp"; failed=$((failed + 1)); continue
  fi
  mkdir -p "$(dirname "$target")"
  mv "$tmp" "$target"
  fetched=$((fetched + 1))
done < manifest.tsv
echo "upstream reference files in $dest: $fetched downloaded, $kept already there, $failed failed"
[[ $failed -eq 0 ]]
