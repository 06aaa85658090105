package fake

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
)

// The real client checks required members before it sends anything and fails with
// smithy.InvalidParamsError; these mirror its generated validators (validators.go of
// service/sagemaker v1.287.0) so that the typed door fails the same way. Everything else
// (lengths, patterns, enums) is the service's job and the engine's.

type params struct{ smithy.InvalidParamsError }

func newParams(context string) *params {
	return &params{smithy.InvalidParamsError{Context: context}}
}

func (p *params) require(name string, missing bool) *params {
	if missing {
		p.Add(smithy.NewErrParamRequired(name))
	}
	return p
}

func (p *params) nested(name string, err error) *params {
	if err != nil {
		p.AddNested(name, err.(smithy.InvalidParamsError))
	}
	return p
}

func (p *params) err() error {
	if p.Len() > 0 {
		return p.InvalidParamsError
	}
	return nil
}

func checkTags(ts []types.Tag) error {
	if ts == nil {
		return nil
	}
	list := newParams("TagList")
	for i := range ts {
		tag := newParams("Tag").require("Key", ts[i].Key == nil).require("Value", ts[i].Value == nil)
		list.nested(fmt.Sprintf("[%d]", i), tag.err())
	}
	return list.err()
}

func checkCreateAction(v *sagemaker.CreateActionInput) error {
	p := newParams("CreateActionInput").require("ActionName", v.ActionName == nil)
	if v.Source == nil {
		p.require("Source", true)
	} else {
		p.nested("Source", newParams("ActionSource").require("SourceUri", v.Source.SourceUri == nil).err())
	}
	return p.require("ActionType", v.ActionType == nil).nested("Tags", checkTags(v.Tags)).err()
}

func checkDescribeAction(v *sagemaker.DescribeActionInput) error {
	return newParams("DescribeActionInput").require("ActionName", v.ActionName == nil).err()
}

func checkListActions(*sagemaker.ListActionsInput) error { return nil }

func checkUpdateAction(v *sagemaker.UpdateActionInput) error {
	return newParams("UpdateActionInput").require("ActionName", v.ActionName == nil).err()
}

func checkDeleteAction(v *sagemaker.DeleteActionInput) error {
	return newParams("DeleteActionInput").require("ActionName", v.ActionName == nil).err()
}

func checkAddTags(v *sagemaker.AddTagsInput) error {
	p := newParams("AddTagsInput").require("ResourceArn", v.ResourceArn == nil)
	if v.Tags == nil {
		return p.require("Tags", true).err()
	}
	return p.nested("Tags", checkTags(v.Tags)).err()
}

func checkListTags(v *sagemaker.ListTagsInput) error {
	return newParams("ListTagsInput").require("ResourceArn", v.ResourceArn == nil).err()
}

func checkDeleteTags(v *sagemaker.DeleteTagsInput) error {
	return newParams("DeleteTagsInput").require("ResourceArn", v.ResourceArn == nil).require("TagKeys", v.TagKeys == nil).err()
}
