package guard

import (
	"fmt"
	"maps"
	"net"
	"net/netip"
	"os"
	"slices"
	"strings"
)

// loopbackHosts is how the banner names what is always served.
var loopbackHosts = []string{"localhost", "*.localhost", "127.0.0.0/8", "[::1]"}

// hostAllowed says whether a Host header names the fake: a loopback name or address, or a
// host it was given. An empty Host (HTTP/1.0) is no browser's, so it is served.
func (g *Guard) hostAllowed(hostport string) bool {
	if hostport == "" || g.cfg.AnyHost {
		return true
	}
	name := canonicalHost(hostport)
	if ip, err := netip.ParseAddr(name); err == nil && ip.Unmap().IsLoopback() {
		return true
	}
	// Browsers resolve localhost and every name under it to loopback themselves (RFC 6761),
	// so no page can rebind them.
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return true
	}
	return g.hosts[name]
}

// canonicalHost is the host of a Host header in lower case, without its port, the brackets of
// an IPv6 address, or the trailing dot of a fully qualified name.
func canonicalHost(hostport string) string {
	name := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		name = h
	}
	name = strings.TrimSuffix(strings.TrimPrefix(name, "["), "]")
	return strings.TrimSuffix(strings.ToLower(name), ".")
}

// parseAllowHost checks one AllowHosts entry and returns it as hostAllowed compares it. A port
// is ignored: the check is about names, which a port does not change.
func parseAllowHost(s string) (string, error) {
	if strings.Contains(s, "/") || strings.TrimSpace(s) != s {
		return "", fmt.Errorf("allowed host %q: want a host name or IP address such as awsfake or 192.168.1.5, without scheme, path or spaces", s)
	}
	name := canonicalHost(s)
	if name == "" || strings.ContainsAny(name, "*?") {
		return "", fmt.Errorf("allowed host %q: want one host name or IP address such as awsfake or 192.168.1.5 (no wildcards)", s)
	}
	if ip, err := netip.ParseAddr(name); err == nil {
		name = ip.Unmap().WithZone("").String()
	}
	return name, nil
}

// ListenHosts returns the hosts a server listening on addr should accept besides loopback,
// for Config.AllowHosts. On a loopback address, none. On one other address (-addr
// 192.168.1.5:4599), that address. On every address (-addr :4599 or 0.0.0.0:4599, as in a
// container), the addresses of the machine's interfaces, the unspecified address itself
// (which browsers send to loopback), and the machine's host name. IP literals are safe (DNS
// rebinding needs a name); the host name is the one name added, because it is the machine's
// own. Anything else, such as a Compose service name, must be allowed by name.
func ListenHosts(addr net.Addr) []string {
	return listenHosts(addr, net.InterfaceAddrs, os.Hostname)
}

func listenHosts(addr net.Addr, interfaces func() ([]net.Addr, error), hostname func() (string, error)) []string {
	ip := addrIP(addr)
	switch {
	case !ip.IsValid() || ip.IsLoopback():
		return nil
	case !ip.IsUnspecified():
		return []string{ip.String()}
	}
	out := []string{"0.0.0.0", "::"}
	if addrs, err := interfaces(); err == nil {
		for _, a := range addrs {
			if ip := addrIP(a); ip.IsValid() && !ip.IsLoopback() {
				out = append(out, ip.String())
			}
		}
	}
	if name, err := hostname(); err == nil && name != "" {
		out = append(out, strings.ToLower(name))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// addrIP is the IP of a listener's or an interface's address, unmapped and without zone.
func addrIP(a net.Addr) netip.Addr {
	var ip net.IP
	switch a := a.(type) {
	case *net.TCPAddr:
		ip = a.IP
	case *net.IPNet:
		ip = a.IP
	case *net.IPAddr:
		ip = a.IP
	default:
		return netip.Addr{}
	}
	if ip == nil {
		// A TCPAddr without IP (":4599") listens on every address.
		return netip.IPv4Unspecified()
	}
	addr, _ := netip.AddrFromSlice(ip)
	return addr.Unmap()
}

// Banner says in one line what the guard serves, for a server's start banner:
// "hosts localhost, *.localhost, 127.0.0.0/8, [::1], awsfake; web origins: none".
func (g *Guard) Banner() string {
	hosts := slices.Sorted(maps.Keys(g.hosts))
	origins := slices.Sorted(maps.Keys(g.origins))
	o := "none"
	if len(origins) > 0 {
		o = strings.Join(origins, ", ")
	}
	if g.cfg.AnyHost {
		return "any host; web origins: " + o
	}
	return "hosts " + strings.Join(append(slices.Clone(loopbackHosts), hosts...), ", ") + "; web origins: " + o
}
