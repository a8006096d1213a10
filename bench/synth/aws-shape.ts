/**
 * The AWS benchmark workload, shared by the eventform and the plain aws-cdk-lib variants so that both build the same
 * infrastructure: one custom bus and one shared dead-letter queue in a bus stack, and N rules, each with its own SQS
 * target queue, a retry policy and the shared DLQ, spread over rule stacks because CloudFormation allows 500
 * resources per stack.
 */
import type { EventPatternJson } from '../../lib';

/** Name of the benchmark's event bus. */
export const BUS_NAME = 'bench-bus';

/** Name of the shared dead-letter queue. */
export const DLQ_NAME = 'bench-dlq';

/** Rules per rule stack: three resources each (rule, target queue, queue policy) keeps a stack under 500. */
export const RULES_PER_STACK = 150;

/** Retry attempts on every target. */
export const RETRY_ATTEMPTS = 3;

/** Maximum event age on every target, in seconds. */
export const MAX_EVENT_AGE_SECONDS = 7200;

/** The five-field event pattern of rule `index` (source, detail-type, numeric, prefix and a value list). */
export function rulePattern(index: number): EventPatternJson {
  return {
    source: [`service-${index % 10}`],
    'detail-type': [`OrderPlaced${index}`],
    detail: {
      amount: [{ numeric: ['>', index] }],
      customerId: [{ prefix: `C${index % 7}-` }],
      region: ['eu-west-1', 'us-east-1'],
    },
  };
}

/** Splits `count` rules into stack-sized chunks of indexes. */
export function ruleChunks(count: number): number[][] {
  const chunks: number[][] = [];
  for (let start = 0; start < count; start += RULES_PER_STACK) {
    const chunk: number[] = [];
    for (let i = start; i < Math.min(count, start + RULES_PER_STACK); i++) chunk.push(i);
    chunks.push(chunk);
  }
  return chunks;
}
