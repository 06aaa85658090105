package engine

import (
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/recommend"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// campaign is one Personalize campaign: a solution version deployed for GetRecommendations.
// UpdateCampaign deploys another version or configuration; the update shows in
// latestCampaignUpdate with statuses of its own (CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, on
// the kind's update timings), and the campaign serves what it served before until the update is
// ACTIVE, as AWS says ("The campaign will use the previous solution version and campaign
// configuration … until the latest campaign update status is Active").
type campaign struct {
	entity
	lifecycle
	group    *datasetGroup
	solution *solution
	deployed deployment      // what it was created with, or the update before the latest
	update   *campaignUpdate // the latest UpdateCampaign, nil before the first
}

// deployment is what a campaign serves: a solution version (or, with syncWithLatestSolutionVersion,
// whichever of its solution's versions is the newest ACTIVE one), its minimum TPS and its
// configuration.
type deployment struct {
	version *solutionVersion
	latest  bool // <solution ARN>/$LATEST with syncWithLatestSolutionVersion
	tps     int32
	config  *personalize.CampaignConfig
}

// campaignUpdate is one UpdateCampaign: what it deploys, from when.
type campaignUpdate struct {
	deployment
	at time.Time
}

// needs are the campaign's dataset group (its quota counts there), its solution, and the
// versions it deploys (kinds.txt: needs dataset-groups solutions solution-versions).
func (c *campaign) needs() needed {
	n := needed{c.group, c.solution, c.deployed.version}
	if c.update != nil {
		n[3] = c.update.version
	}
	return n
}

func (e *Engine) createCampaign(w *world, in *personalize.CreateCampaignInput, cx opContext) (*personalize.CreateCampaignOutput, *Error) {
	name := *in.Name
	d, err := w.newDeployment(*in.SolutionVersionArn, in.MinProvisionedTPS, in.CampaignConfig, cx.now, cx.seed != nil)
	if err != nil {
		return nil, err
	}
	arn := w.scope.arn(Personalize, "campaign", name)
	if _, taken := w.campaigns.lookup(name, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	g := d.version.solution.group
	if err := w.campaigns.overQuotaWithin(&e.cfg, g, cx.now); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	c := &campaign{
		entity:    entity{arn: arn, name: name, tags: tags},
		lifecycle: e.newLifecycle(catalog.Campaigns, cx),
		group:     g, solution: d.version.solution, deployed: d,
	}
	w.campaigns.insert(c, cx.now)
	return &personalize.CreateCampaignOutput{CampaignArn: &c.arn}, nil
}

// newDeployment checks what CreateCampaign or UpdateCampaign asks to deploy: an ACTIVE solution
// version (or <solution ARN>/$LATEST, its newest ACTIVE one) of a recipe a campaign can serve,
// and a configuration that recipe takes. A seed deploys what it names: a state document
// restores a campaign at its creation time, which may precede the version it serves since.
func (w *world) newDeployment(versionArn string, tps *int32, config *personalize.CampaignConfig, now time.Time, seed bool) (deployment, *Error) {
	d := deployment{tps: 1, config: config}
	if tps != nil {
		d.tps = *tps
	}
	sync := config != nil && config.SyncWithLatestSolutionVersion != nil && *config.SyncWithLatestSolutionVersion
	if solutionArn, ok := strings.CutSuffix(versionArn, "/$LATEST"); ok {
		s, found := w.solutions.resolve(solutionArn, now)
		if !found {
			return d, resourceNotFound(versionArn)
		}
		if d.version = w.latestVersion(s, now, !seed); d.version == nil {
			return d, inUse("The solution %s has no ACTIVE solution version to deploy.", s.arn)
		}
		d.latest = sync
	} else {
		if sync {
			return d, invalid(Personalize, "syncWithLatestSolutionVersion needs solutionVersionArn in the form <solution ARN>/$LATEST, not %s.", versionArn)
		}
		v, found := w.solutionVersions.resolve(versionArn, now)
		if !found {
			return d, resourceNotFound(versionArn)
		}
		if status, _, _ := statusOf(v, now); status != StatusActive && !seed {
			return d, inUse("The solution version %s is not ACTIVE (its status is %s).", v.arn, status)
		}
		d.version = v
	}
	info, _ := recommend.Lookup(d.version.config.Recipe)
	if info.Family == recommend.UserSegmentation {
		// A documented guess at the code: batch segment jobs are the only use of these recipes.
		return d, invalid(Personalize, "The recipe %s makes user segments with batch segment jobs; a campaign cannot deploy it.", info.Name)
	}
	if config != nil && len(config.ItemExplorationConfig) > 0 {
		if info.Family != recommend.UserPersonalization {
			return d, invalid(Personalize, "itemExplorationConfig is only for User-Personalization recipes, not %s.", info.Name)
		}
		if _, err := recommend.ParseExploration(config.ItemExplorationConfig); err != nil {
			return d, invalid(Personalize, "Invalid itemExplorationConfig: %v", err)
		}
	}
	return d, nil
}

// serving is what the campaign serves at now: the latest update's deployment once it is ACTIVE,
// else the one before.
func (c *campaign) serving(now time.Time) deployment {
	if u := c.update; u != nil {
		if st, _ := c.updateStatus(u.at, now); st == StatusActive {
			return u.deployment
		}
	}
	return c.deployed
}

// versionAt is the solution version a deployment serves at now.
func (w *world) versionAt(d deployment, now time.Time) *solutionVersion {
	if d.latest {
		if v := w.latestVersion(d.version.solution, now, true); v != nil {
			return v
		}
	}
	return d.version
}

// status is the campaign's own status: its creation's, except that one whose creation failed is
// ACTIVE once an update is (a documented guess).
func (c *campaign) status(now time.Time) (string, time.Time) {
	status, changed, _ := statusOf(c, now)
	if u := c.update; u != nil {
		st, at := c.updateStatus(u.at, now)
		if st == StatusActive && at.After(changed) {
			if status == StatusCreateFailed {
				status = StatusActive
			}
			if !deleting(status) {
				changed = at
			}
		}
	}
	return status, changed
}

func (e *Engine) describeCampaign(w *world, in *personalize.DescribeCampaignInput, cx opContext) (*personalize.DescribeCampaignOutput, *Error) {
	c, ok := w.campaigns.resolve(*in.CampaignArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.CampaignArn)
	}
	status, changed := c.status(cx.now)
	d := c.serving(cx.now)
	out := &personalize.Campaign{
		Name: &c.name, CampaignArn: &c.arn, SolutionVersionArn: &w.versionAt(d, cx.now).arn, MinProvisionedTPS: &d.tps,
		CampaignConfig: d.config, Status: &status, FailureReason: failureReason(status, c.failure()),
		CreationDateTime: shape.T(c.created), LastUpdatedDateTime: shape.T(changed),
	}
	// AWS: "The latestCampaignUpdate field is only returned when the campaign has had at least
	// one UpdateCampaign call."
	if u := c.update; u != nil {
		st, at := c.updateStatus(u.at, cx.now)
		out.LatestCampaignUpdate = &personalize.CampaignUpdateSummary{
			SolutionVersionArn: &w.versionAt(u.deployment, cx.now).arn, MinProvisionedTPS: &u.tps, CampaignConfig: u.config,
			Status: &st, CreationDateTime: shape.T(u.at), LastUpdatedDateTime: shape.T(at),
		}
	}
	return &personalize.DescribeCampaignOutput{Campaign: out}, nil
}

// listCampaigns lists newest first; with solutionArn, that solution's campaigns (none for a
// solution that does not exist: the operation models no not-found error).
func (e *Engine) listCampaigns(w *world, in *personalize.ListCampaignsInput, cx opContext) (*personalize.ListCampaignsOutput, *Error) {
	var keep func(*campaign) bool
	if in.SolutionArn != nil {
		keep = func(c *campaign) bool { return c.solution.arn == *in.SolutionArn }
	}
	page, next, err := newestFirst(w.campaigns, nil, "campaigns", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListCampaignsOutput{Campaigns: make([]personalize.CampaignSummary, len(page)), NextToken: next}
	for i, c := range page {
		status, changed := c.status(cx.now)
		out.Campaigns[i] = personalize.CampaignSummary{
			Name: &c.name, CampaignArn: &c.arn, Status: &status, FailureReason: failureReason(status, c.failure()),
			CreationDateTime: shape.T(c.created), LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

// updateCampaign deploys another version, minimum TPS or configuration; what it leaves out stays
// as served. AWS: "the campaign status must be ACTIVE or CREATE FAILED"; an update still under
// way also refuses another (a documented guess), both with ResourceInUseException.
func (e *Engine) updateCampaign(w *world, in *personalize.UpdateCampaignInput, cx opContext) (*personalize.UpdateCampaignOutput, *Error) {
	c, ok := w.campaigns.resolve(*in.CampaignArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.CampaignArn)
	}
	if status, _ := c.status(cx.now); status != StatusActive && status != StatusCreateFailed {
		return nil, inUse("The campaign %s is in %s state; it can be updated when ACTIVE or CREATE FAILED.", c.arn, status)
	}
	if u := c.update; u != nil {
		if st, _ := c.updateStatus(u.at, cx.now); st != StatusActive {
			return nil, inUse("The campaign %s has an update in %s state.", c.arn, st)
		}
	}
	cur := c.serving(cx.now)
	versionArn := cur.version.arn
	if cur.latest {
		versionArn = cur.version.solution.arn + "/$LATEST"
	}
	if in.SolutionVersionArn != nil {
		versionArn = *in.SolutionVersionArn
	}
	tps, config := &cur.tps, cur.config
	if in.MinProvisionedTPS != nil {
		tps = in.MinProvisionedTPS
	}
	if in.CampaignConfig != nil {
		config = in.CampaignConfig
	}
	d, err := w.newDeployment(versionArn, tps, config, cx.now, false)
	if err != nil {
		return nil, err
	}
	if d.version.solution != c.solution {
		// A documented guess: a campaign deploys versions of the solution it was made for.
		return nil, invalid(Personalize, "The solution version %s is not of the solution %s the campaign deploys.", d.version.arn, c.solution.arn)
	}
	before := c.needs()
	c.deployed, c.update = cur, &campaignUpdate{deployment: d, at: cx.now}
	relink(c, before, c.needs())
	return &personalize.UpdateCampaignOutput{CampaignArn: &c.arn}, nil
}

// relink tells what a resource refers to that its references changed from before to after (the
// table registered them when it was inserted, and lets go of after's when it is purged).
func relink(r resource, before, after needed) {
	for _, u := range before {
		if u != nil && !slices.Contains(after[:], u) {
			unuse(r, u)
		}
	}
	for _, u := range after {
		if u != nil {
			use(r, u)
		}
	}
}

func (e *Engine) deleteCampaign(w *world, in *personalize.DeleteCampaignInput, cx opContext) (*personalize.DeleteCampaignOutput, *Error) {
	c, ok := w.campaigns.resolve(*in.CampaignArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.CampaignArn)
	}
	if status, _ := c.status(cx.now); creating(status) || deleting(status) {
		return nil, inUse("The campaign %s is in %s state and cannot be deleted.", c.arn, status)
	}
	c.deleted = cx.now
	w.campaigns.retire(c)
	return &personalize.DeleteCampaignOutput{}, nil
}

// laterState is the campaign as the call that creates it, serving what it serves (an update under
// way is left out, as a dataset's is), after the versions it deploys.
func (c *campaign) laterState(w *world, now time.Time) []ResourceState {
	d := c.serving(now)
	arn := d.version.arn
	if d.latest {
		arn = d.version.solution.arn + "/$LATEST"
	}
	st := c.baseState(w, "campaign", Personalize, "CreateCampaign", &personalize.CreateCampaignInput{
		Name: &c.name, SolutionVersionArn: &arn, MinProvisionedTPS: &d.tps, CampaignConfig: d.config, Tags: c.tags.personalizeOrNil(),
	})
	livedState(&st, c, now)
	if status, _ := c.status(now); status == StatusActive && st.Status == StatusCreateFailed {
		st.Status, st.Failure = StatusActive, ""
	}
	return []ResourceState{st}
}
