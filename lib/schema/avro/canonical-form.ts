import type { AvroNode } from './model';

function write(node: AvroNode, seen: Set<string>): string {
  switch (node.type) {
    case 'record':
    case 'enum':
    case 'fixed': {
      const name = JSON.stringify(node.fullName);
      if (seen.has(node.fullName)) return name;
      seen.add(node.fullName);
      if (node.type === 'enum') {
        return `{"name":${name},"type":"enum","symbols":[${node.symbols.map((s) => JSON.stringify(s)).join(',')}]}`;
      }
      if (node.type === 'fixed') return `{"name":${name},"type":"fixed","size":${node.size}}`;
      const fields = node.fields.map((f) => `{"name":${JSON.stringify(f.name)},"type":${write(f.type, seen)}}`);
      return `{"name":${name},"type":"record","fields":[${fields.join(',')}]}`;
    }
    case 'array':
      return `{"type":"array","items":${write(node.items, seen)}}`;
    case 'map':
      return `{"type":"map","values":${write(node.values, seen)}}`;
    case 'union':
      return `[${node.types.map((t) => write(t, seen)).join(',')}]`;
    default:
      return JSON.stringify(node.type);
  }
}

/**
 * The Avro Parsing Canonical Form of a parsed schema, per the Avro specification: primitives as bare names, full
 * names, only the attributes that matter for reading (`name`, `type`, `fields`, `symbols`, `items`, `values`,
 * `size`) in that order, named types written in full once and by name afterwards, no whitespace. Two schemas with
 * the same canonical form read and write the same bytes; its fingerprint identifies a schema in registries.
 */
export function avroCanonicalFormOf(root: AvroNode): string {
  return write(root, new Set());
}
