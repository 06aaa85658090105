#!/usr/bin/env bash
# Checks tracked-files.sh on a scratch repository: each kind of offending file is reported,
# and ordinary files (a text file that happens to start with "MZ" among them) are not.
set -euo pipefail
check=$(cd "$(dirname "$0")" && pwd)/tracked-files.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
git init -q .

# bytes FILE HEX... writes the given bytes.
bytes() {
	local f=$1
	shift
	printf "$(printf '\\x%s' "$@")" >"$f"
}

fail=0
expect() { # expect WANT (clean|flagged) FILE
	local out status=0
	git add -A
	out=$(bash "$check" "$dir" 2>&1) || status=$?
	case $1 in
	clean) [ "$status" -eq 0 ] || { echo "FAIL: $2 flagged: $out"; fail=1; } ;;
	flagged) [ "$status" -ne 0 ] && grep -q "^$2:" <<<"$out" || { echo "FAIL: $2 not flagged: $out"; fail=1; } ;;
	esac
	git rm -q --cached -- "$2" && rm -f -- "$2"
}

echo 'package main' >main.go
git add main.go
printf 'MZ is a fine start for a text file\n' >mz.txt && expect clean mz.txt
head -c $((1024 * 1024)) /dev/zero >exactly-1MiB.bin && expect clean exactly-1MiB.bin
head -c $((1024 * 1024 + 1)) /dev/zero >big.bin && expect flagged big.bin
bytes elf 7f 45 4c 46 02 01 01 00 && expect flagged elf
bytes macho cf fa ed fe 07 00 00 01 && expect flagged macho
bytes macho32be fe ed fa ce 00 00 00 07 && expect flagged macho32be
bytes fat ca fe ba be 00 00 00 02 && expect flagged fat
{
	printf 'MZ'
	head -c 58 /dev/zero
	printf '\x40\x00\x00\x00' # e_lfanew = 0x40
	printf 'PE\0\0'
} >app.exe && expect flagged app.exe
{
	printf 'MZ'
	head -c 58 /dev/zero
	printf '\x40\x00\x00\x00'
	printf 'NOPE'
} >mz-not-pe && expect clean mz-not-pe
printf 'x' >tiny && expect clean tiny

[ "$fail" -eq 0 ] && echo "tracked-files.sh: every case as expected"
exit "$fail"
