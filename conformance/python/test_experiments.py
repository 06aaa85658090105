"""SageMaker experiments, trials, trial components and Search on awsfake's server, through boto3 and the AWS CLI,
sent as AWS's Python SDK (sagemaker.experiments, sagemaker.lineage, sagemaker.analytics) sends them.

Run by conformance/run.sh, which starts the server and sets AWSFAKE_URL.
"""
import datetime
import json
import os
import subprocess
import unittest

from test_sagemaker import ENV, URL, client, control, error_of

ACCOUNT = "arn:aws:sagemaker:us-east-1:123456789012:"
JOB = ACCOUNT + "training-job/train-1"
JOB_TC = "train-1-aws-training-job"
PIPELINE = ACCOUNT + "pipeline/p/execution/e1"


class Experiments(unittest.TestCase):
    """Create, describe, update, delete and list, as sagemaker.experiments' _base_types drive them."""

    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.sm = client("sagemaker")

    def test_lifecycle(self):
        arn = self.sm.create_experiment(ExperimentName="Churn", Description="d",
                                        Tags=[{"Key": "team", "Value": "ml"}])["ExperimentArn"]
        self.assertEqual(arn, ACCOUNT + "experiment/Churn")
        code, msg, status = error_of(self.sm.create_experiment, ExperimentName="churn")
        self.assertEqual((code, status), ("ValidationException", 400))
        self.assertIn("already exists", msg, "what _utils.is_already_exist_error matches")
        d = self.sm.describe_experiment(ExperimentName="CHURN")
        self.assertEqual((d["ExperimentName"], d["DisplayName"], d["Description"]), ("Churn", "Churn", "d"))
        self.assertNotIn("Tags", d, "tags are never in Describe")
        self.assertEqual(self.sm.list_tags(ResourceArn=arn)["Tags"], [{"Key": "team", "Value": "ml"}])
        self.sm.update_experiment(ExperimentName="Churn", DisplayName="Churn-2")
        self.assertEqual(self.sm.describe_experiment(ExperimentName="Churn")["DisplayName"], "Churn-2")
        self.assertEqual(self.sm.delete_experiment(ExperimentName="Churn")["ExperimentArn"], arn)
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.describe_experiment(ExperimentName="Churn")

    def test_trial_component_save(self):
        """_TrialComponent.save sends every map it holds and the *ToRemove lists: AWS upserts, then removes."""
        self.sm.create_trial_component(TrialComponentName="tc", Parameters={"kept": {"StringValue": "k"}})
        self.sm.update_trial_component(
            TrialComponentName="tc", DisplayName="TC", Status={"PrimaryStatus": "Completed", "Message": "done"},
            StartTime=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc),
            EndTime=datetime.datetime(2026, 1, 2, tzinfo=datetime.timezone.utc),
            Parameters={"foo": {"StringValue": "bar"}, "whizz": {"NumberValue": 100.1}}, ParametersToRemove=["foo"],
            InputArtifacts={"snizz": {"Value": "s3://a"}, "snizz1": {"Value": "s3://b", "MediaType": "text/csv"}},
            InputArtifactsToRemove=["snizz"],
            OutputArtifacts={"fly": {"Value": "s3://Output"}, "fly2": {"Value": "s3://c"}}, OutputArtifactsToRemove=["fly2"])
        d = self.sm.describe_trial_component(TrialComponentName="tc")
        self.assertEqual(d["Parameters"], {"kept": {"StringValue": "k"}, "whizz": {"NumberValue": 100.1}})
        self.assertEqual(d["InputArtifacts"], {"snizz1": {"Value": "s3://b", "MediaType": "text/csv"}})
        self.assertEqual(d["OutputArtifacts"], {"fly": {"Value": "s3://Output"}}, "no MediaType when none was given")
        self.assertEqual(d["Status"], {"PrimaryStatus": "Completed", "Message": "done"})
        self.assertEqual(d["EndTime"].year, 2026)
        raw = client("sagemaker", validate=False)
        code, msg, _ = error_of(raw.create_trial_component, TrialComponentName="both",
                                Parameters={"p": {"StringValue": "s", "NumberValue": 1}})
        self.assertEqual(code, "ValidationException")

    def test_associations_and_lists(self):
        self.sm.create_experiment(ExperimentName="x")
        for t in ("t1", "t2", "t3"):
            self.sm.create_trial(TrialName=t, ExperimentName="x")
        self.sm.create_trial_component(TrialComponentName="tc")
        for t in ("t1", "t2", "t3"):
            out = self.sm.associate_trial_component(TrialComponentName="tc", TrialName=t)
            self.assertEqual(out["TrialArn"], ACCOUNT + "experiment-trial/" + t)
        trials = self.sm.list_trials(TrialComponentName="tc")["TrialSummaries"]
        self.assertEqual(len(trials), 3, "one component in three trials")
        self.assertNotIn("ExperimentName", trials[0], "a TrialSummary has no ExperimentName")
        self.assertEqual(len(self.sm.list_trial_components(ExperimentName="x")["TrialComponentSummaries"]), 1)
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.list_trial_components(TrialName="nope")
        code, msg, _ = error_of(self.sm.delete_trial_component, TrialComponentName="tc")
        self.assertEqual(code, "ValidationException")
        self.assertEqual(msg, "TrialComponent '%sexperiment-trial-component/tc' is linked to 1 or more trials and cannot "
                              "be deleted." % ACCOUNT)
        # _TrialComponent.delete(force_disassociate=True): every trial of the component, paged, disassociated.
        for page in self.sm.get_paginator("list_trials").paginate(TrialComponentName="tc", PaginationConfig={"PageSize": 2}):
            for t in page["TrialSummaries"]:
                self.sm.disassociate_trial_component(TrialComponentName="tc", TrialName=t["TrialName"])
        self.sm.delete_trial_component(TrialComponentName="tc")
        # Experiment._delete_all: trials, then the experiment.
        for t in self.sm.list_trials(ExperimentName="x")["TrialSummaries"]:
            self.sm.delete_trial(TrialName=t["TrialName"])
        self.sm.delete_experiment(ExperimentName="x")
        self.assertEqual(self.sm.list_experiments()["ExperimentSummaries"], [])

    def test_quota_error_is_modelled(self):
        status, body = control("POST", "/_fake/scenario", {"rules": [{"service": "sagemaker", "operation": "CreateTrial",
                                                                       "times": 1, "error": {"code": "ResourceLimitExceeded",
                                                                                             "message": "injected"}}]})
        self.assertEqual(status, 200, body)
        try:
            self.sm.create_experiment(ExperimentName="q")
            with self.assertRaises(self.sm.exceptions.ResourceLimitExceeded):
                self.sm.create_trial(TrialName="t", ExperimentName="q")
        finally:
            control("DELETE", "/_fake/scenario")


