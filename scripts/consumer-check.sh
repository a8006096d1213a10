#!/usr/bin/env bash
# Consumer check: how users meet the library. Packs eventform, installs the tarball into fresh temporary projects
# with only one engine each, compiles a TypeScript program that imports that entry point (strict, node16
# resolution through the exports map) and runs it:
#   aws   -> aws-cdk-lib + constructs only; synthesizes a CloudFormation template
#   gcp   -> cdktf + @cdktf/provider-google (+ constructs) only; synthesizes Terraform JSON
#   kafka -> @pulumi/pulumi + @pulumi/kafka only; registers resources under Pulumi's mock runtime
# and checks that no other engine was installed next to it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/eventform-consumer.XXXXXX)
trap 'rm -rf "$work"' EXIT

ver() { node -p "require('$root/package-lock.json').packages['node_modules/$1'].version"; }

echo "consumer: building and packing eventform"
npm run -s build
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
tarball="$work/$tarball"

check() {
  local engine=$1; shift
  local deps=("$@")
  local dir="$work/$engine"
  mkdir -p "$dir"
  cp "$root/scripts/consumer/$engine.ts" "$dir/main.ts"
  cat > "$dir/package.json" <<JSON
{ "name": "consumer-$engine", "version": "1.0.0", "private": true }
JSON
  cat > "$dir/tsconfig.json" <<JSON
{ "compilerOptions": { "target": "ES2022", "module": "node16", "moduleResolution": "node16", "strict": true,
  "esModuleInterop": true, "skipLibCheck": false, "types": ["node"], "outDir": "out" }, "files": ["main.ts"] }
JSON
  local specs=("$tarball" "typescript@$(ver typescript)" "@types/node@$(ver @types/node)")
  for d in "${deps[@]}"; do specs+=("$d@$(ver "$d")"); done
  local t0=$SECONDS
  (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --loglevel=error "${specs[@]}" >/dev/null)
  for other in aws-cdk-lib cdktf @cdktf/provider-google @pulumi/pulumi @pulumi/kafka; do
    if [[ ! " ${deps[*]} " =~ " $other " ]] && [ -d "$dir/node_modules/$other" ]; then
      echo "consumer $engine: FAILED: $other was installed although the program only uses eventform/$engine" >&2
      return 1
    fi
  done
  (cd "$dir" && npx tsc -p tsconfig.json)
  (cd "$dir" && CDK_VALIDATION=false CHECKPOINT_DISABLE=1 node out/main.js)
  echo "consumer $engine: ok ($((SECONDS - t0)) s)"
}

# Optional arguments pick the entry points to check (default: all three).
selected=" ${*:-aws gcp kafka} "
[[ $selected == *" aws "* ]] && check aws aws-cdk-lib constructs
[[ $selected == *" gcp "* ]] && check gcp cdktf constructs @cdktf/provider-google
[[ $selected == *" kafka "* ]] && check kafka @pulumi/pulumi @pulumi/kafka
echo "consumer check: all entry points work from the packed tarball"
