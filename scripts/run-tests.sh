#!/bin/sh
# Runs vitest (arguments pass through, e.g. --project unit) and ends with one plain closing line,
# "tests: N passed, N failed", that CI reads whatever the runner prints above it.
set -u
cd "$(dirname "$0")/.."
results=build/vitest-results.json
mkdir -p build
rm -f "$results"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@"
status=$?
node -e '
const fs = require("fs");
const r = fs.existsSync(process.argv[1]) ? JSON.parse(fs.readFileSync(process.argv[1], "utf8")) : null;
if (!r) { console.log("tests: 0 passed, 1 failed"); process.exit(0); }
const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`tests: ${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results"
if [ "$status" -eq 0 ] && [ ! -s "$results" ]; then status=1; fi
exit "$status"
