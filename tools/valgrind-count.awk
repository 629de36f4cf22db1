# tools/valgrind-regress.sh: error blocks in valgrind logs, separated by "==PID== " lines.  A block is
# bjxm's when one of its first four frames is in bjxm.so; "deep" counts the
# blocks with a bjxm.so frame anywhere (PostgreSQL's own reports reached
# through a bjxm call).
function flush() {
  if (nf > 0) { total++; if (top) { ours++; printf "%s\n", blk } else if (deep) deeps++ }
  blk = ""; nf = 0; top = 0; deep = 0
}
FNR == 1 { flush() }
/^==[0-9]+== $/ { flush(); next }
{ blk = blk $0 "\n" }
/^==[0-9]+==    (at|by) / { nf++; if ($0 ~ /bjxm\.so/) { deep = 1; if (nf <= 4) top = 1 } }
END { flush(); printf "VG_COUNTS %d %d %d\n", total, ours + 0, deeps + 0 > "/dev/stderr" }
