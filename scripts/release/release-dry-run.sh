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
log=$(mktemp)
if ! pnpm -r --filter "./packages/*" publish --dry-run --no-git-checks >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
published=$(grep -E '^\+ @authsignal-ts/' "$log" || true)
if [ -z "$published" ]; then
  cat "$log" >&2
  echo "release dry run: pnpm publish --dry-run named no package" >&2
  exit 1
fi
# pnpm publishes what is not private; scripts/spec/apis.ts reads the same from each package.json and checks that every client package is public.
expected=$(node --input-type=module -e 'const { loadPublicPackages } = await import("./scripts/spec/apis.ts");
console.log((await loadPublicPackages()).map((name) => `@authsignal-ts/${name}`).join("\n"));' | sort)
actual=$(echo "$published" | sed -E 's/^\+ (@authsignal-ts\/[^@]+)@.*/\1/' | sort)
if [ "$actual" != "$expected" ]; then
  echo "release dry run: pnpm would publish $(echo $actual), but the packages/ manifests make $(echo $expected) the public packages" >&2
  exit 1
fi
echo "release dry run: would publish"
echo "$published"
for changelog in packages/*/CHANGELOG.md; do echo "--- $changelog"; head -8 "$changelog"; done
