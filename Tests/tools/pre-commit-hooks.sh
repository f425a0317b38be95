#!/usr/bin/env bash
# The hooks in .pre-commit-hooks.yaml, run by PyPI's pre-commit on a sample repository of
# journeys: a commit with a journey that has a finding, or that `polku fmt` would change, is
# refused with the reason; fixed, it goes through.
#
#   Tests/tools/pre-commit-hooks.sh POLKU_BINARY
#
# It uses the `*-installed` hooks (the polku given, on PATH), since the `language: swift`
# hooks would build Polku again; both kinds run the same commands. Needs network access to
# PyPI once (pre-commit is installed into the virtual environment under .build/ that
# scripts/test makes).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
polku=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
venv=.build/python-tools
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pre-commit
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The hooks as committed: pre-commit clones the repository at a revision.
rev=$(git rev-parse HEAD)
mkdir -p "$work/bin" "$work/sample"
ln -s "$polku" "$work/bin/polku"
export PATH="$work/bin:$PATH" POLKU_LANG=en PRE_COMMIT_HOME="$work/cache"
cd "$work/sample"
git init -q
git config user.email test@example.invalid
git config user.name test
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: polku-check-installed
      - id: polku-fmt-installed
EOF
cp "$root/Examples/book-tipping.polku" good.polku
git add . && git commit -qm "a good journey"

failures=0
expect() {  # expect STATUS WHAT OUTPUT-PATTERN
  local want=$1 what=$2 pattern=$3 got=0
  "$root/$venv/bin/pre-commit" run --all-files > "$work/out" 2>&1 || got=$?
  if [ "$got" -eq "$want" ] && grep -q -- "$pattern" "$work/out"; then
    echo "ok    $what"
  else
    echo "FAIL  $what (exit $got, wanted $want, looked for: $pattern)"
    cat "$work/out"
    failures=$((failures + 1))
  fi
}

expect 0 "a good journey passes both hooks" "polku check.*Passed"
# A step without its recommendation: a finding, so polku check --strict refuses it.
awk '/recommend:/ && !done { done = 1; next } { print }' good.polku > finding.polku
git add finding.polku
expect 1 "a journey with a finding is refused, with the finding" "missing-recommendation"
cp good.polku finding.polku
git add finding.polku
expect 0 "fixed, it passes" "polku fmt --check.*Passed"
# Untidy: polku fmt would change it; the hook shows how.
sed -i 's/^journey: /journey:    /' finding.polku
git add finding.polku
expect 1 "an untidy journey is refused with the change polku fmt would make" "+journey: Book-tipping evening"
if [ "$failures" -gt 0 ]; then
  echo "$failures failed"
  exit 1
fi
echo "every check passed"
