#!/usr/bin/env bash
# Runs the JMH benchmarks (src/jmh/java) on JDK 25: ./bench/jmh.sh [JMH options, e.g. a benchmark regex]
set -euo pipefail
cd "$(dirname "$0")/.."
env -u JAVA_HOME ./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java=$(ls /usr/lib/jvm/*25*/bin/java | head -n 1)
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
