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


INTERACTIONS = json.dumps({"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
                           "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                                      {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}],
                           "version": "1.0"})
ITEMS = json.dumps({"type": "record", "name": "Items", "fields": [
    {"name": "ITEM_ID", "type": "string"}, {"name": "GENRES", "type": ["null", "string"], "categorical": True}]})


def advance(duration):
    status, _ = control("POST", "/_fake/clock/advance", {"duration": duration})
    assert status == 200


class Personalize(unittest.TestCase):
    def setUp(self):
        control("POST", "/_fake/reset")
        self.pz = client("personalize")
        self.events = client("personalize-events")

    def active_group(self, name, domain=None):
        arn = self.pz.create_dataset_group(name=name, **({"domain": domain} if domain else {}))["datasetGroupArn"]
        advance("60s")
        return arn

    def interactions(self, group, name, domain=None):
        """Gives an ACTIVE group the ACTIVE Interactions dataset PutEvents appends to."""
        schema = self.pz.create_schema(name=name + "-interactions", schema=INTERACTIONS,
                                       **({"domain": domain} if domain else {}))["schemaArn"]
        arn = self.pz.create_dataset(name=name + "-interactions", datasetGroupArn=group, datasetType="Interactions",
                                     schemaArn=schema)["datasetArn"]
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
        code, msg, _ = error_of(self.events.put_events, trackingId=tracker["trackingId"], sessionId="s",
                                eventList=[{"eventType": "click", "sentAt": datetime.datetime.now()}])
        self.assertEqual(code, "InvalidInputException")
        self.assertIn("has no ACTIVE Interactions dataset", msg)
        dataset = self.interactions(arn, "shop", domain="ECOMMERCE")

        self.events.put_events(trackingId=tracker["trackingId"], sessionId="s-1", userId="u-1",
                               eventList=[{"eventType": "click", "itemId": "i-1", "sentAt": 1700000000.5,
                                           "properties": json.dumps({"numberOfRatings": "12"})}])
        _, calls = control("GET", "/_fake/calls?service=personalize-events&operation=PutEvents")
        self.assertEqual(len(calls), 3)
        self.assertNotIn("error", calls[-1])
        self.assertEqual(calls[-1]["input"]["eventList"][0]["itemId"], "i-1")
        status, records = control("GET", "/_fake/records?datasetArn=" + dataset)
        self.assertEqual(status, 200)
        self.assertEqual([(r["itemId"], r["mismatches"]) for r in records],
                         [("i-1", ['the property "numberOfRatings" is no field of the schema'])])

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
        self.interactions(arn, "v")
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
        code, msg, _ = error_of(raw.put_events, trackingId=tid, sessionId="s",
                                eventList=[{"eventType": "click", "sentAt": 1, "properties": json.dumps({"Timestamp": 1})}])
        self.assertEqual(code, "InvalidInputException")
        self.assertIn('the key "Timestamp" is reserved', msg)

    def test_schemas(self):
        arn = self.pz.create_schema(name="items", schema=ITEMS)["schemaArn"]
        self.assertEqual(arn, "arn:aws:personalize:us-east-1:123456789012:schema/items")
        code, msg, _ = error_of(self.pz.create_schema, name="items", schema=ITEMS)
        self.assertEqual((code, msg), ("ResourceAlreadyExistsException", "Another resource with Arn %s already exists." % arn))
        self.assertEqual(self.pz.describe_schema(schemaArn=arn)["schema"]["schema"], ITEMS)
        code, msg, _ = error_of(self.pz.create_schema, name="nested", schema=json.dumps(
            {"type": "record", "name": "Items", "fields": [{"name": "A", "type": {"type": "array", "items": "string"}}]}))
        self.assertEqual(code, "InvalidInputException")
        self.assertIn("Invalid schema: field \"A\" has the nested type \"array\"", msg)
        self.pz.create_schema(name="second", schema=ITEMS)
        pages = list(self.pz.get_paginator("list_schemas").paginate(PaginationConfig={"PageSize": 1}))
        self.assertEqual([p["schemas"][0]["name"] for p in pages], ["second", "items"])
        self.pz.delete_schema(schemaArn=arn)
        with self.assertRaises(self.pz.exceptions.ResourceNotFoundException):
            self.pz.describe_schema(schemaArn=arn)

    def test_datasets_and_records(self):
        group = self.active_group("shop")
        schema = self.pz.create_schema(name="items", schema=ITEMS)["schemaArn"]
        items = self.pz.create_dataset(name="catalogue", datasetGroupArn=group, datasetType="items", schemaArn=schema)["datasetArn"]
        self.assertEqual(items, "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS")
        with self.assertRaises(self.pz.exceptions.ResourceAlreadyExistsException):
            self.pz.create_dataset(name="again", datasetGroupArn=group, datasetType="Items", schemaArn=schema)
        self.assertEqual(self.pz.describe_dataset(datasetArn=items)["dataset"]["status"], "CREATE PENDING")
        with self.assertRaises(self.events.exceptions.ResourceInUseException):
            self.events.put_items(datasetArn=items, items=[{"itemId": "i1"}])
        advance("60s")
        d = self.pz.describe_dataset(datasetArn=items)["dataset"]
        self.assertEqual((d["status"], d["datasetType"], d["schemaArn"]), ("ACTIVE", "ITEMS", schema))
        self.events.put_items(datasetArn=items, items=[{"itemId": "i1", "properties": json.dumps({"genres": "Horror|Comedy"})},
                                                       {"itemId": "i2", "properties": json.dumps({"colour": "red"})}])
        self.events.put_items(datasetArn=items, items=[{"itemId": "i1", "properties": json.dumps({"genres": "Drama"})}])
        _, records = control("GET", "/_fake/records?datasetArn=" + items)
        self.assertEqual([(r["id"], r["properties"], r.get("mismatches")) for r in records],
                         [("i1", '{"genres": "Drama"}', None), ("i2", '{"colour": "red"}', ['the property "colour" is no field of the schema'])])
        with self.assertRaises(self.events.exceptions.ResourceNotFoundException):
            self.events.put_items(datasetArn=items.replace("shop", "none"), items=[{"itemId": "i1"}])
        raw = client("personalize-events", validate=False)
        code, msg, status = error_of(raw.put_items, datasetArn=items, items=[{"itemId": "i", "properties": "not json"}])
        self.assertEqual((code, status), ("InvalidInputException", 400))
        code, msg, status = error_of(raw.put_items, datasetArn=items, items=[{"itemId": "i%d" % i} for i in range(11)])
        self.assertIn("Member must have length less than or equal to 10", msg)

        users_schema = self.pz.create_schema(name="users", schema=json.dumps({"type": "record", "name": "Users", "fields": [
            {"name": "USER_ID", "type": "string"}, {"name": "AGE", "type": ["null", "int"]}]}))["schemaArn"]
        users = self.pz.create_dataset(name="people", datasetGroupArn=group, datasetType="Users", schemaArn=users_schema)["datasetArn"]
        actions_schema = self.pz.create_schema(name="actions", schema=json.dumps({"type": "record", "name": "Actions", "fields": [
            {"name": "ACTION_ID", "type": "string"}, {"name": "CATEGORY", "type": ["null", "string"], "categorical": True}]}))["schemaArn"]
        actions = self.pz.create_dataset(name="offers", datasetGroupArn=group, datasetType="Actions", schemaArn=actions_schema)["datasetArn"]
        ai_schema = self.pz.create_schema(name="action-interactions", schema=json.dumps({"type": "record", "name": "ActionInteractions", "fields": [
            {"name": "USER_ID", "type": "string"}, {"name": "ACTION_ID", "type": "string"}, {"name": "EVENT_TYPE", "type": "string"},
            {"name": "TIMESTAMP", "type": "long"}]}))["schemaArn"]
        ai = self.pz.create_dataset(name="taken", datasetGroupArn=group, datasetType="Action_Interactions", schemaArn=ai_schema)["datasetArn"]
        advance("60s")
        with self.assertRaises(self.events.exceptions.InvalidInputException):
            self.events.put_items(datasetArn=users, items=[{"itemId": "i1"}])
        self.events.put_users(datasetArn=users, users=[{"userId": "u1", "properties": json.dumps({"age": 40})}])
        self.events.put_actions(datasetArn=actions, actions=[{"actionId": "a1", "properties": json.dumps({"category": "upsell"})}])
        tid = self.pz.describe_dataset(datasetArn=ai)["dataset"]["trackingId"]
        self.events.put_action_interactions(trackingId=tid, actionInteractions=[
            {"actionId": "a1", "userId": "u1", "sessionId": "s", "eventType": "Taken", "timestamp": 1700000000}])
        with self.assertRaises(self.events.exceptions.ResourceNotFoundException):
            self.events.put_action_interactions(trackingId="nope", actionInteractions=[
                {"actionId": "a1", "sessionId": "s", "eventType": "Taken", "timestamp": 1700000000}])
        for arn, field in [(users, "userId"), (actions, "actionId"), (ai, "actionId")]:
            _, records = control("GET", "/_fake/records?datasetArn=" + arn)
            self.assertEqual(len(records), 1, arn)
            self.assertIn(records[0][field], ("u1", "a1"))

        # Only Items and Users datasets take a new schema, and it must keep every field.
        v2 = self.pz.create_schema(name="items-v2", schema=json.dumps({"type": "record", "name": "Items", "fields": [
            {"name": "ITEM_ID", "type": "string"}, {"name": "GENRES", "type": ["null", "string"], "categorical": True},
            {"name": "BRAND", "type": ["null", "string"]}]}))["schemaArn"]
        self.pz.update_dataset(datasetArn=items, schemaArn=v2)
        d = self.pz.describe_dataset(datasetArn=items)["dataset"]
        self.assertEqual((d["status"], d["latestDatasetUpdate"]["schemaArn"]), ("UPDATE PENDING", v2))
        advance("2m")
        self.assertEqual(self.pz.describe_dataset(datasetArn=items)["dataset"]["schemaArn"], v2)
        with self.assertRaises(self.pz.exceptions.InvalidInputException):
            self.pz.update_dataset(datasetArn=actions, schemaArn=actions_schema)

        listed = self.pz.list_datasets(datasetGroupArn=group)["datasets"]
        self.assertEqual(sorted(d["datasetType"] for d in listed), ["ACTIONS", "ACTION_INTERACTIONS", "ITEMS", "USERS"])
        with self.assertRaises(self.pz.exceptions.ResourceInUseException):
            self.pz.delete_schema(schemaArn=users_schema)
        with self.assertRaises(self.pz.exceptions.ResourceInUseException):
            self.pz.delete_dataset_group(datasetGroupArn=group)
        for arn in (items, users, actions, ai):
            self.pz.delete_dataset(datasetArn=arn)
        advance("30s")
        self.pz.delete_schema(schemaArn=users_schema)
        self.pz.delete_dataset_group(datasetGroupArn=group)


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
        rc, schema, err = self.cli("personalize", "create-schema", "--name", "cli-interactions", "--schema", INTERACTIONS)
        self.assertEqual(rc, 0, err)
        rc, ds, err = self.cli("personalize", "create-dataset", "--name", "cli-interactions", "--dataset-group-arn", arn,
                               "--dataset-type", "Interactions", "--schema-arn", schema["schemaArn"])
        self.assertEqual(rc, 0, err)
        rc, out, err = self.cli("personalize", "create-event-tracker", "--name", "t", "--dataset-group-arn", arn)
        self.assertEqual(rc, 0, err)
        advance("1m")
        rc, d, err = self.cli("personalize", "describe-dataset", "--dataset-arn", ds["datasetArn"])
        self.assertEqual(d["dataset"]["status"], "ACTIVE")
        rc, out2, err = self.cli("personalize", "describe-event-tracker", "--event-tracker-arn", out["eventTrackerArn"])
        self.assertEqual(out2["eventTracker"]["status"], "ACTIVE")
        rc, _, err = self.cli("personalize-events", "put-events", "--tracking-id", out["trackingId"], "--session-id", "s",
                              "--event-list", 'eventType=click,sentAt=1700000000,itemId=i')
        self.assertEqual(rc, 0, err)
        rc, _, err = self.cli("personalize-events", "put-items", "--dataset-arn", ds["datasetArn"],
                              "--items", 'itemId=i1')
        self.assertIn("(InvalidInputException)", err, "an Interactions dataset takes no items")


if __name__ == "__main__":
    unittest.main(verbosity=2)
