package serve

import (
	"net"
	"net/netip"
	"slices"
	"strings"
)

// A Listener is a TCP address a Server serves on, opened before the site
// is built so that a busy port is reported at once. It knows the hosts
// that requests arriving on it may name.
type Listener struct {
	ln    net.Listener
	hosts hostSet
}

// Listen listens on addr, a "host:port" as net.JoinHostPort writes it,
// and returns the Listener to pass to Serve. Its error is net.Listen's,
// which names the address.
//
// Requests on the Listener are answered only when their Host header names
// the loopback interface (localhost, 127.0.0.0/8 or [::1], with or without
// a port), the host of addr, or the address the Listener is bound to.
// When addr's host is empty or unspecified (0.0.0.0 or ::), so that the
// server listens on every interface, the addresses of this machine's
// interfaces, looked up once here, are allowed too. Any other name is
// refused: a web page on another site that gets the browser to send its
// requests here, by making its own name resolve to this machine (DNS
// rebinding), reads nothing.
func Listen(addr string) (*Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	bind, _, err := net.SplitHostPort(addr)
	if err != nil {
		bind = "" // net.Listen accepted it; keep to the bound address
	}
	var own []netip.Addr
	bound := boundAddr(ln.Addr())
	if !bound.IsValid() || bound.IsUnspecified() {
		own = interfaceAddrs()
	}
	return &Listener{ln: ln, hosts: newHostSet(bind, bound, own)}, nil
}

// Addr returns the address l listens on.
func (l *Listener) Addr() net.Addr { return l.ln.Addr() }

// Port returns the TCP port l listens on.
func (l *Listener) Port() int {
	if tcp, ok := l.ln.Addr().(*net.TCPAddr); ok {
		return tcp.Port
	}
	return 0
}

// Close stops listening. Serve closes l itself; Close is for a Listener
// that is never served.
func (l *Listener) Close() error { return l.ln.Close() }

// Loopback reports whether l listens on a loopback address only, so that
// no other machine can reach it.
func (l *Listener) Loopback() bool {
	a := boundAddr(l.ln.Addr())
	return a.IsValid() && a.IsLoopback()
}

// boundAddr returns the IP address of a listener's addr, without zone,
// IPv4 addresses mapped into IPv6 unmapped, or the zero Addr.
func boundAddr(addr net.Addr) netip.Addr {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return netip.Addr{}
	}
	return tcp.AddrPort().Addr().Unmap().WithZone("")
}

// interfaceAddrs returns the addresses of this machine's network
// interfaces, or none when they cannot be listed; then only the loopback
// names are allowed, which errs on the safe side.
func interfaceAddrs() []netip.Addr {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []netip.Addr
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		if ip, ok := netip.AddrFromSlice(n.IP); ok {
			out = append(out, ip.Unmap())
		}
	}
	return out
}

// A hostSet is the hosts that a request's Host header may name besides
// the loopback ones, which every hostSet allows.
type hostSet struct {
	names []string     // lower case, such as "mybox.lan"
	addrs []netip.Addr // without zones, unmapped
}

// newHostSet returns the hosts allowed on a listener asked for with the
// host bind (a name, an address or empty), bound to the address bound,
// on a machine whose interfaces have the addresses own.
func newHostSet(bind string, bound netip.Addr, own []netip.Addr) hostSet {
	var hs hostSet
	add := func(a netip.Addr) {
		if a.IsValid() && !a.IsUnspecified() {
			hs.addrs = append(hs.addrs, a.Unmap().WithZone(""))
		}
	}
	if bind != "" {
		if a, err := netip.ParseAddr(bind); err == nil {
			add(a)
		} else {
			hs.names = append(hs.names, strings.ToLower(bind))
		}
	}
	add(bound)
	for _, a := range own {
		add(a)
	}
	return hs
}

// allows reports whether a request whose Host header is hostport may be
// answered.
func (hs hostSet) allows(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	} else if len(host) > 1 && host[0] == '[' && host[len(host)-1] == ']' {
		host = host[1 : len(host)-1]
	}
	if host == "" {
		return false
	}
	if a, err := netip.ParseAddr(host); err == nil {
		a = a.Unmap().WithZone("")
		return a.IsLoopback() || slices.Contains(hs.addrs, a)
	}
	host = strings.ToLower(host)
	return host == "localhost" || slices.Contains(hs.names, host)
}
