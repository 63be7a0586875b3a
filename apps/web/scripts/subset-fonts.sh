#!/bin/sh
# Regenerates src/fonts/inter-*-core.woff2: Inter (from @fontsource/inter, SIL OFL 1.1) cut down to the
# characters the interface itself uses (ASCII and a little punctuation), so the first page downloads about
# 11 KB per weight instead of 24 KB. Text with other characters still loads the full faces from @fontsource.
# Needs fontTools with brotli (`pip install fonttools brotli`, in a virtual environment outside the repository).
# Keep CORE in step with the unicode-range in src/fonts/inter-core.css.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
files="$here/../../node_modules/@fontsource/inter/files"
CORE='U+0020-007E,U+00A0,U+00B7,U+00D7,U+2013-2014,U+2018-2019,U+201C-201D,U+2022,U+2026'
for weight in 400 600; do
  pyftsubset "$files/inter-latin-$weight-normal.woff2" --unicodes="$CORE" --layout-features='kern,liga,calt,ccmp,locl' \
    --flavor=woff2 --output-file="$here/src/fonts/inter-$weight-core.woff2"
done
