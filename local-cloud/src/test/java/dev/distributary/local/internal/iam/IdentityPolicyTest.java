package dev.distributary.local.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.topology.Arns;
import dev.distributary.topology.ProcessorPolicy;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The evaluator on the examples of the IAM user guide's "policy evaluation logic" pages, then on the processor's own policy. */
class IdentityPolicyTest {

    /** "The difference between explicit and implicit denies": AllowGetList allows Get* and List*, DenyReports denies *Report. */
    private static final IdentityPolicy GET_LIST_NO_REPORTS = IdentityPolicy.parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowGetList", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
              {"Sid": "DenyReports", "Effect": "Deny", "Action": "iam:*Report", "Resource": "*"}]}""");

    /** "Policy evaluation for requests within a single account": the policy attached to Carlos. */
    private static final IdentityPolicy CARLOS = IdentityPolicy.parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowS3ListRead", "Effect": "Allow",
               "Action": ["s3:GetBucketLocation", "s3:GetAccountPublicAccessBlock", "s3:ListAccessPoints", "s3:ListAllMyBuckets"],
               "Resource": "arn:aws:s3:::*"},
              {"Sid": "AllowS3Self", "Effect": "Allow", "Action": "s3:*",
               "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar/*", "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar"]},
              {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::*log*"}]}""");

    @Test
    void getOrListAction_allowedByAllowGetList() {
        assertThat(GET_LIST_NO_REPORTS.evaluate("iam:GetUser", "arn:aws:iam::123456789012:user/carlos"))
                .isEqualTo(new Decision.Allowed("AllowGetList"));
        assertThat(GET_LIST_NO_REPORTS.evaluate("iam:ListRoles", "*")).isEqualTo(new Decision.Allowed("AllowGetList"));
    }

    @Test
    void otherIamAction_implicitlyDenied() {
        assertThat(GET_LIST_NO_REPORTS.evaluate("iam:CreatePolicy", "*")).isEqualTo(new Decision.ImplicitDeny());
    }

    @Test
    void reportAction_explicitlyDenied_althoughAllowGetListMatchesIt() {
        assertThat(GET_LIST_NO_REPORTS.evaluate("iam:GetOrganizationsAccessReport", "*"))
                .isEqualTo(new Decision.ExplicitDeny("DenyReports"));
        assertThat(GET_LIST_NO_REPORTS.evaluate("iam:GenerateCredentialReport", "*"))
                .isEqualTo(new Decision.ExplicitDeny("DenyReports"));
    }

    @Test
    void carlosSavesAFileToHisLogsBucket_deniedByDenyS3Logs() {
        assertThat(CARLOS.evaluate("s3:PutObject", "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/file.txt"))
                .isEqualTo(new Decision.ExplicitDeny("DenyS3Logs"));
    }

    @Test
    void carlosInHisOwnBucket_allowedByAllowS3Self_andListingAllowedEverywhere() {
        assertThat(CARLOS.evaluate("s3:PutObject", "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar/file.txt"))
                .isEqualTo(new Decision.Allowed("AllowS3Self"));
        assertThat(CARLOS.evaluate("s3:ListAllMyBuckets", "arn:aws:s3:::anything"))
                .isEqualTo(new Decision.Allowed("AllowS3ListRead"));
        assertThat(CARLOS.evaluate("s3:PutObject", "arn:aws:s3:::someone-elses-bucket/file.txt"))
                .isEqualTo(new Decision.ImplicitDeny());
    }

    @Test
    void actions_matchWithoutCase_resourcesWithCase_andQuestionMarkIsOneCharacter() {
        IdentityPolicy policy = IdentityPolicy.parse("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "Q", "Effect": "Allow", "Action": "dynamodb:?etItem",
                 "Resource": "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"}]}""");

        assertThat(policy.evaluate("DynamoDB:getitem", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders")
                        .allowed())
                .isTrue();
        assertThat(policy.evaluate("dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders")
                        .allowed())
                .isFalse();
        assertThat(policy.evaluate("dynamodb:BatchGetItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders")
                        .allowed())
                .isFalse();
    }

    @Test
    void wildcardInTheRegionSegment_staysInTheSegment_butTheResourcePartSpansSlashesAndColons() {
        IdentityPolicy policy = IdentityPolicy.parse("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "L", "Effect": "Allow", "Action": "logs:PutLogEvents",
                 "Resource": "arn:aws:logs:eu-*:123456789012:log-group:/aws/lambda/shop-dev-processor:*"}]}""");

        assertThat(policy.evaluate(
                        "logs:PutLogEvents",
                        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/shop-dev-processor:log-stream:x/y"))
                .isEqualTo(new Decision.Allowed("L"));
        assertThat(policy.evaluate(
                        "logs:PutLogEvents",
                        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/shop-dev-processor:log-stream:x"))
                .isEqualTo(new Decision.ImplicitDeny());
    }

    @Test
    void notAction_appliesToEveryOtherAction() {
        IdentityPolicy policy = IdentityPolicy.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "All", "Effect": "Allow", "Action": "sqs:*", "Resource": "*"},
                  {"Sid": "OnlyRead", "Effect": "Deny", "NotAction": ["sqs:ReceiveMessage", "sqs:GetQueueAttributes"], "Resource": "*"}]}""");

        assertThat(policy.evaluate("sqs:ReceiveMessage", "arn:aws:sqs:eu-west-1:123456789012:q"))
                .isEqualTo(new Decision.Allowed("All"));
        assertThat(policy.evaluate("sqs:SendMessage", "arn:aws:sqs:eu-west-1:123456789012:q"))
                .isEqualTo(new Decision.ExplicitDeny("OnlyRead"));
    }

    @Test
    void statementWithACondition_refused_ratherThanJudgedWrongly() {
        assertThatThrownBy(() -> IdentityPolicy.parse("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "Tls", "Effect": "Deny", "Action": "sqs:*", "Resource": "*",
                 "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}"""))
                .hasMessage("statement Tls has a Condition or a Principal, which the local evaluator does not judge");
    }

    @Test
    void processorPolicyOfTheShippedPlatform_allowsItsOwnCallsOnly() {
        Topology shipped = TopologyLoader.load(Path.of("..", "platform.yaml"));
        ResourceNames names = ResourceNames.of(shipped, "dev");
        IdentityPolicy policy =
                IdentityPolicy.parse(ProcessorPolicy.of(shipped, names, "eu-west-1", new Arns("aws", "123456789012")));

        assertThat(policy.evaluate(
                                "dynamodb:GetRecords",
                                "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-12-01T00:00:00.000")
                        .allowed())
                .isTrue();
        assertThat(policy.evaluate("sns:Publish", "arn:aws:sns:eu-west-1:123456789012:shop-dev-events"))
                .isEqualTo(new Decision.Allowed("PublishToTopics"));
        assertThat(policy.evaluate("sns:Publish", "arn:aws:sns:us-east-1:123456789012:shop-dev-events")
                        .allowed())
                .isFalse();
        assertThat(policy.evaluate(
                                "dynamodb:PutItem",
                                "arn:aws:dynamodb:eu-west-1:123456789012:table/shop-dev-idempotency")
                        .allowed())
                .isTrue();
        assertThat(policy.evaluate("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders")
                        .allowed())
                .isFalse();
        assertThat(policy.evaluate(
                                "dynamodb:BatchWriteItem",
                                "arn:aws:dynamodb:eu-west-1:123456789012:table/shop-dev-idempotency")
                        .allowed())
                .as("the checkpoint ledger (the default) writes no batches")
                .isFalse();
        assertThat(policy.evaluate("sqs:SendMessage", "arn:aws:sqs:eu-west-1:123456789012:shop-dev-quarantine")
                        .allowed())
                .isTrue();
        assertThat(policy.evaluate("sqs:ReceiveMessage", "arn:aws:sqs:eu-west-1:123456789012:shop-dev-quarantine")
                        .allowed())
                .isFalse();
    }
}
