/** A plain value an event field can be compared with: a string, number, boolean or null. */
export type PatternScalar = string | number | boolean | null;

/** A comparison operator of the `numeric` operator. */
export type NumericOperator = '=' | '<' | '<=' | '>' | '>=';

/** The operand of `anything-but`. */
export type AnythingButOperand =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | { readonly prefix: string | readonly string[] }
  | { readonly suffix: string | readonly string[] }
  | { readonly wildcard: string | readonly string[] }
  | { readonly 'equals-ignore-case': string | readonly string[] };

/** One operator object in a field's value list, as EventBridge writes it. */
export type PatternOperator =
  | { readonly prefix: string | { readonly 'equals-ignore-case': string } }
  | { readonly suffix: string | { readonly 'equals-ignore-case': string } }
  | { readonly 'equals-ignore-case': string }
  | { readonly wildcard: string }
  | { readonly 'anything-but': AnythingButOperand }
  | { readonly numeric: readonly (NumericOperator | number)[] }
  | { readonly exists: boolean }
  | { readonly cidr: string };

/** One entry of a field's value list: a plain value or an operator object. */
export type PatternMatchValue = PatternScalar | PatternOperator;

/**
 * An event pattern as plain JSON, the form EventBridge rules and archives take: each field holds a list of values
 * (any may match), a nested pattern for an object field, or, under `$or`, a list of alternative patterns.
 */
export interface EventPatternJson {
  readonly [field: string]: readonly PatternMatchValue[] | EventPatternJson | readonly EventPatternJson[];
}
