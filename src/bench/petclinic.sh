#!/usr/bin/env bash
# Builds Spring PetClinic, the benchmark's reference peer (issue 32), from a checkout of its sources,
# and prints the path of the jar it built, for PETCLINIC_JAR:
#
#   PETCLINIC_JAR=$(bash src/bench/petclinic.sh <spring-petclinic checkout>) bash src/bench/bench.sh
#
# The build skips PetClinic's tests, checkstyle, its source formatter and the enforcer: only the
# runnable jar is wanted. Nothing of PetClinic is kept in this project.
#
#   PETCLINIC_BOOT_VERSION   Spring Boot parent version to build with instead of the one its pom.xml
#                            names (when that one does not resolve from the Maven repository; its
#                            pom.xml is left as it is: a copy with the version replaced, pom.bench.xml,
#                            is built instead)
#   MVN                      the Maven command (default mvn); JAVA_HOME picks the JDK as usual
set -euo pipefail

SRC="${1:?usage: petclinic.sh <spring-petclinic source directory>}"
SRC="$(cd "$SRC" && pwd)"
MVN="${MVN:-mvn}"
[[ -f "$SRC/pom.xml" ]] || { echo "petclinic.sh: no pom.xml in $SRC" >&2; exit 2; }

POM=pom.xml
if [[ -n "${PETCLINIC_BOOT_VERSION:-}" ]]; then
  # The first <version> after spring-boot-starter-parent is the parent's.
  sed "/<artifactId>spring-boot-starter-parent<\/artifactId>/,/<\/parent>/ s|<version>[^<]*</version>|<version>$PETCLINIC_BOOT_VERSION</version>|" \
    "$SRC/pom.xml" >"$SRC/pom.bench.xml"
  grep -q "<version>$PETCLINIC_BOOT_VERSION</version>" "$SRC/pom.bench.xml" \
    || { echo "petclinic.sh: found no spring-boot-starter-parent version to replace" >&2; exit 2; }
  POM=pom.bench.xml
  echo "petclinic.sh: building with Spring Boot parent $PETCLINIC_BOOT_VERSION ($SRC/pom.bench.xml)" >&2
fi

rm -f "$SRC"/target/spring-petclinic-*.jar
if ! (cd "$SRC" && "$MVN" -B -q -f "$POM" -DskipTests -Dcheckstyle.skip -Dspring-javaformat.skip=true -Denforcer.skip package >&2); then
  echo "petclinic.sh: the build failed; if the Spring Boot parent did not resolve, set PETCLINIC_BOOT_VERSION" \
       "to a version that does (4.0.7 for Boot 4)" >&2
  exit 1
fi
jar="$(ls "$SRC"/target/spring-petclinic-*.jar 2>/dev/null | grep -v -e '-plain\.jar$' -e '-sources\.jar$' | head -n 1)"
[[ -n "$jar" ]] || { echo "petclinic.sh: the build made no target/spring-petclinic-*.jar" >&2; exit 1; }
echo "$jar"
