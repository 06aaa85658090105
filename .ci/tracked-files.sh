#!/usr/bin/env bash
# Fails when a file tracked by git is over 1 MiB or is a compiled executable (ELF, Mach-O or PE,
# known by its first bytes, so no `file` command is needed): build outputs and bulky data stay
# out of the repository, where every clone would download them forever.
# Usage: tracked-files.sh [REPO_DIR] (default: this repository).
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
export LC_ALL=C # bytes, not characters

limit=$((1024 * 1024))

# kind FILE sets k to the executable format of FILE, or to nothing. The first four bytes are
# read with the shell's own read (none of the magic numbers holds a NUL byte), so the common
# case starts no process.
kind() {
	local magic=
	k=
	IFS= read -r -n 4 -d '' magic <"$1" || true
	case $magic in
	$'\x7fELF') k=ELF ;;
	$'\xfe\xed\xfa\xce' | $'\xfe\xed\xfa\xcf' | $'\xce\xfa\xed\xfe' | $'\xcf\xfa\xed\xfe') k=Mach-O ;;
	$'\xca\xfe\xba\xbe' | $'\xca\xfe\xba\xbf') k="Mach-O universal (or a Java class)" ;;
	MZ*)
		# MZ alone could start a text file; a PE image has "PE\0\0" where the little-endian
		# word at 0x3c points.
		local at
		at=$(od -An -v -tx1 -j 60 -N 4 -- "$1" 2>/dev/null | tr -d ' \n') || true
		[ ${#at} -eq 8 ] || return 0
		at=$((16#${at:6:2}${at:4:2}${at:2:2}${at:0:2}))
		[ "$(od -An -v -tx1 -j "$at" -N 4 -- "$1" 2>/dev/null | tr -d ' \n')" != 50450000 ] || k=PE
		;;
	esac
	return 0
}

bad=0
files=()
while IFS= read -r -d '' path; do
	[ -f "$path" ] && [ ! -L "$path" ] || continue
	files+=("./$path")
	kind "$path"
	if [ -n "$k" ]; then
		echo "$path: a compiled executable ($k)"
		bad=1
	fi
done < <(git ls-files -z)

# One find for all sizes (xargs splits a list too long for one command line).
while IFS= read -r -d '' path; do
	echo "${path#./}: $(($(wc -c <"$path") + 0)) bytes, over the 1 MiB limit for a tracked file"
	bad=1
done < <([ ${#files[@]} -eq 0 ] || printf '%s\0' "${files[@]}" |
	xargs -0 sh -c 'find "$@" -prune -type f -size +'"$limit"'c -print0' sh)

if [ "$bad" -ne 0 ]; then
	echo "remove these from git (git rm --cached) and ignore build outputs in .gitignore"
	exit 1
fi
echo "no tracked file over 1 MiB, no executable"
