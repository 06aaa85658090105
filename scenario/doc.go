// Package scenario describes what a fake should do besides behaving like AWS: faults to
// inject into matching calls, and resources to put in place before a test starts. A scenario
// is data; package fake interprets it (fake imports scenario, never the reverse).
package scenario
