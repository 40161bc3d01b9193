#!/bin/sh
# A process group that ignores SIGTERM: this leader and a grandchild whose pid
# is written to "$1". Only SIGKILL of the whole group ends both.
trap '' TERM
sleep 30 &
echo $! > "$1"
sleep 30
