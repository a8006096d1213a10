// Turns a COPY of the example's CloudFormation template into one moto 5.2.1 can create (facts.md lists its
// defects). The real template is never changed for moto: this runs in the test only.

type Json = Record<string, unknown>;

/** Resource types dropped for moto: their targets make PutEvents fail with HTTP 500 (Lambda, Step Functions). */
const DROPPED_TYPES = [/^AWS::Lambda::/, /^AWS::StepFunctions::/];

function refsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, out));
  else if (value !== null && typeof value === 'object') {
    const o = value as Json;
    if (typeof o.Ref === 'string') out.add(o.Ref);
    const getAtt = o['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') out.add(getAtt[0]);
    Object.values(o).forEach((v) => refsOf(v, out));
  }
  return out;
}

function rewrite(value: unknown, fn: (o: Json) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, fn));
  if (value !== null && typeof value === 'object') {
    const replaced = fn(value as Json);
    if (replaced !== value) return replaced;
    return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, rewrite(v, fn)]));
  }
  return value;
}

/** What was changed, for the test log. */
export interface MotoTemplate {
  readonly template: Json;
  readonly dropped: string[];
  readonly droppedTargets: string[];
}

/** The moto-ready copy of `original`. */
export function forMoto(original: Json): MotoTemplate {
  const template = JSON.parse(JSON.stringify(original)) as Json & {
    Resources: Record<string, Json>;
    Outputs?: Json;
    Parameters?: Json;
    Rules?: Json;
  };
  // moto: the CheckBootstrapVersion rule and its SSM parameter fail; this is what generateBootstrapVersionRule:
  // false leaves out, removed from the copy so the deployed template is the one the strict synth checked.
  delete template.Parameters?.BootstrapVersion;
  delete template.Rules?.CheckBootstrapVersion;
  for (const key of ['Parameters', 'Rules'] as const) {
    if (template[key] && Object.keys(template[key] as Json).length === 0) delete template[key];
  }
  const resources = template.Resources;
  const dropped = new Set(
    Object.entries(resources)
      .filter(([, r]) => DROPPED_TYPES.some((t) => t.test(String(r.Type))))
      .map(([id]) => id),
  );
  // Rule targets pointing at dropped resources go; the rules stay.
  const droppedTargets: string[] = [];
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::Events::Rule') continue;
    const props = r.Properties as Json & { Targets?: Json[] };
    props.Targets = (props.Targets ?? []).filter((t) => {
      const keep = ![...refsOf(t.Arn)].some((ref) => dropped.has(ref));
      if (!keep) droppedTargets.push(`${id}/${String(t.Id)}`);
      return keep;
    });
    if (props.Targets.length === 0) delete props.Targets;
  }
  // Then everything that references a dropped resource, until nothing changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, r] of Object.entries(resources)) {
      if (dropped.has(id)) continue;
      const refs = refsOf({
        p: r.Properties,
        d: r.DependsOn === undefined ? [] : [r.DependsOn].flat().map((x) => ({ Ref: x })),
      });
      if ([...refs].some((ref) => dropped.has(ref))) {
        dropped.add(id);
        changed = true;
      }
    }
  }
  for (const id of dropped) delete resources[id];
  if (template.Outputs) {
    for (const [name, output] of Object.entries(template.Outputs)) {
      if ([...refsOf(output)].some((ref) => dropped.has(ref))) delete template.Outputs[name];
    }
  }
  const buses = new Set(
    Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::Events::EventBus')
      .map(([id]) => id),
  );
  // moto: Ref on an EventBus returns an object instead of the name.
  const rewritten = rewrite(template, (o) =>
    typeof o.Ref === 'string' && buses.has(o.Ref) ? { 'Fn::GetAtt': [o.Ref, 'Name'] } : o,
  ) as typeof template;
  // moto: an Archive's EventPattern must be a string.
  for (const r of Object.values(rewritten.Resources)) {
    const props = r.Properties as Json;
    if (r.Type === 'AWS::Events::Archive' && props.EventPattern && typeof props.EventPattern === 'object') {
      props.EventPattern = JSON.stringify(props.EventPattern);
    }
  }
  return { template: rewritten, dropped: [...dropped].sort(), droppedTargets };
}
