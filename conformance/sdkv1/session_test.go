package sdkv1

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/personalize"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// caBundle writes a self-signed CA certificate as PEM to a file of the test's and returns
// its path, for AWS_CA_BUNDLE.
func caBundle(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "awsfake test CA"},
		NotBefore:             time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	return path
}

// otherTransport is an http.RoundTripper that is not an *http.Transport, as f.HTTPClient's
// was before it became one.
type otherTransport struct{ http.RoundTripper }

// The obvious usage, session.NewSession(&aws.Config{HTTPClient: f.HTTPClient()}), works with
// and without AWS_CA_BUNDLE, for sessions made at the same time (run it under -race: a
// session writes the bundle into its client's transport). The other transport shows that
// the bundle is really read where it is set and ignored where it is empty.
func TestSessionOnHTTPClient(t *testing.T) {
	bundle := caBundle(t)
	cases := []struct {
		name      string
		bundle    string
		client    func(f *fake.Fake) *http.Client
		wantErr   string // from session.NewSession
		wantRoots bool   // the session wrote the bundle into the transport
	}{
		{"f.HTTPClient, AWS_CA_BUNDLE set", bundle, (*fake.Fake).HTTPClient, "", true},
		{"f.HTTPClient, AWS_CA_BUNDLE empty", "", (*fake.Fake).HTTPClient, "", false},
		{"another transport, AWS_CA_BUNDLE set", bundle, func(f *fake.Fake) *http.Client {
			return &http.Client{Transport: otherTransport{f.HTTPClient().Transport}}
		}, "LoadCustomCABundleError", false},
		{"another transport, AWS_CA_BUNDLE empty (the SDK ignores it)", "", func(f *fake.Fake) *http.Client {
			return &http.Client{Transport: otherTransport{f.HTTPClient().Transport}}
		}, "", false},
	}
	const sessions = 8
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("AWS_CA_BUNDLE", c.bundle)
			f := fake.ForTest(t, fake.WithQuota(fake.DatasetGroups, sessions))
			errs := make([]error, sessions)
			var wg sync.WaitGroup
			for i := range sessions {
				wg.Go(func() {
					errs[i] = createOnNewSession(f, c.client(f), c.wantRoots, fmt.Sprintf("g%d", i))
				})
			}
			wg.Wait()
			for i, err := range errs {
				if c.wantErr != "" {
					require.ErrorContains(t, err, c.wantErr, "session %d", i)
					continue
				}
				require.NoError(t, err, "session %d", i)
			}
			if c.wantErr == "" {
				require.Len(t, f.CallsTo("personalize", "CreateDatasetGroup"), sessions)
			}
		})
	}
}

// createOnNewSession makes a session on client, checks whether it holds the CA bundle, and
// creates one dataset group through it.
func createOnNewSession(f *fake.Fake, client *http.Client, wantRoots bool, name string) error {
	sess, err := session.NewSession(&aws.Config{
		HTTPClient:  client,
		Region:      aws.String(f.Region()),
		Endpoint:    aws.String("http://awsfake.invalid"),
		Credentials: credentials.NewStaticCredentials(f.Account(), "awsfake", ""),
	})
	if err != nil {
		return err
	}
	if tr, ok := sess.Config.HTTPClient.Transport.(*http.Transport); ok {
		if got := tr.TLSClientConfig != nil && tr.TLSClientConfig.RootCAs != nil; got != wantRoots {
			return fmt.Errorf("the session's transport holds the CA bundle: %v, want %v", got, wantRoots)
		}
	}
	_, err = personalize.New(sess).CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String(name)})
	return err
}

// The same through session.Must in parallel tests, as a user writes them, on the machine's
// own environment (AWS_CA_BUNDLE is set on the machines this project runs on).
func TestSessionMustInParallelTests(t *testing.T) {
	t.Parallel()
	for i := range 4 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			f := fake.ForTest(t)
			pz := personalize.New(session.Must(session.NewSession(&aws.Config{
				HTTPClient:  f.HTTPClient(),
				Region:      aws.String(f.Region()),
				Endpoint:    aws.String("http://awsfake.invalid"),
				Credentials: credentials.NewStaticCredentials(f.Account(), "awsfake", ""),
			})))
			_, err := pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
			require.NoError(t, err)
		})
	}
}
