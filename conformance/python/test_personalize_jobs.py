"""Personalize dataset export jobs, metric attributions and the recipes' algorithms on awsfake's
server, through boto3 and the AWS CLI (issue 25, part one).

The server runs with a manual clock; tests move it with POST /_fake/clock/advance, and read what
an export job wrote with GET /_fake/objects.
"""
import json
import os
import subprocess
import unittest
import urllib.parse
import urllib.request

from test_personalize import INTERACTIONS, ITEMS, advance
from test_sagemaker import ENV, URL, client, control, error_of

ROLE = "arn:aws:iam::123456789012:role/personalize"
PRICED_ITEMS = json.dumps({"type": "record", "name": "Items", "fields": [
    {"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": ["null", "float"]}]})


def raw_object(uri):
    """The content of an object a job wrote, and its content type."""
    with urllib.request.urlopen(URL + "/_fake/objects?uri=" + urllib.parse.quote(uri, safe="")) as resp:
        return resp.read().decode(), resp.headers["Content-Type"]


class PersonalizeJobs(unittest.TestCase):
    def setUp(self):
        control("POST", "/_fake/reset")
        self.pz = client("personalize")
        self.events = client("personalize-events")

    def shop(self, items_schema=ITEMS):
        group = self.pz.create_dataset_group(name="shop")["datasetGroupArn"]
        advance("60s")
        datasets = {}
        for typ, schema in (("Interactions", INTERACTIONS), ("Items", items_schema)):
            arn = self.pz.create_schema(name="shop-" + typ.lower(), schema=schema)["schemaArn"]
            datasets[typ] = self.pz.create_dataset(name="shop-" + typ.lower(), datasetGroupArn=group, datasetType=typ,
                                                   schemaArn=arn)["datasetArn"]
        advance("60s")
        return group, datasets

    def test_export_job(self):
        _, datasets = self.shop()
        items = datasets["Items"]
        self.events.put_items(datasetArn=items, items=[{"itemId": "i1", "properties": json.dumps({"genres": "Horror|Comedy"})},
                                                       {"itemId": "i2"}])
        arn = self.pz.create_dataset_export_job(jobName="nightly", datasetArn=items, roleArn=ROLE,
                                                jobOutput={"s3DataDestination": {"path": "s3://exports/nightly/"}})["datasetExportJobArn"]
        self.assertEqual(arn, "arn:aws:personalize:us-east-1:123456789012:dataset-export-job/nightly")
        job = self.pz.describe_dataset_export_job(datasetExportJobArn=arn)["datasetExportJob"]
        self.assertEqual((job["status"], job["ingestionMode"], job["roleArn"]), ("CREATE PENDING", "PUT", ROLE))
        self.assertEqual(control("GET", "/_fake/objects?prefix=s3://exports/"), (200, {"objects": []}))
        advance("5m")
        self.assertEqual(self.pz.describe_dataset_export_job(datasetExportJobArn=arn)["datasetExportJob"]["status"], "ACTIVE")
        _, listed = control("GET", "/_fake/objects?prefix=s3://exports/nightly/")
        self.assertEqual(len(listed["objects"]), 1)
        body, kind = raw_object(listed["objects"][0])
        self.assertEqual(body, "ITEM_ID,GENRES\ni1,Horror|Comedy\ni2,\n")
        self.assertEqual(kind, "text/csv; charset=utf-8")
        self.assertEqual(control("GET", "/_fake/objects?uri=s3://exports/none")[0], 404)

        code, msg, _ = error_of(self.pz.create_dataset_export_job, jobName="nightly", datasetArn=items, roleArn=ROLE,
                                jobOutput={"s3DataDestination": {"path": "s3://exports/"}})
        self.assertEqual((code, msg), ("ResourceAlreadyExistsException", "Another resource with Arn %s already exists." % arn))
        with self.assertRaises(self.pz.exceptions.ResourceNotFoundException):
            self.pz.create_dataset_export_job(jobName="x", datasetArn=items + "x", roleArn=ROLE,
                                              jobOutput={"s3DataDestination": {"path": "s3://exports/"}})
        pages = list(self.pz.get_paginator("list_dataset_export_jobs").paginate(datasetArn=items))
        self.assertEqual([j["jobName"] for p in pages for j in p["datasetExportJobs"]], ["nightly"])

    def test_metric_attribution(self):
        group, _ = self.shop(PRICED_ITEMS)
        output = {"roleArn": ROLE, "s3DataDestination": {"path": "s3://metrics/"}}
        arn = self.pz.create_metric_attribution(name="impact", datasetGroupArn=group, metricsOutputConfig=output, metrics=[
            {"eventType": "click", "metricName": "clicks", "expression": "SAMPLECOUNT()"},
            {"eventType": "buy", "metricName": "revenue", "expression": "SUM(Items.PRICE)"}])["metricAttributionArn"]
        self.assertEqual(arn, "arn:aws:personalize:us-east-1:123456789012:metric-attribution/impact")
        with self.assertRaises(self.pz.exceptions.ResourceAlreadyExistsException):
            self.pz.create_metric_attribution(name="second", datasetGroupArn=group, metricsOutputConfig=output, metrics=[
                {"eventType": "click", "metricName": "clicks", "expression": "SAMPLECOUNT()"}])
        code, msg, _ = error_of(self.pz.update_metric_attribution, metricAttributionArn=arn, removeMetrics=["clicks"])
        self.assertEqual(code, "ResourceInUseException")
        advance("60s")
        d = self.pz.describe_metric_attribution(metricAttributionArn=arn)["metricAttribution"]
        self.assertEqual((d["status"], d["datasetGroupArn"], d["metricsOutputConfig"]), ("ACTIVE", group, output))
        self.pz.update_metric_attribution(metricAttributionArn=arn, removeMetrics=["clicks"],
                                          addMetrics=[{"eventType": "view", "metricName": "views", "expression": "SAMPLECOUNT()"}])
        self.assertEqual(self.pz.describe_metric_attribution(metricAttributionArn=arn)["metricAttribution"]["status"], "UPDATE PENDING")
        pages = list(self.pz.get_paginator("list_metric_attribution_metrics").paginate(
            metricAttributionArn=arn, PaginationConfig={"PageSize": 1}))
        self.assertEqual([m["metricName"] for p in pages for m in p["metrics"]], ["revenue", "views"])
        code, msg, _ = error_of(self.pz.update_metric_attribution, metricAttributionArn=arn,
                                addMetrics=[{"eventType": "buy", "metricName": "bad", "expression": "SUM(Items.NOPE)"}])
        self.assertEqual(code, "ResourceInUseException", "still being updated")
        advance("60s")
        code, msg, _ = error_of(self.pz.update_metric_attribution, metricAttributionArn=arn,
                                addMetrics=[{"eventType": "buy", "metricName": "bad", "expression": "SUM(Items.NOPE)"}])
        self.assertEqual(code, "InvalidInputException")
        self.assertIn("sums NOPE, which is not a numeric field", msg)
        self.assertEqual([m["name"] for m in self.pz.list_metric_attributions(datasetGroupArn=group)["metricAttributions"]], ["impact"])
        with self.assertRaises(self.pz.exceptions.ResourceInUseException):
            self.pz.delete_dataset_group(datasetGroupArn=group)
        self.pz.delete_metric_attribution(metricAttributionArn=arn)
        advance("30s")
        with self.assertRaises(self.pz.exceptions.ResourceNotFoundException):
            self.pz.describe_metric_attribution(metricAttributionArn=arn)

    def test_algorithms(self):
        a = self.pz.describe_algorithm(algorithmArn="arn:aws:personalize:::algorithm/aws-user-personalization")["algorithm"]
        self.assertEqual(a["defaultHyperParameters"], {"hidden_dimension": "149", "bptt": "32", "recency_mask": "true"})
        self.assertEqual([(r["name"], r["minValue"], r["maxValue"], r["isTunable"])
                          for r in a["defaultHyperParameterRanges"]["integerHyperParameterRanges"]],
                         [("hidden_dimension", 32, 256, True), ("bptt", 2, 32, True)])
        ft = self.pz.describe_feature_transformation(
            featureTransformationArn="arn:aws:personalize:::feature-transformation/sims")["featureTransformation"]
        self.assertEqual((ft["name"], ft["status"]), ("sims", "ACTIVE"))
        with self.assertRaises(self.pz.exceptions.ResourceNotFoundException):
            self.pz.describe_algorithm(algorithmArn="arn:aws:personalize:::algorithm/aws-hrnn")


@unittest.skipIf(os.environ.get("AWSFAKE_NO_CLI"), "no aws command")
class PersonalizeJobsCLI(unittest.TestCase):
    def test_cli(self):
        r = subprocess.run(["aws", "--endpoint-url", URL, "personalize", "describe-algorithm", "--algorithm-arn",
                            "arn:aws:personalize:::algorithm/aws-sims"], env=ENV, capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["algorithm"]["defaultHyperParameters"]["min_cointeraction_count"], "3")
        r = subprocess.run(["aws", "--endpoint-url", URL, "personalize", "list-dataset-export-jobs"], env=ENV,
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