class TrialComponentsInTheLineage(unittest.TestCase):
    """sagemaker.lineage's trial component calls, on what SageMaker records for a training job."""

    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        status, body = control("POST", "/_fake/scenario", {"seeds": {
            "experiments": [{"name": "churn"}],
            "trials": [{"name": "run-1", "experiment": "churn"}],
            "artifacts": [{"sourceUri": "s3://data/train.csv", "artifactType": "DataSet", "label": "data"},
                          {"sourceUri": "s3://out/model.tar.gz", "artifactType": "Model", "label": "model"}],
            "trialComponents": [{"name": JOB_TC, "trials": ["run-1"], "label": "job", "status": "Completed",
                                 "sourceArn": JOB, "sourceType": "SageMakerTrainingJob",
                                 "sourceTags": {"sagemaker:pipeline-execution-arn": PIPELINE}}],
            "associations": [{"source": "data", "destination": "job", "type": "ContributedTo"},
                             {"source": "job", "destination": "model", "type": "Produced"}]}})
        self.assertEqual(status, 200, body)
        self.sm = client("sagemaker")
        arts = self.sm.list_artifacts()["ArtifactSummaries"]
        self.model = next(a["ArtifactArn"] for a in arts if a["ArtifactType"] == "Model")
        self.data = next(a["ArtifactArn"] for a in arts if a["ArtifactType"] == "DataSet")

    def tearDown(self):
        control("DELETE", "/_fake/scenario")

    def trials_of(self, artifact, direction):
        """Artifact.upstream_trials / downstream_trials: QueryLineage to trial components, then Search."""
        vertices = self.sm.query_lineage(StartArns=[artifact], Direction=direction, IncludeEdges=False,
                                         Filters={"LineageTypes": ["TrialComponent"]})["Vertices"]
        arns = [v["Arn"] for v in vertices]
        if not arns:
            return set()
        results = self.sm.search(Resource="ExperimentTrialComponent", SearchExpression={
            "Filters": [{"Name": "TrialComponentArn", "Operator": "Equals", "Value": a} for a in arns],
            "Operator": "Or"})["Results"]
        return {p["TrialName"] for r in results for p in r["TrialComponent"]["Parents"]}

    def test_which_trials_produced_this_model(self):
        self.assertEqual(self.trials_of(self.model, "Ascendants"), {"run-1"})
        self.assertEqual(self.trials_of(self.data, "Descendants"), {"run-1"})
        self.assertEqual(self.trials_of(self.model, "Descendants"), set())

    def test_vertex_to_lineage_object_and_job_tags(self):
        v = self.sm.query_lineage(StartArns=[self.model], Direction="Ascendants",
                                  Filters={"LineageTypes": ["TrialComponent"], "Types": ["TrainingJob"]})["Vertices"]
        self.assertEqual(v, [{"Arn": ACCOUNT + "experiment-trial-component/" + JOB_TC, "Type": "TrainingJob",
                              "LineageType": "TrialComponent"}])
        # Vertex.to_lineage_object: LineageTrialComponent.load(trial_component_name=<the ARN's last part>).
        tc = self.sm.describe_trial_component(TrialComponentName=v[0]["Arn"].split("/")[-1])
        self.assertEqual(tc["Source"], {"SourceArn": JOB, "SourceType": "SageMakerTrainingJob"})
        # LineageTrialComponent.pipeline_execution_arn: ListTags on the component's source.
        tags = self.sm.list_tags(ResourceArn=tc["Source"]["SourceArn"])["Tags"]
        self.assertEqual([t["Value"] for t in tags if t["Key"] == "sagemaker:pipeline-execution-arn"], [PIPELINE])
        # dataset_artifacts() and models() start from the component's ARN.
        data = self.sm.query_lineage(StartArns=[tc["TrialComponentArn"]], Direction="Ascendants",
                                     Filters={"LineageTypes": ["Artifact"], "Types": ["DataSet"]})["Vertices"]
        self.assertEqual([d["Arn"] for d in data], [self.data])
        models = self.sm.query_lineage(StartArns=[tc["TrialComponentArn"]], Direction="Descendants",
                                       Filters={"Types": ["Model"]})["Vertices"]
        self.assertEqual([m["Arn"] for m in models], [self.model])
        assoc = self.sm.list_associations(DestinationArn=self.model)["AssociationSummaries"]
        self.assertEqual([a["SourceType"] for a in assoc], ["SageMakerTrainingJob"])
        self.assertEqual([c["TrialComponentName"] for c in
                          self.sm.list_trial_components(SourceArn=JOB)["TrialComponentSummaries"]], [JOB_TC])

    def test_record_a_run_as_the_sdk_helpers_do(self):
        """_helper: input artifact -ContributedTo-> component -Produced-> output; a repeat is 'already exists'."""
        tc = self.sm.create_trial_component(TrialComponentName="manual")["TrialComponentArn"]
        self.sm.add_association(SourceArn=self.data, DestinationArn=tc, AssociationType="ContributedTo")
        self.sm.add_association(SourceArn=tc, DestinationArn=self.model, AssociationType="Produced")
        code, msg, _ = error_of(self.sm.add_association, SourceArn=tc, DestinationArn=self.model, AssociationType="Produced")
        self.assertEqual(code, "ValidationException")
        self.assertIn("already exists", msg)
        code, _, _ = error_of(self.sm.add_association, SourceArn=tc,
                              DestinationArn=ACCOUNT + "experiment-trial-component/" + JOB_TC)
        self.assertEqual(code, "ValidationException", "two experiment entities")
        v = self.sm.query_lineage(StartArns=[self.data], Direction="Descendants", MaxDepth=1,
                                  Filters={"LineageTypes": ["TrialComponent"]})["Vertices"]
        self.assertIn({"Arn": tc, "LineageType": "TrialComponent"}, v, "a manual component has no Type")
        self.assertEqual(self.sm.describe_trial_component(TrialComponentName="manual")["LineageGroupArn"],
                         ACCOUNT + "lineage-group/sagemaker-default-lineage-group")
        code, _, _ = error_of(self.sm.get_lineage_group_policy, LineageGroupName="sagemaker-default-lineage-group")
        self.assertEqual(code, "ResourceNotFound")


