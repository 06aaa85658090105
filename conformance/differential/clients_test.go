// Package differential runs one script of Personalize and Personalize Events calls through
// three clients, each on a fresh fake with the same seed and clock, and requires that they see
// the same: awsfake's typed doors, aws-sdk-go-v2's clients on f.AWSConfig(), and aws-sdk-go
// (v1)'s clients on f.HTTPClient().
package differential

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	pzv1 "github.com/aws/aws-sdk-go/service/personalize"
	evv1 "github.com/aws/aws-sdk-go/service/personalizeevents"
	"github.com/aws/smithy-go"

	"github.com/awsfake/awsfake/fake"
)

// doc is a request or response as a JSON document: member names as the SDKs' field names
// (the model's member names, capitalised) in requests, and as the model's member names in
// normalised responses.
type doc = map[string]any

// outcome is what one call returned, in a form all three clients can be compared in.
type outcome struct {
	Call   string
	Output doc    `json:",omitempty"`
	Code   string `json:",omitempty"`
	Msg    string `json:",omitempty"`
	Status int    `json:",omitempty"`
}

// client sends one call, by service ("personalize" or "personalize-events") and operation,
// with its input as a document, and returns the outcome.
type client interface {
	call(service, op string, in doc) outcome
}

// v2Client is either of the two aws-sdk-go-v2 shapes: the typed doors or the real clients.
type v2Client struct {
	pz fake.PersonalizeAPI
	ev fake.PersonalizeEventsAPI
}

func (c v2Client) call(service, op string, in doc) outcome {
	api := any(c.pz)
	if service == "personalize-events" {
		api = c.ev
	}
	m := reflect.ValueOf(api).MethodByName(op)
	if !m.IsValid() {
		panic(fmt.Sprintf("aws-sdk-go-v2 has no %s.%s", service, op))
	}
	input := reflect.New(m.Type().In(1).Elem())
	fill(input, in)
	res := m.Call([]reflect.Value{reflect.ValueOf(context.Background()), input})
	oc := outcome{Call: service + "." + op}
	if err, _ := res[1].Interface().(error); err != nil {
		var ae smithy.APIError
		if !errors.As(err, &ae) {
			panic(fmt.Sprintf("%s: not an API error: %v", oc.Call, err))
		}
		oc.Code, oc.Msg = ae.ErrorCode(), ae.ErrorMessage()
		var re *awshttp.ResponseError
		if errors.As(err, &re) {
			oc.Status = re.HTTPStatusCode()
		}
		return oc
	}
	oc.Output = normalise(res[0]).(doc)
	return oc
}

// v1Client is aws-sdk-go's clients, on a session whose HTTP client is f.HTTPClient().
type v1Client struct {
	pz *pzv1.Personalize
	ev *evv1.PersonalizeEvents
}

func newV1Client(f *fake.Fake) v1Client {
	sess := session.Must(session.NewSession(&aws.Config{
		HTTPClient:  f.HTTPClient(),
		Region:      aws.String(f.Region()),
		Endpoint:    aws.String("http://awsfake.invalid"),
		Credentials: credentials.NewStaticCredentials(f.Account(), "awsfake", ""),
		MaxRetries:  aws.Int(0),
	}))
	return v1Client{pz: pzv1.New(sess), ev: evv1.New(sess)}
}

func (c v1Client) call(service, op string, in doc) outcome {
	api := any(c.pz)
	if service == "personalize-events" {
		api = c.ev
	}
	m := reflect.ValueOf(api).MethodByName(op)
	if !m.IsValid() {
		panic(fmt.Sprintf("aws-sdk-go has no %s.%s", service, op))
	}
	input := reflect.New(m.Type().In(0).Elem())
	fill(input, in)
	res := m.Call([]reflect.Value{input})
	oc := outcome{Call: service + "." + op}
	if err, _ := res[1].Interface().(error); err != nil {
		var rf awserr.RequestFailure
		if !errors.As(err, &rf) {
			panic(fmt.Sprintf("%s: not a request failure (did SDK v1 refuse it itself?): %v", oc.Call, err))
		}
		oc.Code, oc.Msg, oc.Status = rf.Code(), rf.Message(), rf.StatusCode()
		return oc
	}
	oc.Output = normalise(res[0]).(doc)
	return oc
}

var (
	timeType      = reflect.TypeOf(time.Time{})
	jsonValueType = reflect.TypeOf(aws.JSONValue{})
)

// fill sets dst (a pointer, or a settable value) from a document value, by the SDK's field
// names. It panics on a member the input type does not have: the script has a typo.
func fill(dst reflect.Value, src any) {
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		fill(dst.Elem(), src)
		return
	}
	switch dst.Type() {
	case timeType:
		dst.Set(reflect.ValueOf(src.(time.Time)))
		return
	case jsonValueType:
		// SDK v1 takes some properties members as a map it encodes itself (compact, keys sorted),
		// so the script writes those properties in that form for every client.
		var v aws.JSONValue
		if err := json.Unmarshal([]byte(src.(string)), &v); err != nil {
			panic(err)
		}
		dst.Set(reflect.ValueOf(v))
		return
	}
	switch dst.Kind() {
	case reflect.Struct:
		for name, v := range src.(doc) {
			fv := dst.FieldByName(name)
			if !fv.IsValid() {
				panic(fmt.Sprintf("%s has no member %s", dst.Type(), name))
			}
			fill(fv, v)
		}
	case reflect.Slice:
		sv := reflect.ValueOf(src)
		out := reflect.MakeSlice(dst.Type(), sv.Len(), sv.Len())
		for i := range sv.Len() {
			fill(out.Index(i), sv.Index(i).Interface())
		}
		dst.Set(out)
	case reflect.String:
		dst.SetString(src.(string))
	case reflect.Int32, reflect.Int64:
		dst.SetInt(int64(src.(int)))
	case reflect.Float64:
		dst.SetFloat(src.(float64))
	case reflect.Bool:
		dst.SetBool(src.(bool))
	default:
		panic(fmt.Sprintf("fill: %s", dst.Type()))
	}
}

// normalise turns an SDK output (either SDK's) into a JSON document of the model's members:
// member names with a lower-case initial, absent members left out, timestamps in RFC 3339 UTC,
// SDK v1's JSON values as the JSON they hold. The SDKs' own bookkeeping (v2's ResultMetadata,
// unexported fields) is not part of the model.
func normalise(v reflect.Value) any {
	if v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		return normalise(v.Elem())
	}
	switch {
	case v.Type() == timeType:
		return v.Interface().(time.Time).UTC().Format(time.RFC3339Nano)
	case v.Type() == jsonValueType:
		b, _ := json.Marshal(v.Interface())
		return string(b)
	}
	switch v.Kind() {
	case reflect.Struct:
		out := doc{}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" {
				continue
			}
			if m := normalise(v.Field(i)); m != nil {
				out[strings.ToLower(f.Name[:1])+f.Name[1:]] = m
			}
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range v.Len() {
			out[i] = normalise(v.Index(i))
		}
		return out
	case reflect.String:
		if v.String() == "" && v.Type().Name() != "string" {
			return nil // an aws-sdk-go-v2 enum that is not set
		}
		return v.String()
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := doc{}
		for _, k := range v.MapKeys() {
			out[k.String()] = normalise(v.MapIndex(k))
		}
		return out
	case reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Float64:
		return v.Float()
	case reflect.Bool:
		return v.Bool()
	}
	panic(fmt.Sprintf("normalise: %s", v.Type()))
}
