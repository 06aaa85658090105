"""SageMaker lineage actions, artifacts, contexts, lineage groups, associations and QueryLineage on awsfake's server, through
boto3 and the AWS CLI.

Run by conformance/run.sh, which starts the server and sets AWSFAKE_URL.
"""
import json
import os
import subprocess
import unittest
import urllib.request

import boto3
import botocore
from botocore.config import Config

URL = os.environ["AWSFAKE_URL"]
ENV = dict(os.environ, AWS_ACCESS_KEY_ID="123456789012", AWS_SECRET_ACCESS_KEY="awsfake",
           AWS_DEFAULT_REGION="us-east-1", AWS_PAGER="")


def client(service, validate=True, region="us-east-1", retries=None):
    # botocore's max_attempts counts retries after the first attempt: 0 means none.
    cfg = Config(parameter_validation=validate, retries=retries or {"max_attempts": 0, "mode": "standard"})
    return boto3.client(service, endpoint_url=URL, region_name=region, config=cfg,
                        aws_access_key_id="123456789012", aws_secret_access_key="awsfake")


def control(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(URL + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def error_of(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("expected an error")


def action(name, uri="s3://models/m.tar.gz", **extra):
    return dict(ActionName=name, ActionType="ModelDeployment", Source={"SourceUri": uri}, **extra)


class SageMakerActions(unittest.TestCase):
    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.sm = client("sagemaker")

    def test_create_describe(self):
        arn = self.sm.create_action(**action("deploy-1", Description="first", Properties={"k": "v"}))["ActionArn"]
        self.assertEqual(arn, "arn:aws:sagemaker:us-east-1:123456789012:action/deploy-1")
        for key in ("deploy-1", arn):
            d = self.sm.describe_action(ActionName=key)
            self.assertEqual(d["ActionName"], "deploy-1")
            self.assertEqual(d["Properties"], {"k": "v"})
            self.assertEqual(d["Source"]["SourceUri"], "s3://models/m.tar.gz")
            self.assertIn("CreationTime", d)

    def test_duplicate(self):
        self.sm.create_action(**action("dup"))
        code, msg, status = error_of(self.sm.create_action, **action("dup"))
        self.assertEqual((code, status), ("ValidationException", 400))
        self.assertIn("already exists", msg)

    def test_not_found_is_modelled(self):
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.describe_action(ActionName="missing")

    def test_validation_with_client_validation_off(self):
        raw = client("sagemaker", validate=False)
        code, msg, status = error_of(raw.create_action, **action("bad_name"))
        self.assertEqual((code, status), ("ValidationException", 400))
        self.assertEqual(msg, "1 validation error detected: Value 'bad_name' at 'actionName' failed to satisfy "
                              "constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}")
        code, msg, _ = error_of(raw.create_action, ActionType="t", Source={"SourceUri": "s3://x"})
        self.assertEqual(msg, "1 validation error detected: Value null at 'actionName' failed to satisfy "
                              "constraint: Member must not be null")
        code, msg, _ = error_of(raw.list_actions, MaxResults=500, SortOrder="Up")
        self.assertIn("Value '500' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100", msg)
        self.assertIn("Member must satisfy enum value set: [Ascending, Descending]", msg)

    def test_paging(self):
        for i in range(25):
            self.sm.create_action(**action("a-%02d" % i))
        pages = list(self.sm.get_paginator("list_actions").paginate(PaginationConfig={"PageSize": 10},
                                                                     SortBy="Name", SortOrder="Ascending"))
        self.assertEqual([len(p["ActionSummaries"]) for p in pages], [10, 10, 5])
        self.assertNotIn("NextToken", pages[-1])
        names = [s["ActionName"] for p in pages for s in p["ActionSummaries"]]
        self.assertEqual(names, ["a-%02d" % i for i in range(25)])
        code, _, _ = error_of(self.sm.list_actions, NextToken="not-a-token")
        self.assertEqual(code, "ValidationException")

    def test_tags(self):
        arn = self.sm.create_action(**action("tagged", Tags=[{"Key": "team", "Value": "ml"}]))["ActionArn"]
        self.sm.add_tags(ResourceArn=arn, Tags=[{"Key": "env", "Value": "prod"}])
        tags = {t["Key"]: t["Value"] for t in self.sm.list_tags(ResourceArn=arn)["Tags"]}
        self.assertEqual(tags, {"team": "ml", "env": "prod"})
        self.sm.delete_tags(ResourceArn=arn, TagKeys=["team"])
        self.assertEqual(self.sm.list_tags(ResourceArn=arn)["Tags"], [{"Key": "env", "Value": "prod"}])

    def test_update_delete(self):
        self.sm.create_action(**action("u", Properties={"a": "1"}))
        self.sm.update_action(ActionName="u", Status="Completed", PropertiesToRemove=["a"])
        d = self.sm.describe_action(ActionName="u")
        self.assertEqual(d["Status"], "Completed")
        self.assertEqual(d.get("Properties", {}), {})
        self.sm.delete_action(ActionName="u")
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.delete_action(ActionName="u")

    def test_regions_and_accounts_are_separate(self):
        self.sm.create_action(**action("same"))
        west = client("sagemaker", region="us-west-2")
        self.assertEqual(west.create_action(**action("same"))["ActionArn"],
                         "arn:aws:sagemaker:us-west-2:123456789012:action/same")
        other = boto3.client("sagemaker", endpoint_url=URL, region_name="us-east-1",
                             aws_access_key_id="210987654321", aws_secret_access_key="x")
        self.assertEqual(other.create_action(**action("same"))["ActionArn"],
                         "arn:aws:sagemaker:us-east-1:210987654321:action/same")

    def test_unsupported_operation_is_a_clear_client_error(self):
        code, msg, status = error_of(self.sm.describe_training_job, TrainingJobName="j")
        self.assertEqual((code, status), ("UnknownOperationException", 400))
        self.assertIn("SageMaker.DescribeTrainingJob", msg)


def artifact(uri, **extra):
    return {"ArtifactType": "Model", "Source": {"SourceUri": uri}, **extra}


def context(name, **extra):
    return dict(ContextName=name, ContextType="Endpoint",
                Source={"SourceUri": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/" + name}, **extra)


DEFAULT_GROUP = "arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group"


class SageMakerArtifacts(unittest.TestCase):
    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.sm = client("sagemaker")

    def test_identity_is_the_source(self):
        etag = {"SourceIdType": "S3ETag", "Value": "e1"}
        arn = self.sm.create_artifact(**artifact("s3://m/v7", ArtifactName="model"))["ArtifactArn"]
        self.assertRegex(arn, r"^arn:aws:sagemaker:us-east-1:123456789012:artifact/[0-9a-f]{32}$")
        other = self.sm.create_artifact(**artifact("s3://m/v7", ArtifactName="model",
                                                   Source={"SourceUri": "s3://m/v7", "SourceTypes": [etag]}))["ArtifactArn"]
        self.assertNotEqual(arn, other, "a name may repeat; the source types make another source")
        code, msg, status = error_of(self.sm.create_artifact, **artifact("s3://m/v7"))
        self.assertEqual((code, status), ("ValidationException", 400))
        self.assertIn("already exists", msg)
        self.assertIn(arn, msg)

    def test_describe_update_delete(self):
        arn = self.sm.create_artifact(**artifact("s3://m/v1", Properties={"a": "1"},
                                                 MetadataProperties={"CommitId": "c"}))["ArtifactArn"]
        d = self.sm.describe_artifact(ArtifactArn=arn)
        self.assertNotIn("ArtifactName", d)
        self.assertEqual(d["Source"], {"SourceUri": "s3://m/v1"})
        self.assertEqual(d["MetadataProperties"], {"CommitId": "c"})
        self.assertEqual(d["LineageGroupArn"], DEFAULT_GROUP)
        control("POST", "/_fake/clock/advance", {"duration": "90s"})
        self.sm.update_artifact(ArtifactArn=arn, ArtifactName="renamed", Properties={"b": "2"}, PropertiesToRemove=["a"])
        u = self.sm.describe_artifact(ArtifactArn=arn)
        self.assertEqual((u["ArtifactName"], u["Properties"]), ("renamed", {"b": "2"}))
        self.assertEqual((u["LastModifiedTime"] - u["CreationTime"]).total_seconds(), 90)
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.describe_artifact(ArtifactArn=arn.replace(arn[-32:], "0" * 32))
        self.assertEqual(self.sm.delete_artifact(Source={"SourceUri": "s3://m/v1"})["ArtifactArn"], arn)
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.delete_artifact(ArtifactArn=arn)
        code, msg, _ = error_of(self.sm.delete_artifact)
        self.assertEqual((code, msg), ("ValidationException", "Either ArtifactArn or Source must be specified."))

    def test_list_and_paginate(self):
        for i in range(12):
            self.sm.create_artifact(**artifact("s3://list/%02d" % i, ArtifactType="DataSet" if i % 2 else "Model"))
        first = self.sm.list_artifacts()
        self.assertEqual(len(first["ArtifactSummaries"]), 10)
        self.assertIn("NextToken", first)
        pages = list(self.sm.get_paginator("list_artifacts").paginate(PaginationConfig={"PageSize": 5}, SortOrder="Ascending"))
        self.assertEqual([len(p["ArtifactSummaries"]) for p in pages], [5, 5, 2])
        uris = [s["Source"]["SourceUri"] for p in pages for s in p["ArtifactSummaries"]]
        self.assertEqual(uris, ["s3://list/%02d" % i for i in range(12)], "created at one instant: creation order")
        models = self.sm.list_artifacts(ArtifactType="Model", SourceUri="s3://list/04")["ArtifactSummaries"]
        self.assertEqual([s["Source"]["SourceUri"] for s in models], ["s3://list/04"])
        raw = client("sagemaker", validate=False)
        code, msg, _ = error_of(raw.list_artifacts, SortBy="Name")
        self.assertIn("Member must satisfy enum value set: [CreationTime]", msg)

    def test_tags(self):
        arn = self.sm.create_artifact(**artifact("s3://tagged", Tags=[{"Key": "team", "Value": "ml"}]))["ArtifactArn"]
        self.sm.add_tags(ResourceArn=arn, Tags=[{"Key": "env", "Value": "prod"}])
        self.sm.delete_tags(ResourceArn=arn, TagKeys=["team"])
        self.assertEqual(self.sm.list_tags(ResourceArn=arn)["Tags"], [{"Key": "env", "Value": "prod"}])


class SageMakerContexts(unittest.TestCase):
    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.sm = client("sagemaker")

    def test_create_describe_update_delete(self):
        arn = self.sm.create_context(**context("churn_prod", Description="d", Properties={"a": "1"},
                                               Tags=[{"Key": "team", "Value": "ml"}]))["ContextArn"]
        self.assertEqual(arn, "arn:aws:sagemaker:us-east-1:123456789012:context/churn_prod")
        for key in ("churn_prod", arn):
            d = self.sm.describe_context(ContextName=key)
            self.assertEqual((d["ContextName"], d["Description"], d["LineageGroupArn"]), ("churn_prod", "d", DEFAULT_GROUP))
        code, msg, _ = error_of(self.sm.create_context, **context("churn_prod"))
        self.assertEqual(code, "ValidationException")
        self.assertIn("already exists", msg)
        self.sm.update_context(ContextName="churn_prod", Description="new", PropertiesToRemove=["a"])
        d = self.sm.describe_context(ContextName="churn_prod")
        self.assertEqual((d["Description"], d.get("Properties", {})), ("new", {}))
        self.assertEqual(self.sm.list_tags(ResourceArn=arn)["Tags"], [{"Key": "team", "Value": "ml"}])
        self.assertEqual(self.sm.delete_context(ContextName="churn_prod")["ContextArn"], arn)
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.describe_context(ContextName="churn_prod")

    def test_list_by_name(self):
        for name in ("b", "a_1", "c"):
            self.sm.create_context(**context(name))
        names = [s["ContextName"] for p in self.sm.get_paginator("list_contexts").paginate(
            SortBy="Name", SortOrder="Ascending", PaginationConfig={"PageSize": 2}) for s in p["ContextSummaries"]]
        self.assertEqual(names, ["a_1", "b", "c"])

    def test_name_pattern_message(self):
        raw = client("sagemaker", validate=False)
        code, msg, _ = error_of(raw.create_context, **context("bad name"))
        self.assertEqual(msg, "1 validation error detected: Value 'bad name' at 'contextName' failed to satisfy constraint: "
                              "Member must satisfy regular expression pattern: ^[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,119}")


class LineageGroups(unittest.TestCase):
    def setUp(self):
        control("POST", "/_fake/reset")
        self.sm = client("sagemaker")

    def test_default_group(self):
        self.assertEqual(self.sm.list_lineage_groups()["LineageGroupSummaries"], [])
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.describe_lineage_group(LineageGroupName="sagemaker-default-lineage-group")
        self.sm.create_action(**action("first"))
        groups = self.sm.list_lineage_groups()["LineageGroupSummaries"]
        self.assertEqual([(g["LineageGroupName"], g["LineageGroupArn"]) for g in groups],
                         [("sagemaker-default-lineage-group", DEFAULT_GROUP)])
        d = self.sm.describe_lineage_group(LineageGroupName="sagemaker-default-lineage-group")
        self.assertEqual(d["LineageGroupArn"], DEFAULT_GROUP)
        self.assertEqual(self.sm.describe_action(ActionName="first")["LineageGroupArn"], DEFAULT_GROUP)
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.describe_lineage_group(LineageGroupName="other")

    def test_seeds(self):
        status, body = control("POST", "/_fake/scenario", {"seeds": {
            "artifacts": [{"sourceUri": "s3://seeded/model", "name": "model", "artifactType": "Model"}],
            "contexts": [{"name": "seeded_endpoint", "contextType": "Endpoint"}]}})
        self.assertEqual(status, 200, body)
        try:
            arts = self.sm.list_artifacts(SourceUri="s3://seeded/model")["ArtifactSummaries"]
            self.assertEqual([a["ArtifactName"] for a in arts], ["model"])
            self.assertEqual(self.sm.describe_context(ContextName="seeded_endpoint")["ContextType"], "Endpoint")
        finally:
            control("DELETE", "/_fake/scenario")


def lineage_post(target, body):
    """A raw AWS JSON 1.1 request, as any SDK sends it: the response body exactly as it came."""
    req = urllib.request.Request(URL + "/", data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "SageMaker." + target})
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class SageMakerLineageGraph(unittest.TestCase):
    """Associations and QueryLineage as AWS's Python SDK drives them (facts 5.2 and 5.5)."""

    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.sm = client("sagemaker")
        self.sent, self.received = [], []
        events = self.sm.meta.events
        events.register("before-send.sagemaker.QueryLineage", lambda request, **_: self.sent.append(json.loads(request.body)))
        events.register("before-parse.sagemaker.QueryLineage",
                        lambda response_dict, **_: self.received.append(json.loads(response_dict["body"])))

    def worked_example(self):
        """facts 5.5: image -ContributedTo-> model, dataset -AssociatedWith-> model,
        model -ContributedTo-> action, action -AssociatedWith-> endpoint context."""
        art = lambda uri, typ: self.sm.create_artifact(ArtifactType=typ, Source={"SourceUri": uri})["ArtifactArn"]
        g = dict(image=art("ecr://image", "Image"), model=art("s3://model.tar.gz", "Model"), dataset=art("s3://train.csv", "DataSet"))
        g["action"] = self.sm.create_action(ActionName="deploy", ActionType="ModelDeploy",
                                            Source={"SourceUri": "s3://model.tar.gz"})["ActionArn"]
        g["ctx"] = self.sm.create_context(**context("prod"))["ContextArn"]
        for src, dst, typ in (("image", "model", "ContributedTo"), ("dataset", "model", "AssociatedWith"),
                              ("model", "action", "ContributedTo"), ("action", "ctx", "AssociatedWith")):
            out = self.sm.add_association(SourceArn=g[src], DestinationArn=g[dst], AssociationType=typ)
            self.assertEqual((out["SourceArn"], out["DestinationArn"]), (g[src], g[dst]))
        return g

    def test_worked_example_as_the_python_sdk_sends_it(self):
        g = self.worked_example()
        # LineageQuery.query(start_arns=[model]): Both, IncludeEdges, "Filters": {}, MaxDepth 10.
        resp = self.sm.query_lineage(StartArns=[g["model"]], Direction="Both", IncludeEdges=True, Filters={}, MaxDepth=10)
        self.assertEqual(self.sent[-1], {"StartArns": [g["model"]], "Direction": "Both", "IncludeEdges": True,
                                         "Filters": {}, "MaxDepth": 10}, "what went on the wire")
        vertices = sorted((v["Arn"], v["Type"], v["LineageType"]) for v in resp["Vertices"])
        self.assertEqual(vertices, sorted([(g["model"], "Model", "Artifact"), (g["image"], "Image", "Artifact"),
                                           (g["dataset"], "DataSet", "Artifact"), (g["action"], "ModelDeploy", "Action"),
                                           (g["ctx"], "Endpoint", "Context")]))
        edges = sorted((e["SourceArn"], e["DestinationArn"], e["AssociationType"]) for e in resp["Edges"])
        self.assertEqual(edges, sorted([(g["image"], g["model"], "ContributedTo"), (g["dataset"], g["model"], "AssociatedWith"),
                                        (g["model"], g["action"], "ContributedTo"), (g["action"], g["ctx"], "AssociatedWith")]),
                         "edges in the orientation they were created with")
        self.assertNotIn("NextToken", self.received[-1], "without MaxResults every vertex is on one page")

    def test_endpoint_contexts(self):
        g = self.worked_example()
        # ModelArtifact.endpoint_contexts(): only the endpoint context, and the SDK indexes
        # "Edges" directly, so the key is there, empty.
        resp = self.sm.query_lineage(StartArns=[g["model"]], Direction="Descendants", IncludeEdges=False,
                                     Filters={"LineageTypes": ["Context"], "Types": ["Endpoint"]}, MaxDepth=10)
        self.assertEqual(resp["Vertices"], [{"Arn": g["ctx"], "Type": "Endpoint", "LineageType": "Context"}])
        self.assertEqual(self.received[-1]["Edges"], [])
        self.assertEqual(set(self.received[-1]), {"Vertices", "Edges"})

    def test_vertices_and_edges_are_always_in_the_json(self):
        lonely = self.sm.create_action(**action("lonely"))["ActionArn"]
        self.sm.query_lineage(StartArns=[lonely], Direction="Both", IncludeEdges=False, Filters={}, MaxDepth=10)
        self.assertEqual(self.received[-1], {"Vertices": [], "Edges": []})
        status, body = lineage_post("QueryLineage", {"StartArns": [lonely]})
        self.assertEqual((status, json.loads(body)), (200, {"Vertices": [], "Edges": []}))
        status, body = lineage_post("QueryLineage", {"StartArns": [lonely], "IncludeEdges": True, "Filters": {}})
        self.assertEqual(json.loads(body), {"Vertices": [{"Arn": lonely, "Type": "ModelDeployment", "LineageType": "Action"}],
                                            "Edges": []}, "with IncludeEdges the start comes back")

    def test_query_refusals(self):
        g = self.worked_example()
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.query_lineage(StartArns=[g["model"][:-1] + "0"], Filters={})
        raw = client("sagemaker", validate=False)
        for kwargs, want in (({}, "StartArns must name the lineage entity to start from."),
                             ({"StartArns": [g["model"]], "MaxDepth": 11}, "Member must have value less than or equal to 10"),
                             ({"StartArns": [g["model"]], "MaxResults": 51}, "Member must have value less than or equal to 50"),
                             ({"StartArns": [g["model"]], "Filters": {"LineageTypes": ["Trial"]}}, "Member must satisfy enum value set")):
            code, msg, status = error_of(raw.query_lineage, **kwargs)
            self.assertEqual((code, status), ("ValidationException", 400), kwargs)
            self.assertIn(want, msg, kwargs)

    def test_paging_with_max_results(self):
        hub = self.sm.create_context(**context("hub"))["ContextArn"]
        spokes = []
        for i in range(7):
            spokes.append(self.sm.create_artifact(**artifact("s3://spoke/%d" % i))["ArtifactArn"])
            self.sm.add_association(SourceArn=hub, DestinationArn=spokes[-1])
        seen, token, pages = [], None, 0
        while True:
            kwargs = {"NextToken": token} if token else {}
            resp = self.sm.query_lineage(StartArns=[hub], Direction="Descendants", MaxResults=3, **kwargs)
            pages += 1
            seen += [v["Arn"] for v in resp["Vertices"]]
            token = resp.get("NextToken")
            if not token:
                break
        self.assertEqual(pages, 3)
        self.assertEqual(sorted(seen), sorted(spokes))

    def test_add_delete_errors(self):
        g = self.worked_example()
        code, msg, status = error_of(self.sm.add_association, SourceArn=g["model"], DestinationArn=g["action"],
                                     AssociationType="Produced")
        self.assertEqual((code, status), ("ValidationException", 400))
        self.assertIn("already exists", msg, "the pair is the association, whatever its type")
        missing = "arn:aws:sagemaker:us-east-1:123456789012:context/missing"
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.add_association(SourceArn=g["model"], DestinationArn=missing)
        code, msg, _ = error_of(self.sm.add_association,
                                SourceArn="arn:aws:sagemaker:us-east-1:123456789012:experiment/x",
                                DestinationArn="arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc")
        self.assertEqual(code, "ValidationException")
        self.assertIn("two experiment entities", msg)
        raw = client("sagemaker", validate=False)
        code, msg, _ = error_of(raw.add_association, SourceArn="arn:aws:sagemaker:us-east-1:123456789012:experiment-trial/t",
                                DestinationArn=g["model"])
        self.assertIn("at 'sourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern", msg)
        out = self.sm.delete_association(SourceArn=g["model"], DestinationArn=g["action"])
        self.assertEqual((out["SourceArn"], out["DestinationArn"]), (g["model"], g["action"]))
        with self.assertRaises(self.sm.exceptions.ResourceNotFound):
            self.sm.delete_association(SourceArn=g["model"], DestinationArn=g["action"])

    def test_list_associations(self):
        named = self.sm.create_artifact(**artifact("s3://named", ArtifactName="model-v1"))["ArtifactArn"]
        data = self.sm.create_artifact(ArtifactType="DataSet", Source={"SourceUri": "s3://data"})["ArtifactArn"]
        deploy = self.sm.create_action(**action("deploy"))["ActionArn"]
        self.sm.add_association(SourceArn=data, DestinationArn=named, AssociationType="ContributedTo")
        control("POST", "/_fake/clock/advance", {"duration": "1s"})
        self.sm.add_association(SourceArn=named, DestinationArn=deploy)
        summaries = self.sm.list_associations()["AssociationSummaries"]
        self.assertEqual([(s["SourceArn"], s["DestinationArn"]) for s in summaries], [(named, deploy), (data, named)],
                         "newest first")
        newest, oldest = summaries
        self.assertNotIn("AssociationType", newest, "none was given, none is invented")
        self.assertEqual((newest["SourceType"], newest["SourceName"], newest["DestinationType"], newest["DestinationName"]),
                         ("Model", "model-v1", "ModelDeployment", "deploy"))
        self.assertNotIn("SourceName", oldest, "an unnamed artifact has no name")
        self.assertEqual((oldest["AssociationType"], oldest["SourceType"]), ("ContributedTo", "DataSet"))
        by_source = self.sm.list_associations(SourceArn=named)["AssociationSummaries"]
        self.assertEqual([s["DestinationArn"] for s in by_source], [deploy])
        pages = list(self.sm.get_paginator("list_associations").paginate(
            SortBy="SourceType", SortOrder="Ascending", PaginationConfig={"PageSize": 1}))
        self.assertEqual([p["AssociationSummaries"][0]["SourceType"] for p in pages], ["DataSet", "Model"])
        self.assertNotIn("NextToken", pages[-1])
        code, _, _ = error_of(self.sm.list_associations, NextToken="forged")
        self.assertEqual(code, "ValidationException")

    def test_deleting_an_associated_entity_is_refused(self):
        g = self.worked_example()
        code, msg, status = error_of(self.sm.delete_action, ActionName="deploy")
        self.assertEqual((code, status), ("ValidationException", 400))
        self.assertEqual(msg, g["action"] + " cannot be deleted while it has associations (2): delete them first.")
        self.assertEqual(error_of(self.sm.delete_artifact, ArtifactArn=g["model"])[0], "ValidationException")
        self.assertEqual(error_of(self.sm.delete_context, ContextName="prod")[0], "ValidationException")
        # As the Python SDK's delete(disassociate=True) does: the associations first.
        for kwargs in ({"SourceArn": g["action"]}, {"DestinationArn": g["action"]}):
            for s in self.sm.list_associations(**kwargs)["AssociationSummaries"]:
                self.sm.delete_association(SourceArn=s["SourceArn"], DestinationArn=s["DestinationArn"])
        self.sm.delete_action(ActionName="deploy")
        self.assertEqual(len(self.sm.list_associations()["AssociationSummaries"]), 2)

    def test_seeded_associations(self):
        status, body = control("POST", "/_fake/scenario", {"seeds": {
            "artifacts": [{"sourceUri": "s3://seeded/model", "artifactType": "Model", "label": "model"}],
            "contexts": [{"name": "seeded_endpoint", "contextType": "Endpoint", "label": "endpoint"}],
            "associations": [{"source": "model", "destination": "endpoint", "type": "ContributedTo"}]}})
        self.assertEqual(status, 200, body)
        try:
            s = self.sm.list_associations()["AssociationSummaries"]
            self.assertEqual([(a["SourceType"], a["DestinationArn"], a["AssociationType"]) for a in s],
                             [("Model", "arn:aws:sagemaker:us-east-1:123456789012:context/seeded_endpoint", "ContributedTo")])
        finally:
            control("DELETE", "/_fake/scenario")


@unittest.skipIf(os.environ.get("AWSFAKE_NO_CLI"), "no aws command")
class AWSCLI(unittest.TestCase):
    def cli(self, *args):
        return subprocess.run(["aws", "--endpoint-url", URL, *args], env=ENV, capture_output=True, text=True, timeout=60)

    def setUp(self):
        control("POST", "/_fake/reset")

    def test_cli(self):
        r = self.cli("sagemaker", "create-action", "--action-name", "cli-1", "--action-type", "Deploy",
                     "--source", "SourceUri=s3://cli/1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["ActionArn"], "arn:aws:sagemaker:us-east-1:123456789012:action/cli-1")
        r = self.cli("sagemaker", "describe-action", "--action-name", "cli-1")
        self.assertEqual(json.loads(r.stdout)["Source"]["SourceUri"], "s3://cli/1")
        r = self.cli("sagemaker", "create-action", "--action-name", "cli-1", "--action-type", "Deploy",
                     "--source", "SourceUri=s3://cli/1")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("(ValidationException)", r.stderr)
        self.assertIn("already exists", r.stderr)
        r = self.cli("sagemaker", "describe-action", "--action-name", "nope")
        self.assertIn("(ResourceNotFound)", r.stderr)
        for i in range(12):
            self.cli("sagemaker", "create-action", "--action-name", "p-%d" % i, "--action-type", "Deploy",
                     "--source", "SourceUri=s3://cli/p")
        r = self.cli("sagemaker", "list-actions", "--source-uri", "s3://cli/p", "--page-size", "5")
        self.assertEqual(len(json.loads(r.stdout)["ActionSummaries"]), 12, "the CLI follows NextToken")

    def test_cli_lineage_entities(self):
        r = self.cli("sagemaker", "create-artifact", "--artifact-type", "Model", "--artifact-name", "m",
                     "--source", "SourceUri=s3://cli/model,SourceTypes=[{SourceIdType=S3ETag,Value=e1}]")
        self.assertEqual(r.returncode, 0, r.stderr)
        arn = json.loads(r.stdout)["ArtifactArn"]
        self.assertRegex(arn, r"artifact/[0-9a-f]{32}$")
        r = self.cli("sagemaker", "describe-artifact", "--artifact-arn", arn)
        self.assertEqual(json.loads(r.stdout)["Source"]["SourceTypes"], [{"SourceIdType": "S3ETag", "Value": "e1"}])
        r = self.cli("sagemaker", "create-context", "--context-name", "cli_endpoint", "--context-type", "Endpoint",
                     "--source", "SourceUri=arn:aws:sagemaker:us-east-1:123456789012:endpoint/cli")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.cli("sagemaker", "create-context", "--context-name", "cli_endpoint", "--context-type", "Endpoint",
                     "--source", "SourceUri=s3://x")
        self.assertIn("(ValidationException)", r.stderr)
        self.assertIn("already exists", r.stderr)
        for i in range(12):
            self.cli("sagemaker", "create-artifact", "--artifact-type", "DataSet", "--source", "SourceUri=s3://cli/d%d" % i)
        r = self.cli("sagemaker", "list-artifacts", "--artifact-type", "DataSet", "--page-size", "5")
        self.assertEqual(len(json.loads(r.stdout)["ArtifactSummaries"]), 12, "the CLI follows NextToken")
        r = self.cli("sagemaker", "list-contexts", "--sort-by", "Name")
        self.assertEqual([c["ContextName"] for c in json.loads(r.stdout)["ContextSummaries"]], ["cli_endpoint"])
        r = self.cli("sagemaker", "delete-artifact", "--source", "SourceUri=s3://cli/model")
        self.assertEqual(json.loads(r.stdout)["ArtifactArn"], arn)
        r = self.cli("sagemaker", "list-lineage-groups")
        self.assertEqual(json.loads(r.stdout)["LineageGroupSummaries"][0]["LineageGroupName"], "sagemaker-default-lineage-group")
        r = self.cli("sagemaker", "describe-lineage-group", "--lineage-group-name", "nope")
        self.assertIn("(ResourceNotFound)", r.stderr)

    def test_cli_lineage_graph(self):
        arns = []
        for uri, typ in (("s3://cli/model", "Model"), ("s3://cli/data", "DataSet")):
            r = self.cli("sagemaker", "create-artifact", "--artifact-type", typ, "--source", "SourceUri=" + uri)
            self.assertEqual(r.returncode, 0, r.stderr)
            arns.append(json.loads(r.stdout)["ArtifactArn"])
        model, data = arns
        r = self.cli("sagemaker", "create-context", "--context-name", "cli_prod", "--context-type", "Endpoint",
                     "--source", "SourceUri=arn:aws:sagemaker:us-east-1:123456789012:endpoint/cli-prod")
        endpoint = json.loads(r.stdout)["ContextArn"]
        for src, dst in ((data, model), (model, endpoint)):
            r = self.cli("sagemaker", "add-association", "--source-arn", src, "--destination-arn", dst,
                         "--association-type", "ContributedTo")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout), {"SourceArn": src, "DestinationArn": dst})
        r = self.cli("sagemaker", "add-association", "--source-arn", model, "--destination-arn", endpoint)
        self.assertIn("(ValidationException)", r.stderr)
        self.assertIn("already exists", r.stderr)
        r = self.cli("sagemaker", "query-lineage", "--start-arns", model, "--direction", "Descendants",
                     "--filters", "LineageTypes=Context,Types=Endpoint", "--max-depth", "10")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout), {"Vertices": [{"Arn": endpoint, "Type": "Endpoint", "LineageType": "Context"}],
                                                "Edges": []})
        r = self.cli("sagemaker", "query-lineage", "--start-arns", endpoint, "--direction", "Ascendants", "--include-edges")
        out = json.loads(r.stdout)
        self.assertEqual(sorted(v["Arn"] for v in out["Vertices"]), sorted([data, model, endpoint]))
        self.assertEqual(len(out["Edges"]), 2)
        r = self.cli("sagemaker", "list-associations", "--destination-arn", model)
        self.assertEqual([a["SourceArn"] for a in json.loads(r.stdout)["AssociationSummaries"]], [data])
        r = self.cli("sagemaker", "delete-association", "--source-arn", data, "--destination-arn", endpoint)
        self.assertIn("(ResourceNotFound)", r.stderr)


class ControlEndpoints(unittest.TestCase):
    def test_health_clock_calls_reset(self):
        self.assertEqual(control("GET", "/_fake/health"), (200, {"status": "ok"}))
        status, before = control("GET", "/_fake/clock")
        self.assertEqual(status, 200)
        status, after = control("POST", "/_fake/clock/advance", {"duration": "90s"})
        self.assertEqual(status, 200)
        self.assertGreater(after["now"], before["now"])
        self.assertEqual(control("POST", "/_fake/clock/advance", {"duration": "soon"})[0], 400)
        control("POST", "/_fake/reset")
        sm = client("sagemaker")
        sm.create_action(**action("logged"))
        status, calls = control("GET", "/_fake/calls?operation=CreateAction")
        self.assertEqual(status, 200)
        self.assertEqual([c["input"]["ActionName"] for c in calls], ["logged"])
        self.assertEqual(calls[0]["output"]["ActionArn"], "arn:aws:sagemaker:us-east-1:123456789012:action/logged")
        self.assertEqual(control("GET", "/_fake/nothing")[0], 404)


class Scenarios(unittest.TestCase):
    def setUp(self):
        control("POST", "/_fake/reset")

    def tearDown(self):
        control("DELETE", "/_fake/scenario")

    def test_throttling_then_success_with_botocore_retries(self):
        status, _ = control("POST", "/_fake/scenario", {"rules": [
            {"service": "sagemaker", "operation": "CreateAction", "times": 1,
             "error": {"code": "ThrottlingException", "message": "Rate exceeded"}}]})
        self.assertEqual(status, 200)
        sm = client("sagemaker", retries={"max_attempts": 2, "mode": "standard"})
        resp = sm.create_action(**action("retried"))
        self.assertEqual(resp["ResponseMetadata"]["RetryAttempts"], 1)
        _, calls = control("GET", "/_fake/calls?operation=CreateAction")
        self.assertEqual([c.get("error", {}).get("code") for c in calls], ["ThrottlingException", None])

    def test_lost_response_and_seeds(self):
        control("POST", "/_fake/scenario", {
            "rules": [{"service": "sagemaker", "operation": "CreateAction", "times": 1, "responseLost": True,
                       "error": {"code": "InternalFailure", "message": "lost", "status": 500}}],
            "seeds": {"datasetGroups": [{"name": "seeded", "eventTracker": {"name": "t", "trackingId": "fixed-id"}}]}})
        # botocore retries the 500 by itself, and its retry meets the action the lost attempt made.
        sm = client("sagemaker", retries={"max_attempts": 2, "mode": "standard"})
        try:
            sm.create_action(**action("once"))
            self.fail("expected already exists")
        except botocore.exceptions.ClientError as e:
            self.assertEqual(e.response["Error"]["Code"], "ValidationException")
            self.assertIn("already exists", e.response["Error"]["Message"])
            self.assertEqual(e.response["ResponseMetadata"]["RetryAttempts"], 1)
        pz = client("personalize")
        g = pz.describe_dataset_group(datasetGroupArn="arn:aws:personalize:us-east-1:123456789012:dataset-group/seeded")
        self.assertEqual(g["datasetGroup"]["status"], "ACTIVE")
        client("personalize-events").put_events(trackingId="fixed-id", sessionId="s",
                                                eventList=[{"eventType": "click", "sentAt": 1}])

    def test_bad_scenario_is_refused(self):
        status, body = control("POST", "/_fake/scenario", {"rules": [{"service": "sagemaker", "operation": "Nope"}]})
        self.assertEqual(status, 400)
        self.assertIn("sagemaker.Nope", body["error"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
