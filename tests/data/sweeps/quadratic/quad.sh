#!/bin/bash
# score = -(x-3)^2 - (y+1)^2, logged at steps 1..$3 (a pause of $4 s after each), or once.
x=$1 y=$2 steps=$3 pause=$4
score() { awk -v x="$x" -v y="$y" -v s="$1" 'BEGIN {
    v = -(x - 3) ^ 2 - (y + 1) ^ 2
    if (s == "") printf "{\"key\": \"score\", \"value\": %.12g}\n", v
    else printf "{\"key\": \"score\", \"value\": %.12g, \"step\": %d}\n", v, s }'; }
echo $$ > "$ATELIER_TASK_DIR/pid"
if [ "$steps" -gt 0 ]; then
    for ((s = 1; s <= steps; s++)); do
        score "$s" >> "$ATELIER_METRICS_FILE"
        sleep "$pause"
    done
else
    score "" >> "$ATELIER_METRICS_FILE"
fi
echo "$x $y" > "$ATELIER_OUTPUT_OUT/xy.txt"
