#!/usr/bin/env bash
# The README's first command: installs what is missing, builds request, and
# runs the main job. Until the Fashion-MNIST tournament lands, the main job is a
# short tour of the store: create a repository, add entries, find and show them.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
bash .ci/install-deps
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build request
bash examples/store-tour/run.sh "$top/build/request"
