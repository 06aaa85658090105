"""Personalize recommenders, batch inference and segment jobs and data deletion jobs on awsfake's
server, through boto3 (issue 25, part two).

The server runs with a manual clock (tests move it with POST /_fake/clock/advance) and reads
jobs' inputs from the directory AWSFAKE_OBJECTS (its -objects flag): s3://bucket/key is
AWSFAKE_OBJECTS/bucket/key, which the tests write. What batch jobs write is read with
GET /_fake/objects.
"""
import json
import os
import subprocess
import unittest

from test_personalize import INTERACTIONS, advance
from test_personalize_jobs import raw_object
from test_personalize_training import OBJECTS, ROLE, interactions_csv, write_object
from test_sagemaker import ENV, URL, client, control, error_of

ECOMMERCE_INTERACTIONS = json.dumps({"type": "record", "name": "Interactions",
                                     "namespace": "com.amazonaws.personalize.schema",
                                     "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                                                {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}],
                                     "version": "1.0"})


@unittest.skipUnless(OBJECTS, "the server has no -objects directory")
class PersonalizeBatch(unittest.TestCase):
    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.pz = client("personalize")

    def group_with_data(self, name, domain=None, event_type="click"):
        write_object("bucket/%s/interactions.csv" % name, interactions_csv().replace(",click\n", ",%s\n" % event_type))
        group = self.pz.create_dataset_group(name=name, **({"domain": domain} if domain else {}))["datasetGroupArn"]
        advance("60s")
        schema = self.pz.create_schema(name=name + "-interactions", schema=ECOMMERCE_INTERACTIONS if domain else INTERACTIONS,
                                       **({"domain": domain} if domain else {}))["schemaArn"]
        dataset = self.pz.create_dataset(name=name + "-interactions", datasetGroupArn=group, datasetType="Interactions",
                                         schemaArn=schema)["datasetArn"]
        advance("60s")
        self.pz.create_dataset_import_job(jobName=name + "-import", datasetArn=dataset, roleArn=ROLE,
                                          dataSource={"dataLocation": "s3://bucket/%s/interactions.csv" % name})
        advance("5m")
        return group

    def trained(self, group, name, recipe):
        solution = self.pz.create_solution(name=name, datasetGroupArn=group,
                                           recipeArn="arn:aws:personalize:::recipe/" + recipe)["solutionArn"]
        advance("2s")
        version = self.pz.create_solution_version(solutionArn=solution)["solutionVersionArn"]
        advance("45m")
        return version

    def test_recommender(self):
        group = self.group_with_data("shop", "ECOMMERCE", "View")
        arn = self.pz.create_recommender(name="for-you", datasetGroupArn=group,
                                         recipeArn="arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you")["recommenderArn"]
        self.assertEqual(arn, "arn:aws:personalize:us-east-1:123456789012:recommender/for-you")
        self.assertEqual(self.pz.describe_recommender(recommenderArn=arn)["recommender"]["status"], "CREATE PENDING")
        advance("45m")
        rec = self.pz.describe_recommender(recommenderArn=arn)["recommender"]
        self.assertEqual(rec["status"], "ACTIVE")
        self.assertEqual(len(rec["modelMetrics"]), 8)
        self.pz.stop_recommender(recommenderArn=arn)
        advance("5m")
        self.assertEqual(self.pz.describe_recommender(recommenderArn=arn)["recommender"]["status"], "INACTIVE")
        with self.assertRaises(self.pz.exceptions.ResourceInUseException):
            self.pz.stop_recommender(recommenderArn=arn)
        self.pz.start_recommender(recommenderArn=arn)
        advance("5m")
        self.pz.update_recommender(recommenderArn=arn, recommenderConfig={"minRecommendationRequestsPerSecond": 2})
        rec = self.pz.describe_recommender(recommenderArn=arn)["recommender"]
        self.assertEqual(rec["latestRecommenderUpdate"]["status"], "CREATE PENDING")
        pages = list(self.pz.get_paginator("list_recommenders").paginate(datasetGroupArn=group))
        self.assertEqual([r["name"] for p in pages for r in p["recommenders"]], ["for-you"])
        code, msg, _ = error_of(self.pz.create_recommender, name="x", datasetGroupArn=group,
                                recipeArn="arn:aws:personalize:::recipe/aws-sims")
        self.assertEqual(code, "InvalidInputException")
        self.assertIn("Only Domain dataset group use cases", msg)
        with self.assertRaises(self.pz.exceptions.ResourceInUseException):
            self.pz.delete_dataset_group(datasetGroupArn=group)

    def test_batch_jobs(self):
        group = self.group_with_data("g")
        up = self.trained(group, "up", "aws-user-personalization")
        affinity = self.trained(group, "affinity", "aws-item-affinity")
        write_object("in/users.json", '{"userId": "u01"}\n{"userId": "u02"}\n')
        write_object("in/items.json", '{"itemId": "i005"}\n')
        arn = self.pz.create_batch_inference_job(
            jobName="nightly", solutionVersionArn=up, roleArn=ROLE, numResults=5,
            jobInput={"s3DataSource": {"path": "s3://in/users.json"}},
            jobOutput={"s3DataDestination": {"path": "s3://out/nightly/"}})["batchInferenceJobArn"]
        self.assertEqual(self.pz.describe_batch_inference_job(batchInferenceJobArn=arn)["batchInferenceJob"]["status"], "CREATE PENDING")
        segments = self.pz.create_batch_segment_job(
            jobName="segments", solutionVersionArn=affinity, roleArn=ROLE, numResults=3,
            jobInput={"s3DataSource": {"path": "s3://in/items.json"}},
            jobOutput={"s3DataDestination": {"path": "s3://out/segments/"}})["batchSegmentJobArn"]
        advance("20m")
        self.assertEqual(self.pz.describe_batch_inference_job(batchInferenceJobArn=arn)["batchInferenceJob"]["status"], "ACTIVE")
        self.assertEqual(self.pz.describe_batch_segment_job(batchSegmentJobArn=segments)["batchSegmentJob"]["status"], "ACTIVE")
        body, _ = raw_object("s3://out/nightly/users.json.out")
        lines = [json.loads(line) for line in body.splitlines()]
        self.assertEqual([line["input"] for line in lines], [{"userId": "u01"}, {"userId": "u02"}])
        self.assertEqual([len(line["output"]["recommendedItems"]) for line in lines], [5, 5])
        self.assertEqual([line["error"] for line in lines], [None, None])
        body, _ = raw_object("s3://out/segments/items.json.out")
        self.assertEqual(json.loads(body)["output"]["usersList"], ["u00", "u01", "u02"])
        pages = list(self.pz.get_paginator("list_batch_inference_jobs").paginate(solutionVersionArn=up))
        self.assertEqual([j["jobName"] for p in pages for j in p["batchInferenceJobs"]], ["nightly"])
        with self.assertRaises(self.pz.exceptions.ResourceAlreadyExistsException):
            self.pz.create_batch_inference_job(jobName="nightly", solutionVersionArn=up, roleArn=ROLE,
                                               jobInput={"s3DataSource": {"path": "s3://in/users.json"}},
                                               jobOutput={"s3DataDestination": {"path": "s3://out/x/"}})

    def test_data_deletion_job(self):
        if not hasattr(self.pz, "create_data_deletion_job"):
            self.skipTest("this boto3 has no data deletion jobs")
        group = self.group_with_data("privacy")
        write_object("privacy/forget.csv", "USER_ID\nu01\n")
        arn = self.pz.create_data_deletion_job(jobName="forget", datasetGroupArn=group, roleArn=ROLE,
                                               dataSource={"dataLocation": "s3://privacy/forget.csv"})["dataDeletionJobArn"]
        self.assertEqual(self.pz.describe_data_deletion_job(dataDeletionJobArn=arn)["dataDeletionJob"]["status"], "PENDING")
        advance("5m")
        job = self.pz.describe_data_deletion_job(dataDeletionJobArn=arn)["dataDeletionJob"]
        self.assertEqual((job["status"], job["numDeleted"]), ("COMPLETED", 20))
        jobs = self.pz.list_data_deletion_jobs(datasetGroupArn=group)["dataDeletionJobs"]
        self.assertEqual([j["jobName"] for j in jobs], ["forget"])


@unittest.skipIf(os.environ.get("AWSFAKE_NO_CLI"), "no aws command")
class PersonalizeBatchCLI(unittest.TestCase):
    def test_cli(self):
        control("POST", "/_fake/reset")
        for args in (["list-recommenders"], ["list-batch-inference-jobs"], ["list-batch-segment-jobs"]):
            r = subprocess.run(["aws", "--endpoint-url", URL, "personalize"] + args, env=ENV, capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
        r = subprocess.run(["aws", "--endpoint-url", URL, "personalize", "describe-recommender", "--recommender-arn",
                            "arn:aws:personalize:us-east-1:123456789012:recommender/none"], env=ENV, capture_output=True, text=True, timeout=60)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("ResourceNotFoundException", r.stderr)


if __name__ == "__main__":
    unittest.main()
