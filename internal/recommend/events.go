package recommend

import (
	"fmt"
	"strconv"
	"strings"
)

// eventFilter decides which interactions a model learns from, as a solution's eventType,
// eventValueThreshold and eventsConfig say. Event types compare case-insensitively (a guess:
// AWS documents case-insensitive event types only for filters).
type eventFilter struct {
	types      []string   // empty: every type
	thresholds []*float64 // per entry of types; with types empty, thresholds[0] applies to all
}

func newEventFilter(cfg Config, info RecipeInfo) (eventFilter, error) {
	var f eventFilter
	if len(cfg.Events) > 0 {
		for _, e := range cfg.Events {
			if e.EventType == "" {
				return f, fmt.Errorf("%w: eventsConfig lists an event without eventType", ErrInvalidConfig)
			}
			f.types = append(f.types, e.EventType)
			f.thresholds = append(f.thresholds, copyFloat(e.EventValueThreshold))
		}
		return f, nil
	}
	var threshold *float64
	if s := strings.TrimSpace(cfg.EventValueThreshold); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return f, fmt.Errorf("%w: eventValueThreshold %q is not a number", ErrInvalidConfig, cfg.EventValueThreshold)
		}
		threshold = &v
	}
	switch eventType := cmpOr(cfg.EventType, info.TrainEventType); eventType {
	case "":
		f.thresholds = []*float64{threshold}
	default:
		f.types = []string{eventType}
		f.thresholds = []*float64{threshold}
	}
	return f, nil
}

// keep reports whether the model learns from an interaction of this type and value. With a
// threshold, an interaction without a value does not count: it cannot be ≥ the threshold.
func (f *eventFilter) keep(eventType string, value *float64) bool {
	threshold := f.thresholds[0]
	if len(f.types) > 0 {
		i := f.index(eventType)
		if i < 0 {
			return false
		}
		threshold = f.thresholds[i]
	}
	return threshold == nil || (value != nil && *value >= *threshold)
}

func (f *eventFilter) index(eventType string) int {
	for i, t := range f.types {
		if strings.EqualFold(t, eventType) {
			return i
		}
	}
	return -1
}

func copyFloat(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// trendWindows are the values of featureTransformationParameters.trend_discovery_frequency, in
// seconds (dg: native-recipe-trending-now; default 2 hours).
var trendWindows = map[string]int64{
	"30 minutes": 30 * 60, "1 hour": 3600, "2 hours": 2 * 3600, "3 hours": 3 * 3600, "1 day": 86400,
}

const defaultTrendWindow = 2 * 3600

func trendWindow(cfg Config) (int64, error) {
	v, ok := cfg.FeatureTransformationParameters["trend_discovery_frequency"]
	if !ok {
		return defaultTrendWindow, nil
	}
	w, ok := trendWindows[strings.ToLower(strings.TrimSpace(v))]
	if !ok {
		return 0, fmt.Errorf("%w: trend_discovery_frequency %q is not one of 30 minutes, 1 hour, 2 hours, 3 hours, 1 day", ErrInvalidConfig, v)
	}
	return w, nil
}

// AWS's defaults for itemExplorationConfig.
var DefaultExploration = Exploration{Weight: 0.3, AgeCutOffDays: 30}

// ParseExploration reads a campaign's itemExplorationConfig map (string values, as AWS takes
// them); a key left out keeps its default. Weight must be within 0–1 and the cut-off positive.
func ParseExploration(config map[string]string) (Exploration, error) {
	e := DefaultExploration
	for key, s := range config {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return e, fmt.Errorf("%w: itemExplorationConfig %s %q is not a number", ErrInvalidConfig, key, s)
		}
		switch key {
		case "explorationWeight":
			if v < 0 || v > 1 {
				return e, fmt.Errorf("%w: explorationWeight %v is not within 0 and 1", ErrInvalidConfig, v)
			}
			e.Weight = v
		case "explorationItemAgeCutOff":
			if v <= 0 {
				return e, fmt.Errorf("%w: explorationItemAgeCutOff %v is not positive", ErrInvalidConfig, v)
			}
			e.AgeCutOffDays = v
		default:
			return e, fmt.Errorf("%w: itemExplorationConfig has an unknown key %q", ErrInvalidConfig, key)
		}
	}
	return e, nil
}
