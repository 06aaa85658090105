package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestMain lets a test run the command as a process of its own (the test binary, re-run with
// AWSFAKE_RUN_MAIN set), for what only a process shows: signals, kill -9, a lock held by
// another process.
func TestMain(m *testing.M) {
	if os.Getenv("AWSFAKE_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// process is the command running as a child process.
type process struct {
	cmd    *exec.Cmd
	url    string
	stderr chan string // its standard error, line by line
}

// startProcess starts the command with args and waits for its URL; the process is killed when
// the test ends, and every wait on it is bounded.
func startProcess(t *testing.T, args ...string) *process {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // bounded, with room for a loaded CI machine
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), "AWSFAKE_RUN_MAIN=1")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	errPipe, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	p := &process{cmd: cmd, stderr: make(chan string, 1000)}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	go func() {
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			p.stderr <- sc.Text()
		}
		close(p.stderr)
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err, "the server printed no URL")
	p.url = strings.TrimSpace(line)
	return p
}

// waitFor reads the process's standard error until a line contains want, and returns it; it
// fails when the process ends first.
func (p *process) waitFor(t *testing.T, want string) string {
	t.Helper()
	for line := range p.stderr {
		if strings.Contains(line, want) {
			return line
		}
	}
	t.Fatalf("the process ended without printing %q", want)
	return ""
}
