package fake_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// devtools drives headless Chromium over the DevTools protocol on a pipe
// (--remote-debugging-pipe: commands on its fd 3, answers and events on its fd 4, each a JSON
// message ended by a NUL byte), so that a test can click in a page, not only read its DOM.
type devtools struct {
	t       *testing.T
	in      io.Writer
	mu      sync.Mutex
	next    int
	waiting map[int]chan cdpAnswer
	events  chan string // the methods of the page's events (Page.loadEventFired, ...)
	session string
}

type cdpAnswer struct {
	Result json.RawMessage
	Error  *struct{ Message string }
}

// openDevtools starts Chromium, attaches to a blank page and opens url in it, waiting until it
// has loaded; Chromium is killed when the test ends.
func openDevtools(t *testing.T, browser, url string) *devtools {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	toChrome, ours := io.Pipe()
	cmdIn, cmdInW, err := os.Pipe()
	require.NoError(t, err)
	outR, outW, err := os.Pipe()
	require.NoError(t, err)
	args := append(chromiumFlags(t), "--remote-debugging-pipe", "about:blank")
	cmd := exec.CommandContext(ctx, browser, args...)
	cmd.ExtraFiles = []*os.File{cmdIn, outW} // fd 3 and fd 4
	require.NoError(t, cmd.Start())
	cmdIn.Close()
	outW.Close()
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	go func() { _, _ = io.Copy(cmdInW, toChrome); cmdInW.Close() }()
	// Closed as a person closes it, so that its helper processes are gone before the test's
	// temporary folder (its profile) is removed; killed if it does not close.
	t.Cleanup(func() {
		_, _ = ours.Write([]byte(`{"id": 999999, "method": "Browser.close"}` + "\x00"))
		select {
		case <-exited:
		case <-ctx.Done():
			_ = cmd.Process.Kill()
			<-exited
		}
	})

	d := &devtools{t: t, in: ours, waiting: map[int]chan cdpAnswer{}, events: make(chan string, 256)}
	go d.read(outR)
	var target struct{ TargetID string }
	d.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct{ SessionID string }
	d.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	d.session = attached.SessionID
	d.call(d.session, "Page.enable", map[string]any{}, nil)
	d.call(d.session, "Page.navigate", map[string]any{"url": url}, nil)
	d.waitEvent("Page.loadEventFired")
	return d
}

// read hands each answer to the call waiting for it, and the names of events to events.
func (d *devtools) read(r io.Reader) {
	br := bufio.NewReader(r)
	for {
		msg, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m struct {
			ID     int
			Method string
			cdpAnswer
		}
		if json.Unmarshal(msg[:len(msg)-1], &m) != nil {
			continue
		}
		if m.ID == 0 {
			select {
			case d.events <- m.Method:
			default: // nobody waits for so many
			}
			continue
		}
		d.mu.Lock()
		ch := d.waiting[m.ID]
		delete(d.waiting, m.ID)
		d.mu.Unlock()
		if ch != nil {
			ch <- m.cdpAnswer
		}
	}
}

// call sends one command (to the page's session unless session is "") and decodes its result.
func (d *devtools) call(session, method string, params any, result any) {
	d.t.Helper()
	d.mu.Lock()
	d.next++
	id := d.next
	ch := make(chan cdpAnswer, 1)
	d.waiting[id] = ch
	d.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	b, err := json.Marshal(msg)
	require.NoError(d.t, err)
	_, err = d.in.Write(append(b, 0))
	require.NoError(d.t, err)
	select {
	case a := <-ch:
		require.Nil(d.t, a.Error, "%s", method)
		if result != nil {
			require.NoError(d.t, json.Unmarshal(a.Result, result))
		}
	case <-d.t.Context().Done():
		d.t.Fatalf("no answer to %s", method)
	}
}

// eval runs a script in the page, waits for the promise it returns, and decodes its value. A
// script that throws fails the test with its message.
func (d *devtools) eval(script string, v any) {
	d.t.Helper()
	var out struct {
		Result           struct{ Value json.RawMessage }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	d.call(d.session, "Runtime.evaluate", map[string]any{"expression": script, "awaitPromise": true, "returnByValue": true}, &out)
	if out.ExceptionDetails != nil {
		d.t.Fatalf("the page's script failed: %s %s", out.ExceptionDetails.Text, out.ExceptionDetails.Exception.Description)
	}
	if v != nil {
		require.NoError(d.t, json.Unmarshal(out.Result.Value, v), "%s", out.Result.Value)
	}
}

// loaded waits until the page has loaded (a fresh document after a navigation or a reload).
func (d *devtools) loaded() {
	d.t.Helper()
	d.eval(`new Promise(r => document.readyState === "complete" ? r(true) : addEventListener("load", () => r(true)))`, nil)
}

// text returns the text of the element with id, or fails.
func (d *devtools) text(id string) string {
	d.t.Helper()
	var s string
	d.eval(fmt.Sprintf(`document.getElementById(%q).textContent`, id), &s)
	return s
}

// waitEvent waits for the page to send the event named method.
func (d *devtools) waitEvent(method string) {
	d.t.Helper()
	for {
		select {
		case m := <-d.events:
			if m == method {
				return
			}
		case <-d.t.Context().Done():
			d.t.Fatalf("no %s", method)
		}
	}
}
