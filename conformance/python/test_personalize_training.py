"""Personalize training and deployment on awsfake's server, through boto3 and the AWS CLI.

The server runs with a manual clock (tests move it with POST /_fake/clock/advance) and reads
import jobs' objects from the directory AWSFAKE_OBJECTS (its -objects flag): s3://bucket/key is
AWSFAKE_OBJECTS/bucket/key, which the tests write.
"""
import json
import os
import subprocess
import unittest

from test_personalize import INTERACTIONS, advance
from test_sagemaker import ENV, client, control, error_of

OBJECTS = os.environ.get("AWSFAKE_OBJECTS", "")
ROLE = "arn:aws:iam::123456789012:role/personalize"


def write_object(key, text):
    path = os.path.join(OBJECTS, key)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def interactions_csv(users=50, per_user=20):
    rows = ["USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE"]
    for u in range(users):
        for k in range(per_user):
            rows.append("u%02d,i%03d,%d,click" % (u, u + k, 1700000000 + u * per_user + k))
    return "\n".join(rows) + "\n"


@unittest.skipUnless(OBJECTS, "the server has no -objects directory")
class Training(unittest.TestCase):
    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.pz = client("personalize")

    def poll(self, describe, key):
        """Describes every minute until the status is not a transitional one, as AWS's samples do."""
        for n in range(1, 200):
            status = describe()[key]["status"]
            if status not in ("CREATE PENDING", "CREATE IN_PROGRESS", "CREATE STOPPING"):
                return status, n
            advance("60s")
        raise AssertionError("never done")

    def group_with_data(self, name):
        write_object("bucket/%s/interactions.csv" % name, interactions_csv())
        group = self.pz.create_dataset_group(name=name)["datasetGroupArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_dataset_group(datasetGroupArn=group), "datasetGroup")[0], "ACTIVE")
        schema = self.pz.create_schema(name=name + "-interactions", schema=INTERACTIONS)["schemaArn"]
        dataset = self.pz.create_dataset(name=name + "-interactions", datasetGroupArn=group, datasetType="Interactions",
                                         schemaArn=schema)["datasetArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_dataset(datasetArn=dataset), "dataset")[0], "ACTIVE")
        job = self.pz.create_dataset_import_job(jobName=name + "-import", datasetArn=dataset, roleArn=ROLE,
                                                dataSource={"dataLocation": "s3://bucket/%s/interactions.csv" % name})
        status, polls = self.poll(lambda: self.pz.describe_dataset_import_job(datasetImportJobArn=job["datasetImportJobArn"]),
                                  "datasetImportJob")
        self.assertEqual((status, polls), ("ACTIVE", 6))
        return group, dataset

    def test_getting_started(self):
        """AWS's getting-started path, each create followed by a describe every minute until ACTIVE."""
        group, _ = self.group_with_data("shop")
        recipes = [r["recipeArn"] for r in self.pz.get_paginator("list_recipes").paginate().build_full_result()["recipes"]]
        self.assertIn("arn:aws:personalize:::recipe/aws-user-personalization-v2", recipes)
        self.assertEqual(recipes, sorted(recipes))
        solution = self.pz.create_solution(name="recs", datasetGroupArn=group, performAutoTraining=False,
                                           recipeArn="arn:aws:personalize:::recipe/aws-user-personalization-v2")["solutionArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_solution(solutionArn=solution), "solution"), ("ACTIVE", 2))
        version = self.pz.create_solution_version(solutionArn=solution)["solutionVersionArn"]
        status, polls = self.poll(lambda: self.pz.describe_solution_version(solutionVersionArn=version), "solutionVersion")
        self.assertEqual((status, polls), ("ACTIVE", 46))
        described = self.pz.describe_solution_version(solutionVersionArn=version)["solutionVersion"]
        self.assertEqual((described["trainingMode"], described["trainingType"]), ("FULL", "MANUAL"))
        self.assertEqual(described["name"], "recs/" + version[-8:])
        metrics = self.pz.get_solution_metrics(solutionVersionArn=version)["metrics"]
        self.assertEqual(sorted(metrics), ["coverage", "mean_reciprocal_rank_at_25", "normalized_discounted_cumulative_gain_at_10",
                                           "normalized_discounted_cumulative_gain_at_25", "normalized_discounted_cumulative_gain_at_5",
                                           "precision_at_10", "precision_at_25", "precision_at_5"])
        campaign = self.pz.create_campaign(name="recs", solutionVersionArn=version, minProvisionedTPS=1,
                                           campaignConfig={"itemExplorationConfig": {"explorationWeight": "0.3"},
                                                           "rankingInfluence": {"POPULARITY": 0.5}})["campaignArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_campaign(campaignArn=campaign), "campaign"), ("ACTIVE", 10))
        c = self.pz.describe_campaign(campaignArn=campaign)["campaign"]
        self.assertEqual(c["campaignConfig"]["rankingInfluence"], {"POPULARITY": 0.5})
        self.assertNotIn("latestCampaignUpdate", c)

        # UpdateSolution, which the pinned Go client has not got.
        self.pz.update_solution(solutionArn=solution, performAutoTraining=True)
        update = self.pz.describe_solution(solutionArn=solution)["solution"]["latestSolutionUpdate"]
        self.assertEqual((update["status"], update["performAutoTraining"]), ("CREATE PENDING", True))

    def test_failures_and_errors(self):
        """CREATE FAILED with AWS's reasons, and the modelled errors as botocore's exceptions."""
        write_object("bucket/bad.csv", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,1700000000,click\nu2,i2,noon,click\n")
        group, dataset = self.group_with_data("err")
        bad = self.pz.create_dataset_import_job(jobName="bad", datasetArn=dataset, roleArn=ROLE, importMode="INCREMENTAL",
                                                dataSource={"dataLocation": "s3://bucket/bad.csv"})["datasetImportJobArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_dataset_import_job(datasetImportJobArn=bad), "datasetImportJob")[0], "CREATE FAILED")
        reason = self.pz.describe_dataset_import_job(datasetImportJobArn=bad)["datasetImportJob"]["failureReason"]
        self.assertIn("s3://bucket/bad.csv", reason)
        self.assertIn("line 3", reason)
        self.assertIn("TIMESTAMP", reason)

        with self.assertRaises(self.pz.exceptions.InvalidInputException) as e:
            self.pz.create_filter(name="f", datasetGroupArn=group, filterExpression="EXCLUDE ItemID WHERE")
        self.assertIn("Could not create filter. Invalid Expression", str(e.exception))
        with self.assertRaises(self.pz.exceptions.ResourceNotFoundException):
            self.pz.describe_recipe(recipeArn="arn:aws:personalize:::recipe/aws-hrnn")
        solution = self.pz.create_solution(name="sims", datasetGroupArn=group, recipeArn="arn:aws:personalize:::recipe/aws-sims")["solutionArn"]
        with self.assertRaises(self.pz.exceptions.ResourceAlreadyExistsException):
            self.pz.create_solution(name="sims", datasetGroupArn=group, recipeArn="arn:aws:personalize:::recipe/aws-sims")
        advance("2s")
        version = self.pz.create_solution_version(solutionArn=solution)["solutionVersionArn"]
        with self.assertRaises(self.pz.exceptions.ResourceInUseException):
            self.pz.get_solution_metrics(solutionVersionArn=version)
        advance("10m")
        self.pz.stop_solution_version_creation(solutionVersionArn=version)
        status, polls = self.poll(lambda: self.pz.describe_solution_version(solutionVersionArn=version), "solutionVersion")
        self.assertEqual((status, polls), ("CREATE STOPPED", 3))
        code, _, http = error_of(self.pz.create_campaign, name="c", solutionVersionArn=version)
        self.assertEqual((code, http), ("ResourceInUseException", 400))
        code, msg, _ = error_of(self.pz.list_solution_versions, solutionArn=solution + "x")
        self.assertEqual(code, "ResourceNotFoundException")

    @unittest.skipIf(os.environ.get("AWSFAKE_NO_CLI"), "no aws command")
    def test_cli(self):
        """The AWS CLI lists recipes and describes a seeded campaign."""
        seeds = {"seeds": {"datasetGroups": [{"name": "cli", "eventTracker": {"name": "t"}, "solutions": [
            {"name": "recs", "recipe": "aws-sims", "version": {"id": "0123abcd"}, "campaign": {"name": "cli-recs"}}]}]}}
        self.assertEqual(control("POST", "/_fake/scenario", seeds)[0], 200)
        out = subprocess.run(["aws", "--endpoint-url", os.environ["AWSFAKE_URL"], "personalize", "describe-campaign",
                              "--campaign-arn", "arn:aws:personalize:us-east-1:123456789012:campaign/cli-recs"],
                             env=ENV, capture_output=True, text=True, check=True)
        campaign = json.loads(out.stdout)["campaign"]
        self.assertEqual(campaign["status"], "ACTIVE")
        self.assertEqual(campaign["solutionVersionArn"], "arn:aws:personalize:us-east-1:123456789012:solution/recs/0123abcd")
        out = subprocess.run(["aws", "--endpoint-url", os.environ["AWSFAKE_URL"], "personalize", "list-recipes",
                              "--domain", "ECOMMERCE", "--query", "recipes[].name", "--output", "json"],
                             env=ENV, capture_output=True, text=True, check=True)
        self.assertEqual(len(json.loads(out.stdout)), 5)
        control("DELETE", "/_fake/scenario")


if __name__ == "__main__":
    unittest.main()
