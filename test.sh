#!/usr/bin/env bash
# The project's one test command (README.md, "Test"). Always runs the model and CLI tests; runs the Pulumi
# component tests, and builds the Pulumi program, where the Pulumi packages restore. Where they do not (the
# NuGet sources configured here do not serve them), it says so and skips only those. Any other restore, build
# or test failure fails the command.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
passed=0 failed=0 skipped=0 status=0 failures=()

run_tests() { # project
  local name log
  name=$(basename "$1")
  log="$log_dir/$name.log"
  echo "==> dotnet test $1"
  dotnet test "$1" --nologo 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line
  line=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -n 1)
  if [[ -n "$line" ]]; then
    passed=$((passed + $(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.*Failed: +([0-9]+), Passed.*/\1/' <<<"$line")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")))
  fi
  if [[ $rc -ne 0 ]]; then
    echo "FAILED: $1 (exit $rc)"
    failures+=("$1")
    status=1
  fi
}

run_tests tests/Infra.Model.Tests
if [[ -d "${INFRA_UPSTREAM_DIR:-../shared/upstream}" ]]; then
  echo "upstream reference files: $(cd "${INFRA_UPSTREAM_DIR:-../shared/upstream}" && pwd): the schema tests ran against them."
else
  cache="${INFRA_UPSTREAM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/infractl/upstream}"
  if [[ -f "$cache/cluster-api/cluster.x-k8s.io_clusters.yaml" ]]; then
    echo "upstream reference files: $cache (downloaded by tests/upstream/fetch.sh): the schema tests ran against them."
  else
    echo "SKIPPED: the model tests that validate against upstream CRDs, OpenAPI documents and chart values: their files are"
    echo "         not here. Run tests/upstream/fetch.sh to download them (pinned, checked by sha256) into $cache,"
    echo "         or set INFRA_UPSTREAM_DIR to their folder, or put them in ../shared/upstream beside the repository."
  fi
fi
if [[ -z "${INFRA_KUBEFLOW_MANIFESTS:-}" ]]; then
  echo "SKIPPED: the check of the Kubeflow units' images against what kubectl kustomize builds from the release: set"
  echo "         INFRA_KUBEFLOW_MANIFESTS to a local copy of kubeflow/manifests v1.10.2 to run it."
fi
run_tests tests/Infra.Cli.Tests

# The ML project template's own decisions and manifests: standard-library Python, so they run wherever python3 is.
# Its training test needs the template's requirements (scikit-learn), and runs where they are installed.
template=templates/ml-project
if command -v python3 >/dev/null 2>&1; then
  echo "==> python3 -m unittest ($template)"
  py_log="$log_dir/template.log"
  (cd "$template" && python3 -m unittest -v tests/test_decisions.py tests/test_serving.py) 2>&1 | tee "$py_log"
  py_rc=${PIPESTATUS[0]}
  py_ran=$(sed -nE 's/^Ran ([0-9]+) tests?.*/\1/p' "$py_log" | tail -n 1)
  py_failed=$(grep -cE ' \.\.\. (FAIL|ERROR)$' "$py_log" || true)
  passed=$((passed + ${py_ran:-0} - py_failed))
  failed=$((failed + py_failed))
  if [[ $py_rc -ne 0 ]]; then
    echo "FAILED: $template's unit tests (exit $py_rc)"
    failures+=("$template unit tests")
    status=1
  fi
  if (cd "$template" && python3 -c "import sklearn, numpy, pytest") >/dev/null 2>&1; then
    echo "==> pytest $template/tests/test_train.py"
    if (cd "$template" && python3 -m pytest -q tests/test_train.py); then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); failures+=("$template training test"); status=1
    fi
  else
    skipped=$((skipped + 1))
    echo "SKIPPED: $template/tests/test_train.py: it needs the template's requirements (pip install -r requirements.txt"
    echo "         -r requirements-dev.txt), which this Python does not have."
  fi
else
  skipped=$((skipped + 3))
  echo "SKIPPED: $template's unit tests (its three test files): python3 is not on the PATH."
fi

echo "==> dotnet restore (Pulumi projects)"
restore_log="$log_dir/restore.log"
if dotnet restore tests/Infra.Components.Tests --nologo >"$restore_log" 2>&1 \
  && dotnet restore infra --nologo >>"$restore_log" 2>&1; then
  echo "==> dotnet build infra (the Pulumi program)"
  if ! dotnet build infra --no-restore --nologo; then
    echo "FAILED: the Pulumi program does not build"
    failures+=("infra (build)")
    status=1
  fi
  run_tests tests/Infra.Components.Tests
else
  errors=$(grep -E ' error ' "$restore_log" | sort -u)
  others=$(grep -vE 'error NU110[012]: Unable to (find|resolve) (package )?'"'"'?Pulumi(\.VSphere|\.Kubernetes|\.Random)?[ '"'"'.]' <<<"$errors" || true)
  if [[ -n "$errors" && -z "$others" ]]; then
    missing=$(grep -oE "(find|resolve) (package )?'?Pulumi(\.VSphere|\.Kubernetes|\.Random)?" <<<"$errors" | sed -E "s/.* '?//" | sort -u | paste -sd, -)
    echo "SKIPPED: Pulumi component tests and the Pulumi program build: the configured NuGet sources do not serve"
    echo "         ${missing//,/, } (pinned in Directory.Packages.props). Add the NuGet source your site uses for"
    echo "         Pulumi packages (e.g. nuget.org) to run them."
  else
    cat "$restore_log"
    echo "FAILED: restore of the Pulumi projects failed for a reason other than a missing Pulumi package"
    failures+=("restore of the Pulumi projects")
    status=1
  fi
fi

echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $status -ne 0 ]]; then
  echo "FAILED: $(printf '%s; ' "${failures[@]}" | sed 's/; $//') (see above)"
fi
exit $status
