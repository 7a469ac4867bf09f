"""The writes of docs/writing-to-tables.md, through distributary_writer, against the endpoint AWS_ENDPOINT_URL names
(the local platform of `./distributary local up`), or AWS itself when it is unset."""
import sys

from distributary_writer import ResidencyViolation, Writer

europe = Writer("eu-west-1")
order = {"pk": {"S": "py-order-1"}, "sk": {"S": "v0"}}

europe.put("orders", {**order, "entityType": {"S": "order"}, "status": {"S": "PLACED"}, "version": {"N": "1"}})
print("put orders pk=py-order-1,sk=v0 in eu-west-1")
europe.update("orders", order, {"status": {"S": "PAID"}, "version": {"N": "2"}})
print("updated orders pk=py-order-1,sk=v0")
europe.delete("orders", order)
print("deleted orders pk=py-order-1,sk=v0 (a tombstone)")
europe.put("eu-customers", {"customerId": {"S": "py-customer-1"}, "email": {"S": "ada@example.eu"}, "version": {"N": "1"}})
print("put eu-customers customerId=py-customer-1 in eu-west-1")

try:  # EU personal data in the global orders table would be copied to every region: the check refuses it
    europe.put("orders", {"pk": {"S": "py-order-2"}, "sk": {"S": "v0"}, "dataClass": {"S": "eu-personal"}, "email": {"S": "x@example.eu"}})
    sys.exit("the residency check let an eu-personal item into the global orders table")
except ResidencyViolation as refused:
    print(refused)
