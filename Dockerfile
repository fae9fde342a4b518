# PaxCare: Java 17 / Vert.x 5 service, packaged as one shaded jar (target/paxcare.jar).
#
#   docker build -t paxcare:local .
#   docker run --rm -p 8080:8080 -e PAXCARE_PG_URL=postgresql://db:5432/paxcare paxcare:local
#
# Without PAXCARE_PG_URL the node starts an embedded PostgreSQL under /app/data (PAXCARE_DATA_DIR).
# Works with the classic builder and BuildKit alike (no RUN --mount), so docker-compose 1.29 can build it.

############################
# Build stage
############################
FROM eclipse-temurin:17-jdk AS build

# The Maven wrapper (distributionType=only-script) downloads Maven with wget or curl and unpacks it
# with unzip if present, else tar; make sure a downloader and CA certificates are there.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*

# The jOOQ code generation (generate-sources) starts an embedded PostgreSQL; PostgreSQL's initdb/postgres
# refuse to run as root in some setups, so the build runs as an unprivileged user.
RUN useradd --create-home --shell /bin/bash --user-group build
USER build
WORKDIR /home/build/paxcare

# Maven itself, the project's dependencies and the build plugins first, so this layer is reused while only
# sources change. (dependency:go-offline is not used: it also chases optional artifacts that do not exist.)
# Best effort: anything missed here is downloaded by the real build below.
COPY --chown=build:build mvnw ./
COPY --chown=build:build .mvn/ .mvn/
COPY --chown=build:build pom.xml ./
RUN chmod +x mvnw && (./mvnw -q -B dependency:resolve dependency:resolve-plugins || true)

COPY --chown=build:build sql/ sql/
COPY --chown=build:build src/ src/
RUN ./mvnw -q -B package -DskipTests && test -s target/paxcare.jar

############################
# Runtime stage
############################
FROM eclipse-temurin:17-jre

# curl is only for the HEALTHCHECK (installed explicitly rather than relying on the base image having it).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --no-create-home --user-group --shell /usr/sbin/nologin paxcare \
    && mkdir -p /app/data \
    && chown -R paxcare:paxcare /app

WORKDIR /app
COPY --from=build --chown=paxcare:paxcare /home/build/paxcare/target/paxcare.jar /app/paxcare.jar

USER paxcare

# 8080: HTTP API (PAXCARE_HTTP_PORT); 5701: Hazelcast cluster membership (PAXCARE_CLUSTER_PORT).
# The clustered event bus listens on a random port on PAXCARE_CLUSTER_HOST, reachable inside a Docker network.
EXPOSE 8080 5701

# Ready = database reachable, member of the cluster, and not draining (503 otherwise, so curl -f fails).
# Start-up runs Flyway and joins the Hazelcast cluster, hence the start period.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready || exit 1

# Memory: a node's live data is small (PostgreSQL holds the state), so a 256 MB heap and capped metaspace and
# code cache keep its resident memory under 512 MB under load (load-tests/results/performance.md); the JVM's
# defaults would size the heap from the machine and grow past 700 MB. Override with JDK_JAVA_OPTIONS.
ENV JDK_JAVA_OPTIONS="-Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m"
# The jar's manifest carries the Add-Opens/Add-Exports Hazelcast needs under java -jar.
ENTRYPOINT ["java", "-jar", "/app/paxcare.jar"]
