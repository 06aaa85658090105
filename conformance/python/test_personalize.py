"""Personalize and Personalize Events on awsfake's server, through boto3 and the AWS CLI.

The server runs with a manual clock; tests move it with POST /_fake/clock/advance.
"""
import datetime
import json
import os
import re
import subprocess
import unittest

import botocore

from test_sagemaker import ENV, URL, client, control, error_of


def advance(duration):
    status, _ = control("POST", "/_fake/clock/advance", {"duration": duration})
    assert status == 200


class Personalize(unittest.TestCase):
    def setUp(self):
        control("POST", "/_fake/reset")
        self.pz = client("personalize")
        self.events = client("personalize-events")

    def active_group(self, name):
        arn = self.pz.create_dataset_group(name=name)["datasetGroupArn"]
        advance("60s")
        return arn

    def test_lifecycle_and_put_events(self):
        arn = self.pz.create_dataset_group(name="shop", domain="ECOMMERCE")["datasetGroupArn"]
        self.assertEqual(arn, "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop")
        self.assertEqual(self.pz.describe_dataset_group(datasetGroupArn=arn)["datasetGroup"]["status"], "CREATE PENDING")
        with self.assertRaises(self.pz.exceptions.ResourceInUseException):
            self.pz.create_event_tracker(name="t", datasetGroupArn=arn)
        advance("5s")
        self.assertEqual(self.pz.describe_dataset_group(datasetGroupArn=arn)["datasetGroup"]["status"], "CREATE IN_PROGRESS")
        advance("55s")
        self.assertEqual(self.pz.describe_dataset_group(datasetGroupArn=arn)["datasetGroup"]["status"], "ACTIVE")

        tracker = self.pz.create_event_tracker(name="clicks", datasetGroupArn=arn)
        self.assertRegex(tracker["eventTrackerArn"], r"^arn:aws:personalize:us-east-1:123456789012:event-tracker/[0-9a-f]{8}$")
        self.assertRegex(tracker["trackingId"], r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        with self.assertRaises(self.pz.exceptions.ResourceAlreadyExistsException):
            self.pz.create_event_tracker(name="again", datasetGroupArn=arn)

        code, msg, _ = error_of(self.events.put_events, trackingId=tracker["trackingId"], sessionId="s",
                                eventList=[{"eventType": "click", "sentAt": datetime.datetime.now()}])
        self.assertEqual(code, "InvalidInputException")
        advance("60s")
        d = self.pz.describe_event_tracker(eventTrackerArn=tracker["eventTrackerArn"])["eventTracker"]
        self.assertEqual((d["status"], d["accountId"], d["trackingId"]), ("ACTIVE", "123456789012", tracker["trackingId"]))

        self.events.put_events(trackingId=tracker["trackingId"], sessionId="s-1", userId="u-1",
                               eventList=[{"eventType": "click", "itemId": "i-1", "sentAt": 1700000000.5,
                                           "properties": json.dumps({"numberOfRatings": "12"})}])
        _, calls = control("GET", "/_fake/calls?service=personalize-events&operation=PutEvents")
        self.assertEqual(len(calls), 2)
        self.assertNotIn("error", calls[-1])
        self.assertEqual(calls[-1]["input"]["eventList"][0]["itemId"], "i-1")

        summaries = self.pz.list_event_trackers(datasetGroupArn=arn)["eventTrackers"]
        self.assertEqual([s["eventTrackerArn"] for s in summaries], [tracker["eventTrackerArn"]])
        self.assertNotIn("trackingId", summaries[0])

    def test_deletion(self):
        arn = self.active_group("gone")
        tracker = self.pz.create_event_tracker(name="t", datasetGroupArn=arn)["eventTrackerArn"]
        advance("60s")
        with self.assertRaises(self.pz.exceptions.ResourceInUseException):
            self.pz.delete_dataset_group(datasetGroupArn=arn)
        self.pz.delete_event_tracker(eventTrackerArn=tracker)
        self.assertEqual(self.pz.describe_event_tracker(eventTrackerArn=tracker)["eventTracker"]["status"], "DELETE PENDING")
        advance("30s")
        with self.assertRaises(self.pz.exceptions.ResourceNotFoundException):
            self.pz.describe_event_tracker(eventTrackerArn=tracker)
        self.pz.delete_dataset_group(datasetGroupArn=arn)
        advance("5s")
        self.assertEqual(self.pz.describe_dataset_group(datasetGroupArn=arn)["datasetGroup"]["status"], "DELETE IN_PROGRESS")

    def test_validation_quota_tags_paging(self):
        raw = client("personalize", validate=False)
        code, msg, status = error_of(raw.create_dataset_group, name="bad name!")
        self.assertEqual((code, status), ("InvalidInputException", 400))
        self.assertEqual(msg, "1 validation error detected: Value 'bad name!' at 'name' failed to satisfy constraint: "
                              "Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*")
        arns = [self.pz.create_dataset_group(name="g%d" % i)["datasetGroupArn"] for i in range(5)]
        with self.assertRaises(self.pz.exceptions.LimitExceededException):
            self.pz.create_dataset_group(name="g5")
        pages = list(self.pz.get_paginator("list_dataset_groups").paginate(PaginationConfig={"PageSize": 2}))
        self.assertEqual([len(p["datasetGroups"]) for p in pages], [2, 2, 1])
        with self.assertRaises(self.pz.exceptions.InvalidNextTokenException):
            self.pz.list_dataset_groups(nextToken="forged")
        self.pz.tag_resource(resourceArn=arns[0], tags=[{"tagKey": "k%d" % i, "tagValue": "v"} for i in range(50)])
        with self.assertRaises(self.pz.exceptions.TooManyTagsException):
            self.pz.tag_resource(resourceArn=arns[0], tags=[{"tagKey": "one-more", "tagValue": "v"}])
        self.pz.untag_resource(resourceArn=arns[0], tagKeys=["k0"])
        self.assertEqual(len(self.pz.list_tags_for_resource(resourceArn=arns[0])["tags"]), 49)

    def test_put_events_validation(self):
        arn = self.active_group("v")
        tid = self.pz.create_event_tracker(name="t", datasetGroupArn=arn)["trackingId"]
        advance("60s")
        raw = client("personalize-events", validate=False)
        code, msg, _ = error_of(raw.put_events, trackingId=tid, sessionId="s",
                                eventList=[{"eventType": "click", "sentAt": 1} for _ in range(11)])
        self.assertEqual(code, "InvalidInputException")
        self.assertIn("Member must have length less than or equal to 10", msg)
        code, msg, _ = error_of(raw.put_events, trackingId=tid, sessionId="s",
                                eventList=[{"eventType": "click", "sentAt": 1, "properties": "[1,2]"}])
        self.assertIn("eventList.1.member.properties", msg)


@unittest.skipIf(os.environ.get("AWSFAKE_NO_CLI"), "no aws command")
class PersonalizeCLI(unittest.TestCase):
    def cli(self, *args):
        r = subprocess.run(["aws", "--endpoint-url", URL, *args], env=ENV, capture_output=True, text=True, timeout=60)
        return r.returncode, (json.loads(r.stdout) if r.stdout.strip() else None), r.stderr

    def test_cli(self):
        control("POST", "/_fake/reset")
        rc, out, err = self.cli("personalize", "create-dataset-group", "--name", "cli-shop")
        self.assertEqual(rc, 0, err)
        arn = out["datasetGroupArn"]
        rc, _, err = self.cli("personalize", "create-event-tracker", "--name", "t", "--dataset-group-arn", arn)
        self.assertIn("(ResourceInUseException)", err)
        advance("1m")
        rc, out, err = self.cli("personalize", "create-event-tracker", "--name", "t", "--dataset-group-arn", arn)
        self.assertEqual(rc, 0, err)
        advance("1m")
        rc, out2, err = self.cli("personalize", "describe-event-tracker", "--event-tracker-arn", out["eventTrackerArn"])
        self.assertEqual(out2["eventTracker"]["status"], "ACTIVE")
        rc, _, err = self.cli("personalize-events", "put-events", "--tracking-id", out["trackingId"], "--session-id", "s",
                              "--event-list", 'eventType=click,sentAt=1700000000,itemId=i')
        self.assertEqual(rc, 0, err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
