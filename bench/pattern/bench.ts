/**
 * Event-pattern benchmark (issue 9 reads its figures): events per second for a five-field rule against a ~2 KB
 * event (matching and not matching, as JSON text and pre-parsed), for 100 rules (in one EventPatternSet, and
 * compiled separately), and validations per second for 10,000 patterns. Each figure is the median of several timed runs after a warm-up.
 *
 *   npx tsx bench/pattern/bench.ts          # table
 *   npx tsx bench/pattern/bench.ts --json   # one JSON object
 */
import {
  compileEventPattern,
  EventPatternSet,
  validateEventPattern,
  type CompiledEventPattern,
} from '../../lib/pattern';
import { fiveFieldPattern, hundredPatterns, manyPatterns, orderEvent } from './fixtures';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Operations per second of `op` times `perOp` (items per operation), `op` run `batch` times per timed run; median
 * of RUNS runs after one warm-up.
 */
function rate(batch: number, op: () => void, perOp = 1): number {
  const results: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) op();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run > 0) results.push(batch / seconds);
  }
  return Math.round(median(results) * perOp);
}

function expect(actual: boolean, wanted: boolean, what: string): void {
  if (actual !== wanted) {
    process.stderr.write(`benchmark fixture is wrong: ${what} gave ${actual}\n`);
    process.exit(1);
  }
}

const matching = orderEvent(1500);
const nonMatching = orderEvent(10);
const matchingText = JSON.stringify(matching);
const nonMatchingText = JSON.stringify(nonMatching);
const rule = compileEventPattern(fiveFieldPattern);
const rules: CompiledEventPattern[] = hundredPatterns().map((p) => compileEventPattern(p));
const ruleSet = new EventPatternSet(Object.fromEntries(hundredPatterns().map((p, i) => [`rule${i}`, p])));
const patterns = manyPatterns();

expect(rule.matches(matchingText), true, 'five-field rule on the matching event');
expect(rule.matches(nonMatchingText), false, 'five-field rule on the non-matching event');

let sink = 0;
const figures = {
  eventBytes: matchingText.length,
  jsonParseBaselinePerSecond: rate(10_000, () => {
    sink += JSON.parse(matchingText) ? 1 : 0;
  }),
  fiveFieldTextMatchPerSecond: rate(20_000, () => {
    sink += rule.matches(matchingText) ? 1 : 0;
  }),
  fiveFieldTextNoMatchPerSecond: rate(20_000, () => {
    sink += rule.matches(nonMatchingText) ? 1 : 0;
  }),
  fiveFieldObjectMatchPerSecond: rate(100_000, () => {
    sink += rule.matches(matching) ? 1 : 0;
  }),
  fiveFieldObjectNoMatchPerSecond: rate(100_000, () => {
    sink += rule.matches(nonMatching) ? 1 : 0;
  }),
  hundredRulesSetTextEventsPerSecond: rate(5_000, () => {
    sink += ruleSet.matchingRules(matchingText).length;
  }),
  hundredRulesSetObjectEventsPerSecond: rate(5_000, () => {
    sink += ruleSet.matchingRules(matching).length;
  }),
  hundredRulesSeparateObjectEventsPerSecond: rate(1_000, () => {
    for (const r of rules) sink += r.matches(matching) ? 1 : 0;
  }),
  validationsPerSecond: rate(
    2,
    () => {
      for (const p of patterns) sink += validateEventPattern(p).length;
    },
    patterns.length,
  ),
};

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ benchmark: 'event-pattern', runs: RUNS, ...figures })}\n`);
} else {
  const rows: Array<[string, number]> = [
    [`event size (bytes)`, figures.eventBytes],
    ['JSON.parse of the event alone (/s, baseline)', figures.jsonParseBaselinePerSecond],
    ['five-field rule, JSON text, match (events/s)', figures.fiveFieldTextMatchPerSecond],
    ['five-field rule, JSON text, no match (events/s)', figures.fiveFieldTextNoMatchPerSecond],
    ['five-field rule, pre-parsed, match (events/s)', figures.fiveFieldObjectMatchPerSecond],
    ['five-field rule, pre-parsed, no match (events/s)', figures.fiveFieldObjectNoMatchPerSecond],
    ['100 rules in an EventPatternSet, JSON text (events/s)', figures.hundredRulesSetTextEventsPerSecond],
    ['100 rules in an EventPatternSet, pre-parsed (events/s)', figures.hundredRulesSetObjectEventsPerSecond],
    ['100 separately compiled rules, pre-parsed (events/s)', figures.hundredRulesSeparateObjectEventsPerSecond],
    ['validation of 10,000 patterns (validations/s)', figures.validationsPerSecond],
  ];
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(58)} ${value.toLocaleString('en-US')}\n`);
}
if (sink < 0) process.stdout.write('');
