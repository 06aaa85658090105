#!/usr/bin/env bash
# The dashboard in a real browser: headless Chromium loads GET /_fake/ui of a fake that holds
# resources, and a dataset's page of records, and the tests check the DOM it builds, click the
# clock control (over the DevTools protocol) under the page's CSP, and take a screenshot, which CI keeps in
# .ci/out/ (ignored by git). Chromium is Debian's package: installed here when missing; where
# it cannot be installed (not root, no apt-get, no registry) the step says so and skips.
set -euo pipefail
cd "$(dirname "$0")/../.."

browser=""
for name in chromium chromium-browser google-chrome; do
	if command -v "$name" >/dev/null; then browser=$(command -v "$name"); break; fi
done
if [ -z "$browser" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "installing Debian's chromium"
		if timeout 900 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 1200 apt-get install -y -qq chromium >/tmp/awsfake-chromium-install.log 2>&1; then
			browser=$(command -v chromium || true)
		else
			tail -20 /tmp/awsfake-chromium-install.log || true
		fi
	fi
fi
if [ -z "$browser" ]; then
	echo "SKIP: no Chromium and it could not be installed here; the browser test did not run"
	exit 0
fi
"$browser" --version || true

mkdir -p .ci/out
out=$(AWSFAKE_SCREENSHOT_DIR="$PWD/.ci/out" timeout 600 go test -count=1 -run 'InBrowser$' -v ./fake 2>&1) || { echo "$out"; exit 1; }
echo "$out" | tail -5
for test in TestDashboardInBrowser TestDashboardClockControlInBrowser; do
	if ! grep -q -- "--- PASS: $test " <<<"$out"; then
		echo "$test did not pass (skipped?) although Chromium is installed"
		exit 1
	fi
done
ls -l .ci/out/dashboard.png
