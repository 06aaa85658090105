package fake

import (
	"context"
	"net/http"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/engine"
)

// SageMaker is the typed door to the fake's SageMaker: its methods have the exact signatures of
// aws-sdk-go-v2's *sagemaker.Client for the supported operations, so it satisfies SageMakerAPI,
// any narrower interface a caller declares over the client's methods, and the SDK's own
// paginators. Errors come back as the client returns them (see the package documentation). The
// Region of a call is the fake's default, or the one an option function sets
// (sagemaker.Options.Region).
type SageMaker struct{ f *Fake }

// Personalize is the typed door to the fake's Amazon Personalize, with the exact signatures of
// aws-sdk-go-v2's *personalize.Client, as SageMaker is for SageMaker.
type Personalize struct{ f *Fake }

// PersonalizeEvents is the typed door to the fake's Personalize Events (PutEvents and the other
// data-plane operations), with the exact signatures of *personalizeevents.Client.
type PersonalizeEvents struct{ f *Fake }

// SageMaker returns the typed SageMaker door.
func (f *Fake) SageMaker() *SageMaker { return &SageMaker{f: f} }

// Personalize returns the typed Personalize door.
func (f *Fake) Personalize() *Personalize { return &Personalize{f: f} }

// PersonalizeEvents returns the typed Personalize Events door.
func (f *Fake) PersonalizeEvents() *PersonalizeEvents { return &PersonalizeEvents{f: f} }

// typedOp is one operation of a typed door: the generated pieces that make a call of the SDK's
// types go through the engine's chokepoint as the real client's call goes through AWS. SI and SO
// are the SDK's input and output, I and O the engine's shapes.
type typedOp[SI, SO, I, O any] struct {
	service  string                           // the SDK's service id, as its errors name it
	op       *engine.Op                       // the engine's operation
	validate func(*SI) error                  // the client's required-member check; nil when none
	in       func(*SI) *I                     // the input, copied into the engine's shape
	out      func(*O) *SO                     // the output, copied into the SDK's type
	modelled func(code, message string) error // the SDK type of a code the operation models, or nil
}

// call runs one typed call: the client's own parameter check, the conversion to the engine's
// shape (a copy), the engine's chokepoint (whose scenario rules see params itself, see
// typedPredicate), and the conversion back (another copy).
func (t *typedOp[SI, SO, I, O]) call(ctx context.Context, f *Fake, params *SI, region string) (*SO, error) {
	if params == nil {
		params = new(SI)
	}
	if t.validate != nil {
		if err := t.validate(params); err != nil {
			return nil, sdkError(t.service, t.op.Name, err, "", nil)
		}
	}
	if region != "" && !catalog.ValidRegion(region) {
		// As the wire door answers a signature scoped to it (see internal/wire's scopeOf).
		err := engine.Errorf("InvalidSignatureException", http.StatusForbidden,
			"Credential should be scoped to a valid region, not '%s'. (awsfake: %s)", region, catalog.RegionError(region, f.e.Regions()))
		return nil, sdkError(t.service, t.op.Name, err, f.s.RequestID(), t.modelled)
	}
	res, err := f.e.InvokeTyped(ctx, engine.Scope{Region: region}, t.op, t.in(params), params)
	if err != nil {
		return nil, sdkError(t.service, t.op.Name, err, f.s.RequestID(), t.modelled)
	}
	return t.out(res.(*O)), nil
}