class Search(unittest.TestCase):
    """Search as sagemaker.experiments and sagemaker.analytics drive it."""

    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.sm = client("sagemaker")
        self.sm.create_experiment(ExperimentName="x")
        self.sm.create_trial(TrialName="Default-Run-Group-x", ExperimentName="x")
        for i in range(12):
            name = "x-run-%d" % i
            self.sm.create_trial_component(TrialComponentName=name, Parameters={"lr": {"NumberValue": i / 10}},
                                           Tags=[{"Key": "sagemaker:trial-component-source", "Value": "run"}])
            self.sm.associate_trial_component(TrialComponentName=name, TrialName="Default-Run-Group-x")
        self.sm.create_trial_component(TrialComponentName="loose")

    def test_is_run_trial_component(self):
        """_RunTrialComponent._trial_component_is_associated / is_run_trial_component."""
        r = self.sm.search(Resource="ExperimentTrialComponent", MaxResults=1, SearchExpression={"Filters": [
            {"Name": "TrialComponentName", "Operator": "Equals", "Value": "x-run-3"}]})
        self.assertEqual(r["TotalHits"], {"Value": 1, "Relation": "EqualTo"})
        tags = r["Results"][0]["TrialComponent"]["Tags"]
        self.assertIn({"Key": "sagemaker:trial-component-source", "Value": "run"}, tags)
        r = self.sm.search(Resource="ExperimentTrialComponent", SearchExpression={"Filters": [
            {"Name": "TrialComponentName", "Operator": "Equals", "Value": "x-run-3"},
            {"Name": "Parents.TrialName", "Operator": "Equals", "Value": "Default-Run-Group-x"}]})
        self.assertEqual(len(r["Results"]), 1)
        loose = self.sm.search(Resource="ExperimentTrialComponent", SearchExpression={"Filters": [
            {"Name": "TrialComponentName", "Operator": "Equals", "Value": "loose"}]})["Results"][0]["TrialComponent"]
        self.assertEqual(loose["Parents"], [], "Parents is a list even when empty")

    def test_experiment_analytics_pages(self):
        """ExperimentAnalytics._get_trial_components: loop while NextToken is in the response and the page is not empty."""
        names, kwargs = [], dict(Resource="ExperimentTrialComponent", MaxResults=5, SortBy="Parameters.lr",
                                 SortOrder="Descending", SearchExpression={"Filters": [
                                     {"Name": "Parents.ExperimentName", "Operator": "Equals", "Value": "x"}]})
        while True:
            resp = self.sm.search(**kwargs)
            names += [r["TrialComponent"]["TrialComponentName"] for r in resp["Results"]]
            if "NextToken" not in resp or not resp["Results"]:
                break
            kwargs["NextToken"] = resp["NextToken"]
        self.assertEqual(names, ["x-run-%d" % i for i in range(11, -1, -1)])
        pages = list(self.sm.get_paginator("search").paginate(Resource="ExperimentTrial"))
        self.assertEqual([r["Trial"]["TrialName"] for p in pages for r in p["Results"]], ["Default-Run-Group-x"])
        self.assertEqual(len(pages[0]["Results"][0]["Trial"]["TrialComponentSummaries"]), 12)

    def test_refusals_and_suggestions(self):
        code, msg, status = error_of(self.sm.search, Resource="ExperimentTrialComponent", SearchExpression={
            "Filters": [{"Name": "TrialName", "Operator": "Equals", "Value": "t"}]})
        self.assertEqual((code, msg, status), ("ValidationException", "Unknown property name: TrialName", 400))
        s = self.sm.get_search_suggestions(Resource="ExperimentTrialComponent",
                                           SuggestionQuery={"PropertyNameQuery": {"PropertyNameHint": "param"}})
        self.assertEqual(s["PropertyNameSuggestions"], [{"PropertyName": "Parameters.lr"}])


