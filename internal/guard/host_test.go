package guard

import (
	"errors"
	"net"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestListenHosts(t *testing.T) {
	t.Parallel()
	ifaces := func() ([]net.Addr, error) {
		return []net.Addr{
			&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: net.CIDRMask(8, 32)},
			&net.IPNet{IP: net.ParseIP("172.17.0.2"), Mask: net.CIDRMask(16, 32)},
			&net.IPNet{IP: net.ParseIP("::1"), Mask: net.CIDRMask(128, 128)},
			&net.IPNet{IP: net.ParseIP("fe80::42:acff:fe11:2"), Mask: net.CIDRMask(64, 128)},
		}, nil
	}
	host := func() (string, error) { return "D3ADB33F", nil }
	noIfaces := func() ([]net.Addr, error) { return nil, errors.New("no interfaces") }
	noHost := func() (string, error) { return "", errors.New("no name") }
	every := []string{"0.0.0.0", "172.17.0.2", "::", "d3adb33f", "fe80::42:acff:fe11:2"}
	for _, tc := range []struct {
		name   string
		addr   net.Addr
		ifaces func() ([]net.Addr, error)
		host   func() (string, error)
		want   []string
	}{
		{"IPv4 loopback", &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 4599}, ifaces, host, nil},
		{"IPv6 loopback", &net.TCPAddr{IP: net.ParseIP("::1"), Port: 4599}, ifaces, host, nil},
		{"one address", &net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 4599}, ifaces, host, []string{"192.168.1.5"}},
		{"every IPv4 address", &net.TCPAddr{IP: net.IPv4zero, Port: 4599}, ifaces, host, every},
		{"every address", &net.TCPAddr{IP: net.IPv6unspecified, Port: 4599}, ifaces, host, every},
		{"no IP", &net.TCPAddr{Port: 4599}, ifaces, host, every},
		{"nothing known about the machine", &net.TCPAddr{Port: 4599}, noIfaces, noHost, []string{"0.0.0.0", "::"}},
		{"not TCP", &net.UnixAddr{Name: "/tmp/x", Net: "unix"}, ifaces, host, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if d := cmp.Diff(tc.want, listenHosts(tc.addr, tc.ifaces, tc.host)); d != "" {
				t.Fatalf("listenHosts (-want +got):\n%s", d)
			}
		})
	}
}

// What ListenHosts gives for a wildcard listener is accepted by a guard built with it.
func TestListenHostsAreServed(t *testing.T) {
	t.Parallel()
	hosts := listenHosts(&net.TCPAddr{Port: 4599}, func() ([]net.Addr, error) {
		return []net.Addr{&net.IPNet{IP: net.ParseIP("172.17.0.2")}}, nil
	}, func() (string, error) { return "box", nil })
	g := newGuard(t, Config{AllowHosts: hosts})
	for _, h := range []string{"172.17.0.2:4599", "0.0.0.0:4599", "[::]:4599", "BOX:4599"} {
		probe{host: h, status: 200}.check(t, g)
	}
	probe{host: "other:4599", status: 403, mention: "-allow-host"}.check(t, g)
}
