# Each fuzz target for a bounded time (FUZZTIME, default 15s); the interesting inputs found so
# far live in each package's testdata/fuzz and also run as plain tests.
t=${FUZZTIME:-15s}
for target in \
	internal/wire:FuzzWireRequest \
	internal/wire:FuzzDecode \
	internal/engine:FuzzCreateAction \
	internal/engine:FuzzCreateArtifact \
	internal/engine:FuzzCreateEventTracker \
	internal/engine:FuzzCreateSchema \
	internal/engine:FuzzMetricExpression \
	internal/engine:FuzzBatchInput \
	internal/engine:FuzzQueryLineage \
	internal/engine:FuzzSearchMatchesAScan \
	internal/search:FuzzSearchExpression \
	internal/model:FuzzFastPatterns \
	internal/pzfilter:FuzzFilterExpression \
	internal/csvimport:FuzzCSVImport \
	internal/recommend:FuzzRecommend \
	fake:FuzzScenarioJSON \
	fake:FuzzRuntimeRequest; do
	pkg=${target%%:*}
	name=${target#*:}
	echo "-- $name ($t)"
	out=$(mktemp)
	# Minimizing a new input may take 60 s by default, during which nothing else is fuzzed and
	# the run's end can cut it off; a bounded CI run keeps it short.
	if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$t" -fuzzminimizetime 2s "./$pkg" >"$out" 2>&1; then
		tail -n 3 "$out"
	elif grep -q 'context deadline exceeded' "$out" && ! grep -q 'Failing input written' "$out"; then
		# Go's fuzz coordinator can report its own -fuzztime deadline as a failure when a
		# loaded machine slows a worker's shutdown (go.dev/issue/75804, fixed in Go 1.27): no
		# input failed, so this is not a finding.
		echo "fuzzing ended on Go's deadline race (go.dev/issue/75804); no input failed"
	else
		# The whole output, progress lines aside: the failure and the input it wrote.
		grep -v '^fuzz: elapsed' "$out"
		rm -f "$out"
		exit 1
	fi
	rm -f "$out"
done
