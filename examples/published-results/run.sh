#!/usr/bin/env bash
# Regenerates the outputs shown in README.md: ranks published results with
# request pareto and imports the MLPerf Orin set as result entries.
#   examples/published-results/run.sh [REQUEST_BINARY]
set -euo pipefail
cd "$(dirname "$0")"
request=${1:-request}
export REQUEST_HOME=${REQUEST_HOME:-$(mktemp -d)}
show() { echo "\$ request $*"; "$request" "$@" 2>&1; echo; }
asplos=request-asplos18-points.csv
orin=mlperf-v4.0-edge-open-power-orin-singlestream.csv
# 1. ASPLOS'18: latency vs top-1 accuracy. Accuracy 0 means "not measured"
#    (IoT farm), and batched runs have no latency: filter and exclude them.
show pareto --input $asplos --id point --objective inference_latency.min:min --objective accuracy_top1.min:max \
  --where 'accuracy_top1.min > 0' --frontier-only --hypervolume 1,0 --format table \
  --plot asplos18-latency-accuracy.svg --log-x
# 2. Prediction time (measured for every point), one frontier per model precision, with ranks.
show pareto --input $asplos --id point --objective prediction_time_avg_s.min:min --objective accuracy_top1.min:max \
  --where 'accuracy_top1.min > 0' --group-by m.model_precision --ranks --frontier-only --format table
# 3. MLPerf v4.0 Orin: import as result entries, then latency, energy and accuracy.
show import $orin --id model --map latency_ms=latency_ms:min --map energy_mJ_per_query=energy_mj:min \
  --map accuracy=top1:max --unit latency_ms=ms --unit energy_mj=mJ --unit top1=% --tags mlperf-v4.0,orin
show pareto --tags orin --objective latency_ms --objective energy_mj --objective top1 --frontier-only --format table
show pareto --tags orin --objective latency_ms --objective top1 --frontier-only --format csv \
  --plot orin-latency-accuracy.svg --log-x
