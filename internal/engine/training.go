package engine

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/recommend"
)

// What a solution version trains on, and how. When a version is created it takes a view of each
// dataset of its group (datasetView: no copy), so that it trains on the data present then; the
// model itself (recommend.Train, the stand-in for AWS's training) is made once, the first time
// something needs it: the status at the end of training (the data requirements decide between
// ACTIVE and CREATE FAILED), GetSolutionMetrics, or the runtime. The views never change, so
// training needs no lock of the engine's.

// trainingData is a solution version's views of its group's datasets, by type.
type trainingData struct {
	interactions, items, actions, actionInteractions *datasetView
}

// takeTrainingData takes the views of a group's datasets as they are at now.
func (w *world) takeTrainingData(g *datasetGroup, now time.Time) trainingData {
	var td trainingData
	w.eachUser(g, now, func(u resource) bool {
		d, ok := u.(*dataset)
		if !ok {
			return true
		}
		if status, _, _ := statusOf(d, now); !deleting(status) && status != StatusCreateFailed && !creating(status) {
			d.settle(w, now)
			v := d.snapshot(now)
			switch d.typ {
			case typeInteractions:
				v.events = eventsUpTo(v.events, now)
				td.interactions = &v
			case typeItems:
				td.items = &v
			case typeActions:
				td.actions = &v
			case typeActionInteractions:
				td.actionInteractions = &v
			}
		}
		return true
	})
	return td
}

// has reports whether the group had a dataset of a type when the views were taken.
func (td trainingData) has(typ string) bool {
	switch typ {
	case typeInteractions:
		return td.interactions != nil
	case typeItems:
		return td.items != nil
	case typeActions:
		return td.actions != nil
	case typeActionInteractions:
		return td.actionInteractions != nil
	}
	return true // Users: no recipe reads them
}

// data is the views as the recommend package reads them.
func (td trainingData) data() recommend.Data {
	var d recommend.Data
	if v := td.interactions; v != nil {
		rows := v.imported.interactions
		d.Interactions = make([]recommend.Interaction, 0, len(rows)+v.events.len())
		for i := range rows {
			r := &rows[i]
			it := recommend.Interaction{UserID: r.UserID, ItemID: r.ItemID, EventType: r.EventType, Timestamp: r.Timestamp}
			if r.HasEventValue {
				it.EventValue = &r.EventValue
			}
			d.Interactions = append(d.Interactions, it)
		}
		for i := range v.events.len() {
			if ev := v.events.at(i); ev.dataset == v.seq {
				d.Interactions = append(d.Interactions, recommend.Interaction{UserID: ev.UserID, ItemID: ev.ItemID,
					EventType: ev.EventType, EventValue: ev.EventValue, Timestamp: ev.SentAt.Unix()})
			}
		}
	}
	if v := td.items; v != nil {
		for _, r := range v.records() {
			props := trainingProperties(v.schema, r.Properties)
			created, _ := strconv.ParseInt(props["CREATION_TIMESTAMP"], 10, 64)
			d.Items = append(d.Items, recommend.Item{ID: r.ID, CreatedAt: created, Properties: props})
		}
	}
	if v := td.actions; v != nil {
		for _, r := range v.records() {
			value, _ := strconv.ParseFloat(trainingProperties(v.schema, r.Properties)["VALUE"], 64)
			d.Actions = append(d.Actions, recommend.Action{ID: r.ID, Value: value})
		}
	}
	if v := td.actionInteractions; v != nil {
		for _, r := range v.records() {
			d.ActionInteractions = append(d.ActionInteractions, recommend.ActionInteraction{UserID: r.UserID, ActionID: r.ActionID,
				EventType: r.EventType, Timestamp: r.Timestamp.Unix()})
		}
	}
	return d
}

// trainingProperties reads a record's properties (keyed in camelCase, as PutItems and imports
// key them) into the schema's field names, each value as a string: categorical fields (which
// Similar-Items compares), numbers (an optimization objective's attribute, an action's VALUE)
// and CREATION_TIMESTAMP. Text, booleans and unknown keys are left out.
func trainingProperties(s *avroSchema, props string) map[string]string {
	if props == "" {
		return nil
	}
	var raw map[string]any
	if json.Unmarshal([]byte(props), &raw) != nil {
		return nil
	}
	out := make(map[string]string, len(raw))
	for key, value := range raw {
		f := s.field(fieldName(key))
		if f == nil || f.textual {
			continue
		}
		switch v := value.(type) {
		case string:
			if f.categorical {
				out[strings.ToUpper(f.name)] = v
			}
		case float64:
			out[strings.ToUpper(f.name)] = strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	return out
}

// trainedModel is a solution version's model, made once.
type trainedModel struct {
	once  sync.Once
	model *recommend.Model
	err   error
}

// get trains the model on first use.
func (t *trainedModel) get(cfg recommend.Config, td trainingData) (*recommend.Model, error) {
	t.once.Do(func() { t.model, t.err = recommend.Train(cfg, td.data()) })
	return t.model, t.err
}
