#!/usr/bin/env bash
# The writes of docs/writing-to-tables.md with the AWS CLI, against the endpoint AWS_ENDPOINT_URL names
# (the local platform of `./distributary local up`), or AWS itself when it is unset. Needs bash 4 and GNU date;
# each call's answer goes to /dev/null, its errors to the terminal.
set -euo pipefail
region=eu-west-1

# platform.yaml (the shipped one): the regions each table has replicas in (its zone), each table's
# default class, and the regions each data class may be stored in (its zone).
declare -A TABLE_REGIONS=([orders]="us-east-1 eu-west-1 ap-southeast-2" [eu-customers]="eu-west-1" [inventory]="us-east-1 eu-west-1 ap-southeast-2")
declare -A DEFAULT_CLASS=([orders]=public [eu-customers]=eu-personal [inventory]=public)
declare -A CLASS_REGIONS=([public]="us-east-1 eu-west-1 ap-southeast-2" [eu-personal]="eu-west-1")

now_ms() { date +%s%3N; }

# check_residency TABLE [CLASS]: fails, saying why, when the class may not be stored in a region the table has a replica in.
check_residency() {
  local table=$1 class=${2:-${DEFAULT_CLASS[$1]}}
  for replica in ${TABLE_REGIONS[$table]}; do
    if [[ " ${CLASS_REGIONS[$class]:-} " != *" $replica "* ]]; then
      echo "refused to write to table '$table': class '$class' may not be stored in $replica, where the table has a replica; nothing was written"
      return 1
    fi
  done
}

# A put: the item, stamped with the region written to and the write time in epoch milliseconds.
check_residency orders
aws dynamodb put-item --region "$region" --table-name orders --item "$(cat <<JSON
{"pk": {"S": "cli-order-1"}, "sk": {"S": "v0"}, "entityType": {"S": "order"}, "status": {"S": "PLACED"},
 "version": {"N": "1"}, "_origin": {"S": "$region"}, "_writtenAt": {"N": "$(now_ms)"}}
JSON
)" > /dev/null
echo "put orders pk=cli-order-1,sk=v0 in $region"

# An update: whatever it sets, plus the stamp.
aws dynamodb update-item --region "$region" --table-name orders --key '{"pk": {"S": "cli-order-1"}, "sk": {"S": "v0"}}' \
  --update-expression 'SET #status = :status, #version = :version, #origin = :origin, #writtenAt = :writtenAt' \
  --expression-attribute-names '{"#status": "status", "#version": "version", "#origin": "_origin", "#writtenAt": "_writtenAt"}' \
  --expression-attribute-values "$(cat <<JSON
{":status": {"S": "PAID"}, ":version": {"N": "2"}, ":origin": {"S": "$region"}, ":writtenAt": {"N": "$(now_ms)"}}
JSON
)" > /dev/null
echo "updated orders pk=cli-order-1,sk=v0"

# A delete: a tombstone (deleted flag, stamp, and the TTL that removes it a day later), only of a live item.
now=$(now_ms)
aws dynamodb update-item --region "$region" --table-name orders --key '{"pk": {"S": "cli-order-1"}, "sk": {"S": "v0"}}' \
  --update-expression 'SET #deleted = :true, #origin = :origin, #writtenAt = :writtenAt, #expiresAt = :expiresAt' \
  --condition-expression 'attribute_exists(#key) AND (attribute_not_exists(#deleted) OR #deleted <> :true)' \
  --expression-attribute-names '{"#key": "pk", "#deleted": "_deleted", "#origin": "_origin", "#writtenAt": "_writtenAt", "#expiresAt": "_expiresAt"}' \
  --expression-attribute-values "$(cat <<JSON
{":true": {"BOOL": true}, ":origin": {"S": "$region"}, ":writtenAt": {"N": "$now"}, ":expiresAt": {"N": "$((now / 1000 + 86400))"}}
JSON
)" > /dev/null
echo "deleted orders pk=cli-order-1,sk=v0 (a tombstone)"

# EU personal data belongs in eu-customers, whose only replica is in the EU.
check_residency eu-customers
aws dynamodb put-item --region "$region" --table-name eu-customers --item "$(cat <<JSON
{"customerId": {"S": "cli-customer-1"}, "email": {"S": "ada@example.eu"}, "version": {"N": "1"},
 "_origin": {"S": "$region"}, "_writtenAt": {"N": "$(now_ms)"}}
JSON
)" > /dev/null
echo "put eu-customers customerId=cli-customer-1 in $region"

# In the global orders table it would be copied to every region: the check refuses it, and nothing is sent.
if check_residency orders eu-personal; then
  echo "the residency check let an eu-personal item into the global orders table" >&2
  exit 1
fi
