# syntax=docker/dockerfile:1
#
# Images of both apps from one Dockerfile, one target each (they share the build stage, so the
# reactor is compiled once for both):
#
#   docker build --target command-side -t cinema/command-side .
#   docker build --target query-side   -t cinema/query-side .
#
# or `docker compose build`. The build stage compiles the apps from this repository with Maven
# (tests are CI's job, not the image's); the runtime stages hold a JRE and the app, unpacked in
# Spring Boot's layers (libraries change less often than the code, so a rebuild ships a small
# layer), run as an unprivileged user. Configuration is the apps' environment variables, as
# everywhere else (README, "Configuration").

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The reactor reads every module's pom; only the apps' modules' sources are copied (.dockerignore).
COPY . .
# The Maven repository is a build cache, kept between builds and never part of an image.
RUN --mount=type=cache,target=/root/.m2/repository \
    mvn -B -ntp -pl command-side,query-side -am -DskipTests -Dspotless.check.skip=true package \
    && for app in command-side query-side; do \
         java -Djarmode=tools -jar "$app"/target/"$app"-*-exec.jar \
              extract --layers --launcher --destination "/layers/$app"; \
       done

FROM eclipse-temurin:17-jre-noble AS runtime
# A system user with no shell and no home of its own; numeric ids, so that a platform that
# demands a non-root user can check it without reading /etc/passwd.
RUN groupadd --system --gid 10001 cinema \
    && useradd --system --uid 10001 --gid cinema --home-dir /app --no-create-home --shell /usr/sbin/nologin cinema
WORKDIR /app
# Container-aware heap (a share of the container's memory limit, not of the host's), and a JVM
# that dies on OutOfMemoryError instead of limping on: the orchestrator restarts it. Read by the
# JVM itself, so the exec-form entry point below needs no shell; override the variable to tune.
ENV JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=25 -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# java is process 1 and gets SIGTERM itself: Spring closes the context (processors release their
# segments, the pool its connections) before the container stops.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

FROM runtime AS command-side
COPY --from=build /layers/command-side/dependencies/ ./
COPY --from=build /layers/command-side/spring-boot-loader/ ./
COPY --from=build /layers/command-side/snapshot-dependencies/ ./
COPY --from=build /layers/command-side/application/ ./
USER 10001:10001
EXPOSE 8080
# Ready: started, database reachable, processors running (issue 12's readiness group). The first
# start migrates the schema, hence the grace period. curl comes with the Temurin image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://localhost:${COMMAND_PORT:-8080}/actuator/health/readiness" || exit 1

FROM runtime AS query-side
COPY --from=build /layers/query-side/dependencies/ ./
COPY --from=build /layers/query-side/spring-boot-loader/ ./
COPY --from=build /layers/query-side/snapshot-dependencies/ ./
COPY --from=build /layers/query-side/application/ ./
USER 10001:10001
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://localhost:${QUERY_PORT:-8081}/actuator/health/readiness" || exit 1
