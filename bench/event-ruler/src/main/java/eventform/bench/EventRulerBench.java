package eventform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Measures aws/event-ruler on the cases file that eventform's matcher benchmark also reads (bench/compare/cases.ts):
 * events per second for one rule and for 100 rules, from JSON text and from a pre-parsed Jackson tree, on a matching
 * and a non-matching event, plus rule validations per second. Each figure is the median of several timed runs after
 * a JIT warm-up. Prints one JSON object on stdout, with the rules each event matched (`matches`), which the runner
 * compares with eventform's.
 *
 * <p>Usage: {@code java -cp <classes>:<lib>/* eventform.bench.EventRulerBench <cases.json> [warmupMs] [runMs] [runs]}
 */
public final class EventRulerBench {

  /** One measured operation. */
  @FunctionalInterface
  private interface Operation {
    /** Runs the operation once and returns a value the JIT cannot discard. */
    int run() throws Exception;
  }

  private static long sink;

  private EventRulerBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: EventRulerBench <cases.json> [warmupMs] [runMs] [runs]");
      System.exit(2);
    }
    ObjectMapper mapper = new ObjectMapper();
    JsonNode cases = mapper.readTree(new File(args[0]));
    long warmupMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    long runMs = args.length > 2 ? Long.parseLong(args[2]) : 500;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;

    String single = cases.get("singlePattern").asText();
    List<String> many = new ArrayList<>();
    cases.get("manyPatterns").forEach(node -> many.add(node.asText()));
    String matching = cases.get("matchingEvent").asText();
    String nonMatching = cases.get("nonMatchingEvent").asText();
    JsonNode matchingTree = mapper.readTree(matching);
    JsonNode nonMatchingTree = mapper.readTree(nonMatching);

    Machine one = machine(List.of(single));
    Machine hundred = machine(many);
    expect(one.rulesForJSONEvent(matching).size() == 1, "one rule must match the matching event");
    expect(one.rulesForJSONEvent(nonMatching).isEmpty(), "one rule must not match the non-matching event");
    expect(hundred.rulesForJSONEvent(matching).size() == 1, "exactly one of 100 rules must match");
    expect(hundred.rulesForJSONEvent(nonMatching).isEmpty(), "none of 100 rules may match the non-matching event");

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("engine", "aws/event-ruler");
    out.put("java", System.getProperty("java.version"));
    out.put("eventBytes", matching.length());
    out.put("warmupMs", warmupMs);
    out.put("runMs", runMs);
    out.put("runs", runs);
    Map<String, Object> rates = new LinkedHashMap<>();
    rates.put("oneRule.jsonText.match", rate(() -> one.rulesForJSONEvent(matching).size(), warmupMs, runMs, runs));
    rates.put("oneRule.jsonText.noMatch", rate(() -> one.rulesForJSONEvent(nonMatching).size(), warmupMs, runMs, runs));
    rates.put("oneRule.parsed.match", rate(() -> one.rulesForJSONEvent(matchingTree).size(), warmupMs, runMs, runs));
    rates.put("oneRule.parsed.noMatch", rate(() -> one.rulesForJSONEvent(nonMatchingTree).size(), warmupMs, runMs, runs));
    rates.put("hundredRules.jsonText.match", rate(() -> hundred.rulesForJSONEvent(matching).size(), warmupMs, runMs, runs));
    rates.put(
        "hundredRules.jsonText.noMatch", rate(() -> hundred.rulesForJSONEvent(nonMatching).size(), warmupMs, runMs, runs));
    rates.put("hundredRules.parsed.match", rate(() -> hundred.rulesForJSONEvent(matchingTree).size(), warmupMs, runMs, runs));
    rates.put(
        "hundredRules.parsed.noMatch",
        rate(() -> hundred.rulesForJSONEvent(nonMatchingTree).size(), warmupMs, runMs, runs));
    int[] next = {0};
    rates.put(
        "validations",
        rate(
            () -> {
              String problem = JsonRuleCompiler.check(many.get(next[0]++ % many.size()));
              return problem == null ? 0 : 1;
            },
            warmupMs,
            runMs,
            runs));
    rates.put("jsonParse.baseline", rate(() -> mapper.readTree(matching).size(), warmupMs, runMs, runs));
    out.put("perSecond", rates);
    Map<String, Object> matches = new LinkedHashMap<>();
    matches.put("oneRule.match", sorted(one.rulesForJSONEvent(matching)));
    matches.put("oneRule.noMatch", sorted(one.rulesForJSONEvent(nonMatching)));
    matches.put("hundredRules.match", sorted(hundred.rulesForJSONEvent(matching)));
    matches.put("hundredRules.noMatch", sorted(hundred.rulesForJSONEvent(nonMatching)));
    matches.put("hundredRules.parsed.match", sorted(hundred.rulesForJSONEvent(matchingTree)));
    matches.put("hundredRules.parsed.noMatch", sorted(hundred.rulesForJSONEvent(nonMatchingTree)));
    out.put("matches", matches);
    out.put("sink", sink);
    System.out.println(mapper.writeValueAsString(out));
  }

  @SuppressWarnings("deprecation")
  private static Machine machine(List<String> patterns) throws Exception {
    Machine machine = new Machine();
    for (int i = 0; i < patterns.size(); i++) {
      machine.addRule("rule-" + i, patterns.get(i));
    }
    return machine;
  }

  /** The matched rule names, sorted, as eventform's harness reports them. */
  private static List<String> sorted(List<String> names) {
    List<String> copy = new ArrayList<>(names);
    copy.sort(null);
    return copy;
  }

  /** Operations per second: warm up for warmupMs, then the median of `runs` timed runs of about runMs each. */
  private static long rate(Operation operation, long warmupMs, long runMs, int runs) throws Exception {
    timedRun(operation, warmupMs);
    double[] results = new double[runs];
    for (int i = 0; i < runs; i++) {
      results[i] = timedRun(operation, runMs);
    }
    Arrays.sort(results);
    return Math.round(results[runs / 2]);
  }

  private static double timedRun(Operation operation, long durationMs) throws Exception {
    long deadline = System.nanoTime() + durationMs * 1_000_000L;
    long started = System.nanoTime();
    long count = 0;
    long now;
    do {
      for (int i = 0; i < 64; i++) {
        sink += operation.run();
      }
      count += 64;
      now = System.nanoTime();
    } while (now < deadline);
    return count / ((now - started) / 1e9);
  }

  private static void expect(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("benchmark cases are inconsistent: " + message);
    }
  }
}
