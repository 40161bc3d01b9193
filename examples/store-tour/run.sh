#!/usr/bin/env bash
# A tour of the store in a throw-away workspace: repositories, entries, tags,
# queries. Usage: run.sh [path/to/request]
set -euo pipefail
request=${1:-request}
export REQUEST_HOME=${REQUEST_HOME:-$(mktemp -d /tmp/request-tour-XXXXXX)}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
step() { printf '\n$ request %s\n' "$*"; "$request" "$@"; }

echo "workspace: $REQUEST_HOME"
step repo init "$REQUEST_HOME/tournament" --name tournament --description "a small co-design tournament"
step add tournament:dataset:fashion-mnist-mini --tags dataset,images,fashion-mnist \
  --set "description=1,000 test images" --set size_bytes=784000
step add tournament:model:mlp-256-128 --meta "$here/mlp.yaml"
step add tournament:program:matmul --tags program,cpp,example --set choices.opt='[0,1,2,3]'
step find --tags fashion-mnist
step find model --where precision=fp32
step show tournament:model:mlp-256-128
step cp tournament:model:mlp-256-128 mlp-256-128-int8
step find model --json
step repo list
echo
echo "done: the workspace is $REQUEST_HOME (remove it with: rm -rf $REQUEST_HOME)"
