package quickstart_test

import (
	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// The imports README's "Get it" shows, kept compiling.
var (
	_ = fake.New
	_ = scenario.New
)
