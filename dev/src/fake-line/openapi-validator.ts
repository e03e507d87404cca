import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// A small OpenAPI 3.0 schema walker for LINE's official spec. Not ajv: LINE's spec models message,
// action and Flex types as `discriminator.mapping` plus `allOf` inheritance, which ajv does not follow.

export interface ValidationDetail {
  property: string;
  message: string;
}

type Schema = {
  $ref?: string;
  type?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
};

interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export interface OpenApiValidator {
  /** validates a JSON request body for `METHOD path` (path as in the spec, e.g. /v2/bot/message/reply) */
  validateRequest(method: string, specPath: string, body: unknown): ValidationDetail[];
  hasOperation(method: string, specPath: string): boolean;
}

/** Loads messaging-api.yml from `dir`; undefined when the spec is not on this machine. */
export function loadOpenApiValidator(dir: string | undefined): OpenApiValidator | undefined {
  if (!dir) return undefined;
  const file = join(dir, 'messaging-api.yml');
  if (!existsSync(file)) return undefined;
  const spec = parse(readFileSync(file, 'utf8')) as Spec;
  const schemas = spec.components.schemas;
  const resolve = (ref: string): Schema => {
    const name = ref.replace('#/components/schemas/', '');
    const s = schemas[name];
    if (!s) throw new Error(`unresolved $ref ${ref}`);
    return s;
  };

  function check(
    schema: Schema,
    value: unknown,
    path: string,
    out: ValidationDetail[],
    skip: Set<Schema>,
  ): void {
    if (schema.$ref) {
      check(resolve(schema.$ref), value, path, out, skip);
      return;
    }
    if (value === undefined) return;
    if (schema.type && !typeMatches(schema.type, value)) {
      out.push({ property: path, message: `Must be of type ${schema.type}` });
      return;
    }
    if (schema.enum && !schema.enum.includes(value)) {
      out.push({ property: path, message: `Must be one of ${schema.enum.join(', ')}` });
    }
    if (typeof value === 'string') {
      if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        out.push({
          property: path,
          message: `Length must be between ${schema.minLength ?? 0} and ${schema.maxLength}`,
        });
      }
      if (schema.minLength !== undefined && value.length < schema.minLength) {
        out.push({ property: path, message: `Length must be at least ${schema.minLength}` });
      }
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
        out.push({ property: path, message: `Must match ${schema.pattern}` });
      }
    }
    if (typeof value === 'number') {
      if (schema.minimum !== undefined && value < schema.minimum)
        out.push({ property: path, message: `Must be ≥ ${schema.minimum}` });
      if (schema.maximum !== undefined && value > schema.maximum)
        out.push({ property: path, message: `Must be ≤ ${schema.maximum}` });
    }
    if (Array.isArray(value)) {
      if (schema.maxItems !== undefined && value.length > schema.maxItems) {
        out.push({
          property: path,
          message: `Size must be between ${schema.minItems ?? 0} and ${schema.maxItems}`,
        });
      }
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        out.push({ property: path, message: `Size must be at least ${schema.minItems}` });
      }
      if (schema.items)
        for (const [i, v] of value.entries()) check(schema.items, v, `${path}[${i}]`, out, skip);
    }
    if (isObject(value)) {
      for (const r of schema.required ?? []) {
        if (value[r] === undefined) out.push({ property: join2(path, r), message: 'May not be empty' });
      }
      for (const [k, s] of Object.entries(schema.properties ?? {}))
        check(s, value[k], join2(path, k), out, skip);
      if (schema.additionalProperties === false) {
        const known = new Set(Object.keys(schema.properties ?? {}));
        for (const k of Object.keys(value))
          if (!known.has(k)) out.push({ property: join2(path, k), message: 'Unknown property' });
      }
      if (schema.discriminator && !skip.has(schema)) {
        const tag = value[schema.discriminator.propertyName];
        const mapping = schema.discriminator.mapping ?? {};
        const target = typeof tag === 'string' ? mapping[tag] : undefined;
        if (!target) {
          out.push({
            property: join2(path, schema.discriminator.propertyName),
            message: `Must be one of ${Object.keys(mapping).join(', ')}`,
          });
        } else {
          // The subtype's allOf points back at this base: do not dispatch on it again.
          check(resolve(target), value, path, out, new Set([...skip, schema]));
        }
      }
    }
    for (const s of schema.allOf ?? []) check(s, value, path, out, skip);
    for (const alternatives of [schema.oneOf, schema.anyOf]) {
      if (!alternatives) continue;
      const ok = alternatives.some((s) => {
        const tmp: ValidationDetail[] = [];
        check(s, value, path, tmp, skip);
        return tmp.length === 0;
      });
      if (!ok) out.push({ property: path, message: 'Does not match any allowed shape' });
    }
  }

  const bodySchema = (method: string, specPath: string) =>
    spec.paths[specPath]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;

  return {
    hasOperation: (method, specPath) => Boolean(spec.paths[specPath]?.[method.toLowerCase()]),
    validateRequest(method, specPath, body) {
      const schema = bodySchema(method, specPath);
      if (!schema) return [];
      const out: ValidationDetail[] = [];
      check(schema, body, '', out, new Set());
      return out;
    },
  };
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join2(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
