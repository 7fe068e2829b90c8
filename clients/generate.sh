#!/usr/bin/env bash
# Generates a typed client of the content API from a running site's OpenAPI description, with the generator each
# language's developers use: python (openapi-python-client), typescript (openapi-typescript, for openapi-fetch) or
# java (openapi-generator, Java 11+ HttpClient and Jackson). The pinned generators are installed on first use (and
# again when their pins change) under clients/.tools (Python), clients/typescript/node_modules (npm, with the
# linters the tests run) and ~/.m2 (the generator's jar); everything they print goes to the
# standard error, where the tests look for warnings.
#
#   clients/generate.sh python|typescript|java SCHEMA_URL OUTPUT_DIR
set -euo pipefail
language="$1" schema_url="$2" out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/.tools"
mkdir -p "$tools" "$out"
schema="$out/openapi.json"
curl -fsS "$schema_url" -o "$schema"

case "$language" in
python)
    stamp="$tools/python/installed-$(sha1sum "$here/python/requirements.txt" | cut -c1-12)"
    if [ ! -f "$stamp" ]; then
        python3 -m venv "$tools/python"
        "$tools/python/bin/pip" install --quiet --disable-pip-version-check -r "$here/python/requirements.txt"
        touch "$stamp"
    fi
    # ruff (a dependency of the generator) formats the code it writes
    PATH="$tools/python/bin:$PATH" "$tools/python/bin/openapi-python-client" generate --path "$schema" \
        --config "$here/python/generator.yaml" --output-path "$out/harmony_api" --meta none --overwrite >&2
    ;;
typescript)
    stamp="$here/typescript/node_modules/installed-$(sha1sum "$here/typescript/package-lock.json" | cut -c1-12)"
    [ -f "$stamp" ] || (cd "$here/typescript" && npm ci --no-audit --no-fund --loglevel=error >&2 && touch "$stamp")
    "$here/typescript/node_modules/.bin/openapi-typescript" "$schema" --output "$out/schema.d.ts" >&2
    ;;
java)
    version=7.17.0
    jar="$HOME/.m2/repository/org/openapitools/openapi-generator-cli/$version/openapi-generator-cli-$version.jar"
    [ -f "$jar" ] || mvn -q dependency:get -Dartifact="org.openapitools:openapi-generator-cli:$version" >&2
    java -jar "$jar" generate --input-spec "$schema" --generator-name java --library native --output "$out" \
        --api-package org.harmony.api.client --model-package org.harmony.api.model \
        --invoker-package org.harmony.api --group-id org.harmony --artifact-id harmony-api-client \
        --additional-properties=openApiNullable=false,hideGenerationTimestamp=true,useJakartaEe=true >&2
    ;;
*)
    echo "usage: $0 python|typescript|java SCHEMA_URL OUTPUT_DIR" >&2
    exit 2
    ;;
esac
