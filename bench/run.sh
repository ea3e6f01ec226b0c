#!/usr/bin/env bash
# The benchmark: builds in Release and prints, side by side, a hello-world app's start, infractl on the prod stack
# and on generated stacks of 1 to 10,000 teams, and the Pulumi program under mocks (where the Pulumi packages restore).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
build() { # project [extra arguments]
  local log
  if ! log=$(dotnet build "$@" -c Release --nologo -v q 2>&1); then
    echo "$log"
    exit 1
  fi
}
for project in bench/Hello cli bench/Infra.Bench; do
  build "$project"
done
if dotnet restore bench/Infra.Bench.Mocks --nologo -v q >/dev/null 2>&1; then
  build bench/Infra.Bench.Mocks --no-restore
else
  rm -f bench/Infra.Bench.Mocks/bin/Release/net10.0/Infra.Bench.Mocks
fi
exec bench/Infra.Bench/bin/Release/net10.0/Infra.Bench --repo "$PWD"
