#!/usr/bin/env bash
# Runs every fuzz target of src/fuzz/java in turn (Jazzer fuzzes one target per JVM), each for the duration
# its @FuzzTest gives. A finding fails the run and leaves the crashing input under src/test/resources.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(
  "VietQrDecoderFuzzTest#decodeNeverThrows" "VietQrDecoderFuzzTest#decodeMutatedRealCodes"
  "PaymentParsersFuzzTest#sePayAndCassoLegacyBodies" "PaymentParsersFuzzTest#payOsAndCassoV2Bodies"
  "PaymentParsersFuzzTest#directBodies" "PaymentParsersFuzzTest#statementFiles"
  "PaymentParsersFuzzTest#mutatedRealStatements" "PaymentParsersFuzzTest#transferTexts")
for t in "${targets[@]}"; do
  echo "== $t"
  env -u JAVA_HOME ./mvnw -q -Pfuzz test -Dtest="$t" 2>&1 | grep -E "^#[0-9]+ +DONE|Done [0-9]+ runs|ERROR|FAIL|Exception" || true
done
