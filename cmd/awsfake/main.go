// Command awsfake serves the fake's wire door on a socket, for boto3, the AWS CLI and SDKs in
// any language:
//
//	go run ./cmd/awsfake                          # http://127.0.0.1:4599
//	go run ./cmd/awsfake -addr 127.0.0.1:0 -clock manual -state fake.json
//
// The first line on standard output is the base URL (http://127.0.0.1:PORT); point a client's
// endpoint URL at it, or open it in a browser for the dashboard. Control endpoints are under
// /_fake/ (see package fake). It serves the handler f.Handler() gives a Go test, built from the
// internal packages alone: no AWS SDK is compiled into it.
//
// It is safe next to a browser: requests whose Host is not loopback (or a host given with
// -allow-host) and requests a browser marks as sent by another site (unless its origin is
// given with -cors-origin) are refused, and state-changing control endpoints take
// application/json only. With -state it keeps its state in a file that it checks at start,
// locks against a second server, and saves atomically every -state-interval, on SIGHUP and at
// exit.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/control"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/guard"
	"github.com/awsfake/awsfake/internal/server"
	"github.com/awsfake/awsfake/internal/statefile"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr, nil); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "awsfake:", err)
		}
		os.Exit(2)
	}
}

// DefaultAddr is where the server listens unless -addr says otherwise.
const DefaultAddr = "127.0.0.1:4599"

// options are the command's flags.
type options struct {
	addr          string
	clock         string
	account       string
	region        string
	seed          uint64
	maxBody       int64
	maxControl    int64
	shutdown      time.Duration
	creds         string
	slow          time.Duration
	quotas        quotaFlags
	state         string
	stateInterval time.Duration
	callLog       int
	callLogBytes  int
	allowHosts    listFlag
	corsOrigins   listFlag
	objects       string // -objects: what dataset import jobs read
	small         bool   // -small-datasets
}

// listFlag is a repeatable flag of strings.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// quotaFlags are the -quota flags, NAME=N each, in the order given (a later one wins).
type quotaFlags []quotaFlag

type quotaFlag struct {
	kind string
	n    int
}

func (q *quotaFlags) String() string {
	parts := make([]string, len(*q))
	for i, f := range *q {
		parts[i] = f.kind + "=" + strconv.Itoa(f.n)
	}
	return strings.Join(parts, " ")
}

// Set takes one NAME=N. The kind is checked with the other settings, with the list of kinds in
// its error.
func (q *quotaFlags) Set(v string) error {
	kind, n, ok := strings.Cut(v, "=")
	num, err := strconv.Atoi(n)
	if !ok || kind == "" || err != nil {
		return fmt.Errorf("want NAME=N, such as actions=100000, not %q", v)
	}
	*q = append(*q, quotaFlag{kind, num})
	return nil
}

// quotaUsage lists the kinds of resources and their default quotas for -help: per account and
// Region, then those counted per dataset group and those counting only what is being created.
func quotaUsage() string {
	var kinds, parents, creating []string
	within := map[string][]string{} // by the kind they count within
	for _, r := range catalog.Resources {
		switch q := r.Name + "=" + strconv.Itoa(r.Quota); {
		case r.Quota == 0:
		case r.Within != "":
			if within[r.Within] == nil {
				parents = append(parents, r.Within)
			}
			within[r.Within] = append(within[r.Within], q)
		case r.Creating:
			creating = append(creating, q)
		default:
			kinds = append(kinds, q)
		}
	}
	usage := "a kind's quota per account and Region (tags: per resource), as `NAME=N`; repeat it for more kinds; 0 lifts it " +
		"(defaults, AWS's: " + strings.Join(kinds, ", ")
	for _, p := range parents {
		usage += "; per " + strings.ReplaceAll(strings.TrimSuffix(p, "s"), "-", " ") + ": " + strings.Join(within[p], ", ")
	}
	return usage + "; of those being created: " + strings.Join(creating, ", ") + ")"
}

