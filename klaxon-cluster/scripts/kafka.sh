#!/usr/bin/env bash
# A one-node Apache Kafka (KRaft: broker and controller in one process) from Maven Central's jars,
# for trying cluster mode on one machine: no Docker, no Kafka download.
#   klaxon-cluster/scripts/kafka.sh            format (first time) and run in the foreground
# Settings (environment): KAFKA_DIR (data/kafka), KAFKA_PORT (9092), KAFKA_VERSION (4.3.1).
# Stop it with Ctrl-C; delete KAFKA_DIR to start afresh.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${KAFKA_DIR:-data/kafka}
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=$((PORT + 1))
VERSION=${KAFKA_VERSION:-4.3.1}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

if [ ! -f "$DIR/classpath.txt" ]; then
  # A throwaway project whose only job is to resolve Kafka's jars and print their class path.
  cat > "$DIR/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$VERSION</version></dependency>
  </dependencies>
</project>
POM
  ./klaxon mvnw -B -ntp -q -f "$DIR/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$DIR/classpath.txt"
fi
CP=$(cat "$DIR/classpath.txt")

cat > "$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DIR/logs
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS

# Kafka's broker runs on Java 17 or newer: JAVA_HOME's, else the one on the PATH.
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ ! -f "$DIR/logs/meta.properties" ]; then
  "$JAVA" -cp "$CP" kafka.tools.StorageTool format --standalone \
    --cluster-id "$("$JAVA" -cp "$CP" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
    --config "$DIR/server.properties" 2> >(grep -v '^SLF4J' >&2)
fi
echo "Kafka on 127.0.0.1:$PORT (data in $DIR/logs)"
# Kafka logs through SLF4J 1.7 and no binding is on this class path: the broker runs quietly.
exec "$JAVA" -Xmx512m -cp "$CP" kafka.Kafka "$DIR/server.properties" 2> >(grep -v '^SLF4J' >&2)
