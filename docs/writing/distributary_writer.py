"""Writing to Distributary's tables from Python (boto3): what docs/writing-to-tables.md asks of every writer.

Every put and update is stamped with the region written to (_origin) and the write time in epoch
milliseconds (_writtenAt); a delete is a tombstone, an update that sets _deleted, the stamp and the
TTL attribute _expiresAt; and nothing is written to a table whose replicas include a region where
the item's data class may not be stored. The names and rules below are those of the shipped
platform.yaml: copy yours from your platform file.
"""
import time

import boto3

# platform.yaml: residency.attribute, residency.zones and residency.classes.
RESIDENCY_ATTRIBUTE = "dataClass"
ZONES = {"global": ["us-east-1", "eu-west-1", "ap-southeast-2"], "eu": ["eu-west-1"]}
CLASSES = {"public": "global", "eu-personal": "eu"}
# platform.yaml: tables[].zone (where the table has replicas) and tables[].dataClass (else residency.defaultClass).
TABLES = {
    "orders": {"zone": "global", "default_class": "public"},
    "eu-customers": {"zone": "eu", "default_class": "eu-personal"},
    "inventory": {"zone": "global", "default_class": "public"},
}
# platform.yaml: tables[].stamp (these are the defaults) and tables[].stamp.tombstoneTtlSeconds.
ORIGIN, WRITTEN_AT, DELETED, EXPIRES_AT = "_origin", "_writtenAt", "_deleted", "_expiresAt"
TOMBSTONE_TTL_SECONDS = 86400


class ResidencyViolation(Exception):
    """The item's data class may not be stored in every region its table replicates to; nothing was written."""


def check_residency(table, data_class):
    """Refuses a class that a region holding a replica of the table may not store."""
    if data_class is None:
        data_class = TABLES[table]["default_class"]
    permitted = ZONES.get(CLASSES.get(data_class), [])
    for region in ZONES[TABLES[table]["zone"]]:
        if region not in permitted:
            raise ResidencyViolation(f"refused to write to table '{table}': class '{data_class}' may not be stored in {region}, "
                                     f"where the table has a replica; nothing was written")


def declared_class(attributes):
    """The data class an item or an update names, or None; a class must be a string (S)."""
    value = attributes.get(RESIDENCY_ATTRIBUTE)
    if value is None:
        return None
    if set(value) != {"S"}:
        raise ResidencyViolation(f"'{RESIDENCY_ATTRIBUTE}' must be a string naming a data class {sorted(CLASSES)}, not {value}")
    return value["S"]


def now_millis():
    return time.time_ns() // 1_000_000


class Writer:
    """Writes to the table replicas of one region, as the platform expects every writer to."""

    def __init__(self, region, dynamodb=None):
        self.region = region
        self.dynamodb = dynamodb or boto3.client("dynamodb", region_name=region)

    def put(self, table, item):
        """Creates or replaces the item (a put over a tombstone re-creates it)."""
        check_residency(table, declared_class(item))
        stamped = {**item, ORIGIN: {"S": self.region}, WRITTEN_AT: {"N": str(now_millis())}}
        self.dynamodb.put_item(TableName=table, Item=stamped)

    def update(self, table, key, values):
        """Sets the attributes in `values` (name to attribute value) and the stamp."""
        data_class = declared_class(values)
        if data_class is not None:  # an update that leaves the class alone keeps the one checked when the item was written
            check_residency(table, data_class)
        values = {**values, ORIGIN: {"S": self.region}, WRITTEN_AT: {"N": str(now_millis())}}
        names = {f"#a{i}": name for i, name in enumerate(values)}
        self.dynamodb.update_item(
            TableName=table, Key=key,
            UpdateExpression="SET " + ", ".join(f"#a{i} = :v{i}" for i in range(len(values))),
            ExpressionAttributeNames=names,
            ExpressionAttributeValues={f":v{i}": value for i, value in enumerate(values.values())})

    def delete(self, table, key):
        """Deletes logically: a tombstone that TTL removes later. Returns False when there is no live item."""
        now = now_millis()
        try:
            self.dynamodb.update_item(
                TableName=table, Key=key,
                UpdateExpression="SET #deleted = :true, #origin = :origin, #writtenAt = :writtenAt, #expiresAt = :expiresAt",
                ConditionExpression="attribute_exists(#key) AND (attribute_not_exists(#deleted) OR #deleted <> :true)",
                ExpressionAttributeNames={"#key": next(iter(key)), "#deleted": DELETED, "#origin": ORIGIN,
                                          "#writtenAt": WRITTEN_AT, "#expiresAt": EXPIRES_AT},
                ExpressionAttributeValues={":true": {"BOOL": True}, ":origin": {"S": self.region}, ":writtenAt": {"N": str(now)},
                                           ":expiresAt": {"N": str(now // 1000 + TOMBSTONE_TTL_SECONDS)}})
            return True
        except self.dynamodb.exceptions.ConditionalCheckFailedException:
            return False
