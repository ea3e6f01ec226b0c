#!/usr/bin/env bash
# The benchmark: builds in Release and prints, side by side, a hello-world app's start, infractl on the prod stack
# and on generated stacks of 1 to 10,000 teams, and the Pulumi program under mocks (where the Pulumi packages restore).
# infractl is measured as the README installs it: packed ('dotnet pack cli') and installed as a tool, here into the
# bench's own output folder, so on this machine the native package; the portable package, which other machines
# install, is measured beside it on the prod stack.
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
dist=bench/Infra.Bench/bin/infractl-dist
tools=bench/Infra.Bench/bin/infractl-tool
rm -rf "$dist" "$tools"
if ! log=$(dotnet pack cli -o "$dist" --nologo -v q 2>&1); then
  echo "$log"
  exit 1
fi
printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /><add key="dist" value="%s" /></packageSources></configuration>\n' "$PWD/$dist" >"$dist/nuget.config"
if ! log=$(dotnet tool install --tool-path "$tools" --configfile "$dist/nuget.config" infractl 2>&1); then
  echo "$log"
  exit 1
fi
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' cli/Infra.Cli.csproj)
exec bench/Infra.Bench/bin/Release/net10.0/Infra.Bench --repo "$PWD" --infractl "$PWD/$tools/infractl" --portable "$PWD/$dist/infractl.any.$version.nupkg"
