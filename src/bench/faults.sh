#!/usr/bin/env bash
# The fault suite at length (issue 16): the same cases as the test command runs (src/test/java/
# health/leap/portal/faults/*FaultIT), with three times the patients and 30 seconds of load before
# and after each fault. Builds the portal, runs only the fault cases, and prints target/faults/report.md
# (requests failed, seconds to recover, bookings lost). Needs what the test command needs, plus Debian's
# postgresql and nginx packages (.ci/run installs them). Everything listens on 127.0.0.1 and is stopped
# when it ends.
#
#   MVN   the Maven to run (default: mvn)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
MVN="${MVN:-mvn}"
rm -f target/faults/report.md
status=0
"$MVN" -B verify -P '!journeys-twice' -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='*FaultIT' -Dfaults.long=true || status=$?
echo
cat target/faults/report.md 2>/dev/null || echo "no report was written: see the output above" >&2
exit "$status"
