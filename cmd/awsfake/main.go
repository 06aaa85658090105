// Command awsfake serves the fake's wire door on a socket, for boto3, the AWS CLI and SDKs in
// any language:
//
//	go run ./cmd/awsfake -addr 127.0.0.1:0 -clock manual
//
// The first line on standard output is the base URL (http://127.0.0.1:PORT); point a client's
// endpoint URL at it. Control endpoints are under /_fake/ (see package fake). It serves the
// handler f.Handler() gives a Go test, built from the internal packages alone: no AWS SDK is
// compiled into it.
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
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/server"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "awsfake:", err)
		os.Exit(2)
	}
}

// options are the command's flags.
type options struct {
	addr     string
	clock    string
	account  string
	region   string
	seed     uint64
	maxBody  int64
	shutdown time.Duration
	creds    string
	slow     time.Duration
	quotas   quotaFlags
	state    string
	objects  string // -objects: what dataset import jobs read
	small    bool   // -small-datasets
}

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
	var kinds, within, creating []string
	for _, r := range catalog.Resources {
		switch q := r.Name + "=" + strconv.Itoa(r.Quota); {
		case r.Quota == 0:
		case r.Within != "":
			within = append(within, q)
		case r.Creating:
			creating = append(creating, q)
		default:
			kinds = append(kinds, q)
		}
	}
	return "a kind's quota per account and Region (tags: per resource), as `NAME=N`; repeat it for more kinds; 0 lifts it " +
		"(defaults, AWS's: " + strings.Join(kinds, ", ") + "; per dataset group: " + strings.Join(within, ", ") +
		"; of those being created: " + strings.Join(creating, ", ") + ")"
}

func parse(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("awsfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:4599", "host:port to listen on (port 0 picks a free one)")
	fs.StringVar(&o.clock, "clock", "real", "real, or manual: time moves only by POST /_fake/clock/advance")
	fs.StringVar(&o.account, "account", "", "default account (default 123456789012)")
	fs.StringVar(&o.region, "region", "", "default Region (default us-east-1)")
	fs.Uint64Var(&o.seed, "seed", 0, "seed for generated ids (0: random)")
	fs.Int64Var(&o.maxBody, "max-body", 1<<20, "largest request body accepted, in bytes")
	fs.DurationVar(&o.shutdown, "shutdown-timeout", 10*time.Second, "how long in-flight requests may finish on SIGINT or SIGTERM")
	fs.DurationVar(&o.slow, "read-header-timeout", 5*time.Second, "how long a client may take to send a request's headers (read and write timeouts are six times this)")
	fs.Var(&o.quotas, "quota", quotaUsage())
	fs.StringVar(&o.state, "state", "", "load the fake's state from this file at start (when it exists) and write it there on shutdown (the JSON of GET /_fake/state)")
	fs.StringVar(&o.objects, "objects", "", "the directory dataset import jobs read objects from: s3://bucket/key is DIR/bucket/key (default: none, so imports fail as from a wrong location)")
	fs.BoolVar(&o.small, "small-datasets", false, "let imports and training take fewer rows than AWS's minimums (1,000 interactions; 25 users with two or more)")
	fs.StringVar(&o.creds, "credentials", "", "check SigV4 signatures against these keys: AKID:SECRET[,AKID:SECRET...] (default: no checking)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if o.clock != "real" && o.clock != "manual" {
		return o, fmt.Errorf("-clock must be real or manual, not %q", o.clock)
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
	f, err := o.server()
	if err != nil {
		return err
	}
	if o.state != "" {
		if err := loadState(f, o.state); err != nil {
			return err
		}
	}
	// Listen for signals before the URL is printed: a supervisor that reads the URL and at
	// once sends SIGTERM must get a drained shutdown, not the default death.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sig)

	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
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
	fmt.Fprintf(stdout, "http://%s\n", ln.Addr())
	signatures := "not checked"
	if o.creds != "" {
		signatures = "checked"
	}
	fmt.Fprintf(stderr, "awsfake: serving SageMaker, Personalize and Personalize Events on http://%s (account %s, Region %s, %s clock, signatures %s)\n",
		ln.Addr(), f.Engine.Config().Account, f.Engine.Config().Region, o.clock, signatures)

	err = serveUntilStopped(srv, ln, sig, stop, stderr, o.shutdown)
	if o.state != "" {
		if saveErr := saveState(f, o.state); saveErr != nil {
			return errors.Join(err, saveErr)
		}
		fmt.Fprintf(stderr, "awsfake: state written to %s\n", o.state)
	}
	return err
}

// serveUntilStopped serves on ln until a signal arrives on sig or stop is closed, then lets
// in-flight requests finish for up to grace.
func serveUntilStopped(srv *http.Server, ln net.Listener, sig <-chan os.Signal, stop <-chan struct{}, stderr io.Writer, grace time.Duration) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case s := <-sig:
		fmt.Fprintf(stderr, "awsfake: %v: draining in-flight requests\n", s)
	case <-stop:
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

// server builds the fake the flags describe.
func (o options) server() (*server.Server, error) {
	cfg := server.Config{Engine: engine.Config{Seed: o.seed, Account: o.account, Region: o.region, SmallDatasets: o.small}, MaxBody: o.maxBody}
	if o.objects != "" {
		if info, err := os.Stat(o.objects); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("-objects %s is not a directory", o.objects)
		}
		cfg.Engine.Objects = os.DirFS(o.objects)
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
				return nil, fmt.Errorf("-credentials wants AKID:SECRET pairs separated by commas")
			}
			cfg.Secrets[key] = secret
		}
	}
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	return server.New(cfg), nil
}
