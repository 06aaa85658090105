package fake

import (
	"maps"
	"reflect"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
)

// convertInto copies an engine shape (src) into an SDK v2 type (dst), matching fields by
// name, so that a scenario's typed predicate sees the call as the SDK type whichever door it
// came through. Shapes and SDK types share member names; *string becomes an enum where the
// SDK has one, and *shape.Time becomes *time.Time. dst must be settable. It is reflection,
// used only when a typed predicate runs; the doors' own conversions are written out.
func convertInto(dst, src reflect.Value) {
	if src.Kind() == reflect.Pointer {
		if src.IsNil() {
			return
		}
		if t, ok := src.Interface().(*shape.Time); ok {
			setTime(dst, t.Time)
			return
		}
		src = src.Elem()
	}
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	switch src.Kind() {
	case reflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			if df := dst.FieldByName(src.Type().Field(i).Name); df.IsValid() && df.CanSet() {
				convertInto(df, src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		out := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			convertInto(out.Index(i), src.Index(i))
		}
		dst.Set(out)
	case reflect.Map:
		if m, ok := src.Interface().(map[string]string); ok && m != nil && dst.Type() == src.Type() {
			dst.Set(reflect.ValueOf(maps.Clone(m)))
		}
	case reflect.String:
		dst.SetString(src.String())
	case reflect.Int32, reflect.Int64:
		dst.SetInt(src.Int())
	case reflect.Float32, reflect.Float64:
		dst.SetFloat(src.Float())
	case reflect.Bool:
		dst.SetBool(src.Bool())
	}
}

func setTime(dst reflect.Value, t time.Time) {
	if dst.Kind() == reflect.Pointer {
		dst.Set(reflect.ValueOf(&t))
		return
	}
	dst.Set(reflect.ValueOf(t))
}