func parse(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("awsfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", DefaultAddr, "host:port to listen on (port 0 picks a free one); off loopback, see -allow-host")
	fs.StringVar(&o.clock, "clock", "real", "real, or manual: time moves only by POST /_fake/clock/advance")
	fs.StringVar(&o.account, "account", "", "default account (default 123456789012)")
	fs.StringVar(&o.region, "region", "", "default Region (default us-east-1)")
	fs.Uint64Var(&o.seed, "seed", 0, "seed for generated ids (0: random)")
	fs.Int64Var(&o.maxBody, "max-body", 1<<20, "largest AWS request body accepted, in bytes")
	fs.Int64Var(&o.maxControl, "max-control-body", control.DefaultMaxBody, "largest body a control endpoint reads (a scenario, a state document), in bytes")
	fs.DurationVar(&o.shutdown, "shutdown-timeout", 10*time.Second, "how long in-flight requests may finish on SIGINT or SIGTERM")
	fs.DurationVar(&o.slow, "read-header-timeout", 5*time.Second, "how long a client may take to send a request's headers (read and write timeouts are six times this)")
	fs.Var(&o.quotas, "quota", quotaUsage())
	fs.StringVar(&o.state, "state", "", "keep the fake's state in this `FILE` (the JSON of GET /_fake/state): loaded at start when it exists, "+
		"saved every -state-interval, on SIGHUP and at exit; locked, so no second server uses it")
	fs.DurationVar(&o.stateInterval, "state-interval", statefile.DefaultInterval, "how often -state is saved when the state changed (a kill -9 loses at most this much)")
	fs.IntVar(&o.callLog, "call-log", engine.DefaultCallLogLimit, "how many of the newest calls the call log keeps (GET /_fake/calls, the dashboard); 0: none")
	fs.IntVar(&o.callLogBytes, "call-log-bytes", engine.DefaultCallLogBytes, "about how many bytes the call log keeps at most; its oldest calls go first")
	fs.Var(&o.allowHosts, "allow-host", "also serve requests whose Host is this `NAME` (a Compose service name, a LAN name); repeat it for more")
	fs.Var(&o.corsOrigins, "cors-origin", "let a browser app at this `ORIGIN` (such as http://localhost:3000) call the fake, with CORS; repeat it for more")
	fs.StringVar(&o.objects, "objects", "", "the directory dataset import jobs read objects from: s3://bucket/key is DIR/bucket/key (default: none, so imports fail as from a wrong location)")
	fs.BoolVar(&o.small, "small-datasets", false, "let imports and training take fewer rows than AWS's minimums (1,000 interactions; 25 users with two or more)")
	fs.StringVar(&o.creds, "credentials", "", "check SigV4 signatures against these keys: AKID:SECRET[,AKID:SECRET...] (default: no checking)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	switch {
	case o.clock != "real" && o.clock != "manual":
		return o, fmt.Errorf("-clock must be real or manual, not %q", o.clock)
	case o.stateInterval <= 0:
		return o, fmt.Errorf("-state-interval must be positive, not %v", o.stateInterval)
	case o.callLog < 0:
		return o, fmt.Errorf("-call-log must not be negative (0 keeps no calls), not %d", o.callLog)
	case o.callLogBytes <= 0:
		return o, fmt.Errorf("-call-log-bytes must be positive, not %d", o.callLogBytes)
	}
	return o, nil
}

// run serves until SIGINT or SIGTERM arrives, or stop (when given) is closed, and then drains
// in-flight requests. The base URL is the first line it writes to stdout.
func run(args []string, stdout, stderr io.Writer, stop <-chan struct{}) error {
	o, err := parse(args, stderr)
	if err != nil {
		return err
	}
	cfg, err := o.config()
	if err != nil {
		return err
	}
	var file *statefile.File
	if o.state != "" {
		// Before listening: a bad path or a file in use fails at once, not at shutdown.
		if file, err = statefile.Open(o.state); err != nil {
			return fmt.Errorf("-state: %w", err)
		}
		defer file.Close()
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("-addr: %w", err)
	}
	defer ln.Close()
	cfg.AllowHosts = append(cfg.AllowHosts, guard.ListenHosts(ln.Addr())...)
	return o.serve(server.New(cfg), ln, file, stdout, stderr, stop)
}

// serve loads the state file (when there is one), prints the URL and the banner, and serves on
// ln until a signal or stop, saving the state on its period, on SIGHUP and at the end.
func (o options) serve(f *server.Server, ln net.Listener, file *statefile.File, stdout, stderr io.Writer, stop <-chan struct{}) error {
	url := "http://" + ln.Addr().String()
	loaded := ""
	var saver *statefile.Saver
	if file != nil {
		var err error
		if loaded, err = loadState(f, file); err != nil {
			return err
		}
		_ = file.Announce(url) // only for a second server's message
		if saver, err = newSaver(f, file, o.stateInterval, stderr); err != nil {
			return err
		}
	}
	// Listen for signals before the URL is printed: a supervisor that reads the URL and at
	// once sends SIGTERM must get a drained shutdown, not the default death.
	sig, hup := make(chan os.Signal, 1), make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sig)
	if saver != nil {
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go saver.Run(ctx)
	}
	srv := &http.Server{
		Handler:           f.Handler(),
		ReadHeaderTimeout: o.slow,
		ReadTimeout:       6 * o.slow,
		WriteTimeout:      6 * o.slow,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "awsfake: ", 0),
	}
	fmt.Fprintln(stdout, url)
	o.banner(stderr, f, url, loaded)
	err := serveUntilStopped(srv, ln, sig, hup, stop, stderr, o.shutdown, saver)
	if saver != nil {
		// After the last request was served, so nothing it changed is lost.
		if _, saveErr := saver.SaveNow(); saveErr != nil {
			return errors.Join(err, fmt.Errorf("-state: %w", saveErr))
		}
		fmt.Fprintf(stderr, "awsfake: state saved to %s\n", o.state)
	}
	return err
}

