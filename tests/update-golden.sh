#!/usr/bin/env bash
# Rewrites the golden plans and render trees under tests/Golden/, and the error catalogue docs/errors.md, from the
# current code. Run it only for a change you mean (to what a stack deploys, or to the rules), and review the diff it
# leaves before you commit it with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
INFRA_UPDATE_GOLDEN=1 dotnet test tests/Infra.Model.Tests --nologo --filter "FullyQualifiedName~Infra.Model.Tests.Golden.GoldenTests|FullyQualifiedName~TheCatalogueDocument_IsDocsErrorsMd"
git status --short tests/Golden docs/errors.md
