package engine

// Optional string members are pointers in the shapes, nil when absent; the engine keeps some as
// plain strings, "" when absent.

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
