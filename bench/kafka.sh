#!/usr/bin/env bash
# A standalone Apache Kafka broker in KRaft mode (broker and controller in one process) on loopback, from the
# Maven Central jars the tests already use (spring-kafka-test brings kafka_2.13 and the server modules): no download
# of a Kafka distribution. For bench/scale-out.sh and for trying the outbox and the national service by hand.
# Usage: bench/kafka.sh start DIR [PORT]   (formats DIR on first start; the controller listens on PORT+1)
#        bench/kafka.sh stop DIR           (SIGTERM: a clean shutdown; the data stays in DIR for the next start)
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:?start or stop}
dir=$(realpath -m "${2:?a folder for the broker data}")
port=${3:-19092}
java25=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1)
java25=${java25:-java}

case $cmd in
stop)
  [ -f "$dir/pid" ] || exit 0
  pid=$(cat "$dir/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/pid"
  exit 0 ;;
start) ;;
*) echo "usage: bench/kafka.sh start|stop DIR [PORT]" >&2; exit 2 ;;
esac

mkdir -p "$dir"
cp="$dir/classpath.txt"
if [ ! -s "$cp" ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >&2
fi
cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$((port + 1))
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$((port + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/logs
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
cat >"$dir/logback.xml" <<'EOF'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="out"/></root>
  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
</configuration>
EOF
java_cmd=("$java25" -Xmx512m -Dlogback.configurationFile="$dir/logback.xml" -cp "$(cat "$cp")")
if [ ! -f "$dir/logs/meta.properties" ]; then
  "${java_cmd[@]}" kafka.tools.StorageTool format --standalone -t "$("${java_cmd[@]}" kafka.tools.StorageTool random-uuid)" \
    -c "$dir/server.properties" >"$dir/format.log" 2>&1
fi
"${java_cmd[@]}" kafka.Kafka "$dir/server.properties" >>"$dir/broker.log" 2>&1 &
echo $! >"$dir/pid"
# Ready when the broker answers on its port (the controller first elects itself).
for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "kafka on 127.0.0.1:$port (pid $(cat "$dir/pid"))"; exit 0; fi
  kill -0 "$(cat "$dir/pid")" 2>/dev/null || { echo "kafka did not start, see $dir/broker.log" >&2; exit 1; }
  sleep 0.2
done
echo "kafka not answering on $port after 60 s, see $dir/broker.log" >&2
exit 1