@unittest.skipIf(os.environ.get("AWSFAKE_NO_CLI"), "no aws command")
class ExperimentsCLI(unittest.TestCase):
    def cli(self, *args):
        r = subprocess.run(["aws", "--endpoint-url", URL, "sagemaker", *args], env=ENV, capture_output=True, text=True,
                           timeout=60)
        return r.returncode, (json.loads(r.stdout) if r.returncode == 0 and r.stdout.strip() else r.stderr)

    def setUp(self):
        control("POST", "/_fake/reset")

    def test_cli(self):
        self.assertEqual(self.cli("create-experiment", "--experiment-name", "cli-x")[0], 0)
        self.assertEqual(self.cli("create-trial", "--trial-name", "cli-t", "--experiment-name", "cli-x")[0], 0)
        for i in range(7):
            code, out = self.cli("create-trial-component", "--trial-component-name", "cli-c%d" % i,
                                 "--parameters", '{"lr": {"NumberValue": 0.%d}}' % i)
            self.assertEqual(code, 0, out)
            code, out = self.cli("associate-trial-component", "--trial-component-name", "cli-c%d" % i, "--trial-name", "cli-t")
            self.assertEqual(code, 0, out)
        code, out = self.cli("list-trial-components", "--trial-name", "cli-t", "--page-size", "3")
        self.assertEqual(len(out["TrialComponentSummaries"]), 7, "the CLI follows NextToken")
        code, out = self.cli("search", "--resource", "ExperimentTrialComponent", "--search-expression",
                             '{"Filters": [{"Name": "Parameters.lr", "Operator": "GreaterThanOrEqualTo", "Value": "0.5"}]}',
                             "--page-size", "1")
        self.assertEqual(code, 0, out)
        self.assertEqual(sorted(r["TrialComponent"]["TrialComponentName"] for r in out["Results"]), ["cli-c5", "cli-c6"])
        code, out = self.cli("describe-trial-component", "--trial-component-name", "cli-c1")
        self.assertEqual(out["Parameters"], {"lr": {"NumberValue": 0.1}})
        code, out = self.cli("delete-trial", "--trial-name", "cli-t")
        self.assertNotEqual(code, 0)
        self.assertIn("(ValidationException)", out)
        code, out = self.cli("describe-trial", "--trial-name", "nope")
        self.assertIn("(ResourceNotFound)", out)
        code, out = self.cli("disassociate-trial-component", "--trial-component-name", "cli-c1", "--trial-name", "cli-t")
        self.assertEqual(out["TrialArn"], ACCOUNT + "experiment-trial/cli-t")
        code, out = self.cli("list-experiments")
        self.assertEqual([x["ExperimentName"] for x in out["ExperimentSummaries"]], ["cli-x"])


if __name__ == "__main__":
    unittest.main()
