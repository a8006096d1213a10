/**
 * Runs a Pulumi program under the SDK's mock runtime and returns the resources it registers, with secrets redacted.
 * No Pulumi CLI, credentials or network are needed. Used by `stacks/kafka/synth.ts` (writes `pulumi.out/`) and by
 * the Kafka tests.
 */
import * as pulumi from '@pulumi/pulumi';

/** One registered resource: its type token, its Pulumi name, and its inputs as the engine would receive them. */
export interface CapturedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/** Options of {@link capturePulumiProgram}. */
export interface CaptureOptions {
  /** Pulumi project name (config keys without a namespace belong to it). @default 'project' */
  readonly project?: string;
  /** Stack name. @default 'stack' */
  readonly stack?: string;
  /** Plain config values, `key` (project namespace) or `namespace:key`. @default - none */
  readonly config?: Readonly<Record<string, string>>;
  /** Secret config values, read by the program with `requireSecret`. @default - none */
  readonly secretConfig?: Readonly<Record<string, string>>;
  /** Run as a preview (unknown outputs stay unknown). @default false */
  readonly preview?: boolean;
}

/** Result of {@link capturePulumiProgram}. */
export interface CaptureResult {
  /** Registered resources, sorted by type then name; secrets replaced by `[secret]`. */
  readonly resources: CapturedResource[];
  /** Names of resources whose captured output still contains a secret value in clear text (should be empty). */
  readonly secretLeaks: string[];
  /** What the program returned (its stack outputs), with secrets redacted. */
  readonly outputs: unknown;
}

/** Marker written in place of every secret value. */
export const SECRET_MARKER = '[secret]';
/** Marker written in place of a value not known until deployment (preview runs). */
export const UNKNOWN_MARKER = '[unknown]';
/** Marker written in place of a dynamic provider's serialized code (it differs between runtimes). */
export const DYNAMIC_PROVIDER_MARKER = '[dynamic provider]';

const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

function isSecretValue(v: unknown): v is { value: unknown } {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.length >= 4) into.add(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => collectStrings(v, into));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((v) => collectStrings(isSecretValue(v) ? v.value : v, into));
  }
}

/** Replaces secrets with the marker and sorts object keys, so the output is deterministic. */
function redact(value: unknown, secrets: Set<string>): unknown {
  if (isSecretValue(value)) {
    collectStrings(value.value, secrets);
    return SECRET_MARKER;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets));
  if (value && typeof value === 'object') {
    if (pulumi.Resource.isInstance(value)) return `[resource]`;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] =
        key === '__provider' ? DYNAMIC_PROVIDER_MARKER : redact((value as Record<string, unknown>)[key], secrets);
    }
    return out;
  }
  return value;
}

async function unwrapOutputs(value: unknown): Promise<unknown> {
  if (pulumi.Output.isInstance(value)) {
    const out = value as pulumi.Output<unknown>;
    // Unknown values (preview) never reach apply callbacks: report them instead of waiting forever.
    if (!(await (out as unknown as { isKnown: Promise<boolean> }).isKnown)) return UNKNOWN_MARKER;
    const [inner, secret] = await Promise.all([
      new Promise<unknown>((resolve) => out.apply((v) => resolve(v))),
      pulumi.isSecret(out),
    ]);
    const resolved = await unwrapOutputs(inner);
    return secret ? { [SIG_KEY]: SECRET_SIG, value: resolved } : resolved;
  }
  if (Array.isArray(value)) return Promise.all(value.map(unwrapOutputs));
  if (value && typeof value === 'object' && !pulumi.Resource.isInstance(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await unwrapOutputs(v);
    return out;
  }
  return value;
}

/**
 * Runs `program` under `pulumi.runtime.setMocks` and returns what it registered. `program` must import or build the
 * Pulumi program itself (after the mocks are in place), e.g. `() => import('./orders-kafka').then((m) => m.ordersKafka())`.
 * Each call installs fresh mocks, so calls must not overlap.
 */
export async function capturePulumiProgram(
  program: () => unknown | Promise<unknown>,
  options: CaptureOptions = {},
): Promise<CaptureResult> {
  const project = options.project ?? 'project';
  const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];
  const config: Record<string, string> = {};
  const qualify = (k: string) => (k.includes(':') ? k : `${project}:${k}`);
  for (const [k, v] of Object.entries(options.config ?? {})) config[qualify(k)] = v;
  for (const [k, v] of Object.entries(options.secretConfig ?? {})) config[qualify(k)] = v;
  pulumi.runtime.setAllConfig(config, Object.keys(options.secretConfig ?? {}).map(qualify));

  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    project,
    options.stack ?? 'stack',
    options.preview ?? false,
  );

  const returned = await program();
  const outputs = await unwrapOutputs(returned);
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();

  const secrets = new Set<string>(Object.values(options.secretConfig ?? {}).filter((s) => s.length >= 4));
  const resources = registered
    .map((r) => ({ type: r.type, name: r.name, inputs: redact(r.inputs, secrets) as Record<string, unknown> }))
    .sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type.localeCompare(b.type)));
  const redactedOutputs = redact(outputs, secrets);

  const leaks: string[] = [];
  for (const r of registered) {
    const text = JSON.stringify(redact(r.inputs, new Set()));
    const raw = typeof r.inputs.__provider === 'string' ? r.inputs.__provider : '';
    if ([...secrets].some((s) => text.includes(s) || raw.includes(s))) leaks.push(`${r.type}::${r.name}`);
  }
  if ([...secrets].some((s) => (JSON.stringify(redactedOutputs) ?? '').includes(s))) leaks.push('program outputs');
  return { resources, secretLeaks: leaks, outputs: redactedOutputs };
}