// banner tells a person on the terminal what runs where: the services, the dashboard, what is
// refused, and the state file.
func (o options) banner(w io.Writer, f *server.Server, url, loaded string) {
	signatures := "not checked"
	if o.creds != "" {
		signatures = "checked"
	}
	c := f.Engine.Config()
	fmt.Fprintf(w, "awsfake: serving SageMaker, Personalize and Personalize Events on %s (account %s, Region %s, %s clock, signatures %s)\n",
		url, c.Account, c.Region, o.clock, signatures)
	fmt.Fprintf(w, "awsfake: dashboard: %s/_fake/ui\n", url)
	fmt.Fprintf(w, "awsfake: serving %s (-allow-host, -cors-origin add more)\n", f.Guarding())
	if loaded != "" {
		fmt.Fprintf(w, "awsfake: state: %s\n", loaded)
	}
}

// serveUntilStopped serves on ln until a signal arrives on sig or stop is closed, then lets
// in-flight requests finish for up to grace. SIGHUP (on hup) saves the state and goes on.
func serveUntilStopped(srv *http.Server, ln net.Listener, sig, hup <-chan os.Signal, stop <-chan struct{}, stderr io.Writer, grace time.Duration, saver *statefile.Saver) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
wait:
	for {
		select {
		case err := <-served:
			return err
		case <-hup:
			if _, err := saver.SaveNow(); err != nil {
				fmt.Fprintf(stderr, "awsfake: SIGHUP: %v\n", err)
			} else {
				fmt.Fprintln(stderr, "awsfake: SIGHUP: state saved")
			}
		case s := <-sig:
			fmt.Fprintf(stderr, "awsfake: %v: draining in-flight requests\n", s)
			break wait
		case <-stop:
			break wait
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// config is the server's configuration the flags describe; an error names the flag.
func (o options) config() (server.Config, error) {
	cfg := server.Config{
		Engine: engine.Config{Seed: o.seed, Account: o.account, Region: o.region,
			CallLogLimit: o.callLog, CallLogBytes: o.callLogBytes, SmallDatasets: o.small},
		MaxBody: o.maxBody, MaxControlBody: o.maxControl,
		CheckHost: true, AllowHosts: o.allowHosts, CORSOrigins: o.corsOrigins,
	}
	if o.objects != "" {
		if info, err := os.Stat(o.objects); err != nil || !info.IsDir() {
			return cfg, fmt.Errorf("-objects %s is not a directory", o.objects)
		}
		cfg.Engine.Objects = os.DirFS(o.objects)
	}
	if o.callLog == 0 {
		cfg.Engine.CallLogLimit = -1 // the engine's "none"; its 0 is the default
	}
	if o.clock == "manual" {
		// A manual clock starts at the real time so that timestamps look like real ones.
		clk := clock.NewMock()
		clk.Set(clock.New().Now().UTC().Truncate(time.Second))
		cfg.Engine.Clock = clk
	}
	for _, q := range o.quotas {
		if cfg.Engine.Quotas == nil {
			cfg.Engine.Quotas = map[string]int{}
		}
		cfg.Engine.Quotas[q.kind] = q.n
	}
	if o.creds != "" {
		cfg.Secrets = map[string]string{}
		for _, pair := range strings.Split(o.creds, ",") {
			key, secret, ok := strings.Cut(pair, ":")
			if !ok || key == "" || secret == "" {
				return cfg, fmt.Errorf("-credentials wants AKID:SECRET pairs separated by commas")
			}
			cfg.Secrets[key] = secret
		}
	}
	if err := cfg.Check(); err != nil {
		return cfg, flagError(err)
	}
	return cfg, nil
}

// flagError says a setting's error in the command line's words: the flag and its value, not the
// Go option that sets the same.
func flagError(err error) error {
	var ce *server.ConfigError
	if errors.As(err, &ce) && ce.Flag != "" {
		return fmt.Errorf("%s: %w", ce.Flag, ce.Err)
	}
	return err
}
