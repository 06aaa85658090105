package engine

// personalize is the Personalize state of a world.
type personalize struct{}

func (p *personalize) init() {}
