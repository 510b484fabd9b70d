#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (default 600) and keeps going past findings (fork mode), so
# one run collects every crash in fuzz/artifacts/<target>/. Needs cargo-fuzz; on a stable
# toolchain RUSTC_BOOTSTRAP=1 lets it use the nightly flags libFuzzer needs.
# Usage: fuzz/run_fuzz.sh TARGET [SECONDS] [MAX_LEN]
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=${2:-600}
max_len=${3:-16384}
dict=()
[ -f "dicts/$target.dict" ] && dict=("-dict=dicts/$target.dict")
mkdir -p "corpus/$target" "artifacts/$target"
RUSTC_BOOTSTRAP=1 exec cargo fuzz run --sanitizer none --debug-assertions "$target" \
  "corpus/$target" -- \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -print_final_stats=1 \
  -artifact_prefix="artifacts/$target/" "${dict[@]}"
