"""Personalize Runtime on awsfake's server, through boto3: recommendations that follow the data.

The campaign answers from its solution version's model (trained on the group's data when the
version was created); the asking user's events sent since then change that user's answer at
once; a cold user gets the popular items; errors are AWS's modelled ones with their statuses.
"""
import json
import os
import subprocess
import unittest

import test_personalize_training as training
from test_sagemaker import ENV, URL, client, control, error_of


@unittest.skipUnless(training.OBJECTS, "the server has no -objects directory")
class Runtime(unittest.TestCase):
    poll = training.Training.poll
    group_with_data = training.Training.group_with_data

    def setUp(self):
        self.assertEqual(control("POST", "/_fake/reset")[0], 200)
        self.pz = client("personalize")
        self.events = client("personalize-events")
        self.rt = client("personalize-runtime")

    def campaign(self, group, name, recipe):
        solution = self.pz.create_solution(name=name, datasetGroupArn=group, recipeArn="arn:aws:personalize:::recipe/" + recipe)["solutionArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_solution(solutionArn=solution), "solution")[0], "ACTIVE")
        version = self.pz.create_solution_version(solutionArn=solution)["solutionVersionArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_solution_version(solutionVersionArn=version), "solutionVersion")[0], "ACTIVE")
        campaign = self.pz.create_campaign(name=name, solutionVersionArn=version)["campaignArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_campaign(campaignArn=campaign), "campaign")[0], "ACTIVE")
        return campaign

    def test_recommendations_follow_the_events(self):
        group, _ = self.group_with_data("rt")
        tracker = self.pz.create_event_tracker(name="rt", datasetGroupArn=group)
        self.assertEqual(self.poll(lambda: self.pz.describe_event_tracker(eventTrackerArn=tracker["eventTrackerArn"]), "eventTracker")[0], "ACTIVE")
        up = self.campaign(group, "up", "aws-user-personalization")
        pop = self.campaign(group, "pop", "aws-popularity-count")

        before = self.rt.get_recommendations(campaignArn=up, userId="u00", numResults=10)
        self.assertEqual(before["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertEqual(before["ResponseMetadata"]["HTTPHeaders"]["content-type"], "application/json")
        self.assertRegex(before["recommendationId"], r"^RID-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        self.assertEqual(len(before["itemList"]), 10)
        self.assertTrue(all(0 < item["score"] < 1 for item in before["itemList"]), before["itemList"])

        popular = self.rt.get_recommendations(campaignArn=pop)["itemList"]
        self.assertEqual(len(popular), 25, "numResults defaults to 25")
        self.assertTrue(all("score" not in item for item in popular), "Popularity-Count gives no scores")
        cold = self.rt.get_recommendations(campaignArn=up, userId="newcomer")["itemList"]
        self.assertEqual([i["itemId"] for i in cold], [i["itemId"] for i in popular], "a cold user gets the popular items")

        # u00 clicks items others clicked with i040..i049: u00's answer changes at once, nobody else's.
        self.events.put_events(trackingId=tracker["trackingId"], userId="u00", sessionId="s1", eventList=[
            {"eventType": "click", "itemId": "i%03d" % i, "sentAt": 1800000000 + i} for i in range(40, 50)])
        after = self.rt.get_recommendations(campaignArn=up, userId="u00", numResults=10)
        self.assertNotEqual([i["itemId"] for i in after["itemList"]], [i["itemId"] for i in before["itemList"]])
        self.assertEqual([i["itemId"] for i in self.rt.get_recommendations(campaignArn=up, userId="newcomer")["itemList"]],
                         [i["itemId"] for i in cold])
        self.assertEqual([i["itemId"] for i in self.rt.get_recommendations(campaignArn=pop)["itemList"]],
                         [i["itemId"] for i in popular], "popularity changes only with a new version")

        # A filter excludes what u00 clicked, imported or sent.
        clicked = self.pz.create_filter(name="clicked", datasetGroupArn=group,
                                        filterExpression='EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")')["filterArn"]
        self.assertEqual(self.poll(lambda: self.pz.describe_filter(filterArn=clicked), "filter")[0], "ACTIVE")
        filtered = self.rt.get_recommendations(campaignArn=up, userId="u00", filterArn=clicked, numResults=50)["itemList"]
        mine = {"i%03d" % i for i in list(range(0, 20)) + list(range(40, 50))}
        self.assertEqual(len(filtered), 69 - 30, "the catalogue (i000 to i068) but for u00's 30 items")
        self.assertFalse(mine & {i["itemId"] for i in filtered})

        if not os.environ.get("AWSFAKE_NO_CLI"):
            r = subprocess.run(["aws", "--endpoint-url", URL, "personalize-runtime", "get-recommendations", "--campaign-arn", up,
                                "--user-id", "u00", "--num-results", "10"], env=ENV, capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual([i["itemId"] for i in json.loads(r.stdout)["itemList"]], [i["itemId"] for i in after["itemList"]],
                             "the AWS CLI gets what boto3 gets")

        ranked = self.rt.get_personalized_ranking
        code, msg, status = error_of(ranked, campaignArn=up, userId="u00", inputList=["i001"])
        self.assertEqual((code, status), ("InvalidInputException", 400), msg)

        unknown = up.replace("campaign/up", "campaign/nope")
        self.assertEqual(error_of(self.rt.get_recommendations, campaignArn=unknown, userId="u00"),
                         ("ResourceNotFoundException", "Could not find resource: " + unknown, 404))
        code, msg, status = error_of(self.rt.get_recommendations, campaignArn=up)
        self.assertEqual((code, status), ("InvalidInputException", 400))
        self.assertIn("userId is required", msg)
        code, _, status = error_of(self.rt.get_recommendations, campaignArn=up, userId="u00", numResults=501)
        self.assertEqual((code, status), ("InvalidInputException", 400))
        code, _, status = error_of(self.rt.get_recommendations, campaignArn=up, userId="u00",
                                   recommenderArn=up.replace("campaign/up", "recommender/r"))
        self.assertEqual((code, status), ("InvalidInputException", 400))


if __name__ == "__main__":
    unittest.main()
