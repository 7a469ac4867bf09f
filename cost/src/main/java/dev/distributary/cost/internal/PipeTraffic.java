package dev.distributary.cost.internal;

/**
 * One pipe's billed traffic per second, as modelled (not measured).
 *
 * @param executions   pipe executions per second, one PublishBatch call each
 * @param records      records per execution (the effective batch)
 * @param snsRequests  billed SNS requests per second (64 KB chunks of each PublishBatch call)
 * @param pipeRequests billed pipe requests per second (each passed record's 64 KB chunks)
 * @param streamReads  GetRecords calls per second on the stream the pipe reads
 */
public record PipeTraffic(
        double executions, double records, double snsRequests, double pipeRequests, double streamReads) {
    public PipeTraffic {
        if (executions < 0 || records < 1 || snsRequests < 0 || pipeRequests < 0 || streamReads < 0) {
            throw new IllegalArgumentException("inconsistent pipe traffic: " + executions + " executions/s of "
                    + records + " records, " + snsRequests + " SNS requests/s, " + pipeRequests + " pipe requests/s, "
                    + streamReads + " stream reads/s");
        }
    }
}
