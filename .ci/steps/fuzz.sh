# Each fuzz target for a bounded time (FUZZTIME, default 15s); the interesting inputs found so
# far live in each package's testdata/fuzz and also run as plain tests.
t=${FUZZTIME:-15s}
for target in \
	fake/internal/wire:FuzzWireRequest \
	fake/internal/wire:FuzzDecode \
	fake/internal/engine:FuzzCreateAction \
	fake/internal/engine:FuzzCreateEventTracker \
	fake/internal/model:FuzzFastPatterns; do
	pkg=${target%%:*}
	name=${target#*:}
	echo "-- $name ($t)"
	go test -run '^$' -fuzz "^${name}\$" -fuzztime "$t" "./$pkg" 2>&1 | tail -n 3
	[ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
done
