#!/usr/bin/env bash
# Rewrites the golden plans and render trees under tests/Golden/ from the current code. Run it only for a change
# to what a stack deploys that you mean, and review the diff it leaves before you commit it with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
INFRA_UPDATE_GOLDEN=1 dotnet test tests/Infra.Model.Tests --nologo --filter "FullyQualifiedName~Infra.Model.Tests.Golden.GoldenTests"
git status --short tests/Golden
