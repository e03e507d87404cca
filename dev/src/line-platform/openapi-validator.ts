import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { LineErrorDetail } from './line-errors';

// A small OpenAPI 3.0 schema walker for LINE's published spec. Not ajv: the spec models message, action,
// template and Flex types as `discriminator.mapping` plus `allOf` inheritance from the base schema,
// which ajv does not follow (it would either ignore the mapping or recurse forever).

export interface Schema {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  nullable?: boolean;
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
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  pattern?: string;
  format?: string;
}

interface Operation {
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface OpenApiValidator {
  /** false when no spec was found: `validate` then accepts everything (the limits still run). */
  readonly loaded: boolean;
  readonly specFile?: string;
  /**
   * Checks a JSON request body against the requestBody schema of `method pathTemplate` (the spec's own
   * path, e.g. `/v2/bot/message/reply`). Operations without a JSON body schema accept anything.
   */
  validate(method: string, pathTemplate: string, body: unknown): LineErrorDetail[];
}

export const SPEC_FILE = 'messaging-api.yml';

/** `<repo root>/../shared/line-openapi`: where CI and our machines keep the reference specs. */
export function defaultSpecDir(): string {
  const here = dirname(fileURLToPath(import.meta.url)); // <repo>/dev/src/line-platform
  return resolve(here, '../../../../shared/line-openapi');
}

/** option, else LINE_OPENAPI_DIR, else the default location; the spec may still be missing there. */
export function resolveSpecDir(specDir?: string): string {
  return specDir ?? process.env.LINE_OPENAPI_DIR ?? defaultSpecDir();
}

export function loadOpenApiValidator(o: { specDir?: string } = {}): OpenApiValidator {
  const file = join(resolveSpecDir(o.specDir), SPEC_FILE);
  if (!existsSync(file)) return { loaded: false, validate: () => [] };
  const doc = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  const walker = new SchemaWalker(doc.components?.schemas ?? {});
  return {
    loaded: true,
    specFile: file,
    validate(method, pathTemplate, body) {
      const op = doc.paths?.[pathTemplate]?.[method.toLowerCase()];
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      if (!schema) return [];
      const out: LineErrorDetail[] = [];
      walker.check(schema, body, '', out, false);
      return out;
    },
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const child = (path: string, key: string) => (path ? `${path}.${key}` : key);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export class SchemaWalker {
  readonly #schemas: Record<string, Schema>;
  readonly #patterns = new Map<string, RegExp>();

  constructor(schemas: Record<string, Schema>) {
    this.#schemas = schemas;
  }

  resolve(ref: string): Schema {
    const name = ref.replace(/^#\/components\/schemas\//, '');
    const s = this.#schemas[name];
    if (!s) throw new Error(`OpenAPI: unresolvable $ref ${ref}`);
    return s;
  }

  /**
   * `inherited`: this schema is reached as an `allOf` parent of a subtype. Its discriminator then
   * describes the family, not a dispatch to do again (that is how the subtype got here).
   */
  check(schema: Schema, value: unknown, path: string, out: LineErrorDetail[], inherited: boolean): void {
    if (schema.$ref) {
      this.check(this.resolve(schema.$ref), value, path, out, inherited);
      return;
    }
    if (value === null && schema.nullable) return;

    if (schema.discriminator && !inherited && isObject(value)) {
      const { propertyName, mapping } = schema.discriminator;
      const tag = value[propertyName];
      const at = child(path, propertyName);
      if (tag === undefined) {
        out.push({ property: at, message: 'must be specified' });
        return;
      }
      const target =
        typeof tag === 'string'
          ? (mapping?.[tag] ?? (mapping ? undefined : this.#schemas[tag] && `#/components/schemas/${tag}`))
          : undefined;
      if (!target) {
        const allowed = Object.keys(mapping ?? {}).join(', ');
        out.push({ property: at, message: `must be one of the following values: [${allowed}]` });
        return;
      }
      this.check({ $ref: target }, value, path, out, false);
      return;
    }

    if (!this.#checkType(schema, value, path, out)) return;

    for (const part of schema.allOf ?? []) this.check(part, value, path, out, true);
    if (schema.anyOf) this.#checkAlternatives(schema.anyOf, value, path, out, 'any');
    if (schema.oneOf) this.#checkAlternatives(schema.oneOf, value, path, out, 'one');

    if (schema.enum && !schema.enum.includes(value)) {
      out.push({
        property: path,
        message: `must be one of the following values: [${schema.enum.join(', ')}]`,
      });
    }
    if (typeof value === 'string') this.#checkString(schema, value, path, out);
    if (typeof value === 'number') this.#checkNumber(schema, value, path, out);
    if (Array.isArray(value)) {
      const { minItems: min, maxItems: max } = schema;
      if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
        out.push({ property: path, message: `Size must be between ${min ?? 0} and ${max ?? 'unbounded'}` });
      }
      const items = schema.items;
      if (items) for (const [i, v] of value.entries()) this.check(items, v, `${path}[${i}]`, out, false);
    }
    if (isObject(value)) this.#checkObject(schema, value, path, out);
  }

  #checkType(schema: Schema, value: unknown, path: string, out: LineErrorDetail[]): boolean {
    const t = schema.type;
    if (!t) return true;
    const ok =
      t === 'object'
        ? isObject(value)
        : t === 'array'
          ? Array.isArray(value)
          : t === 'integer'
            ? Number.isInteger(value)
            : t === 'number'
              ? typeof value === 'number' && Number.isFinite(value)
              : typeof value === t;
    if (!ok)
      out.push({
        property: path,
        message: `must be ${t === 'integer' ? 'an' : 'a'} ${t}, not ${describe(value)}`,
      });
    return ok;
  }

  #checkString(schema: Schema, value: string, path: string, out: LineErrorDetail[]) {
    // LINE counts text in UTF-16 code units, which is what String#length is.
    const { minLength: min, maxLength: max } = schema;
    if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
      out.push({ property: path, message: `Length must be between ${min ?? 0} and ${max ?? 'unbounded'}` });
    }
    if (schema.pattern && !this.#regex(schema.pattern).test(value)) {
      out.push({ property: path, message: `must match "${schema.pattern}"` });
    }
    // Loosely: an absolute URI with a scheme. LINE's own scheme rules (http/https/line/tel) are in limits.
    if (schema.format === 'uri' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) {
      out.push({ property: path, message: 'must be a valid URI' });
    }
  }

  #checkNumber(schema: Schema, value: number, path: string, out: LineErrorDetail[]) {
    const { minimum: min, maximum: max } = schema;
    if (min !== undefined && (value < min || (schema.exclusiveMinimum && value === min))) {
      out.push({ property: path, message: `must be greater than or equal to ${min}` });
    }
    if (max !== undefined && (value > max || (schema.exclusiveMaximum && value === max))) {
      out.push({ property: path, message: `must be less than or equal to ${max}` });
    }
  }

  #checkObject(schema: Schema, value: Json, path: string, out: LineErrorDetail[]) {
    for (const key of schema.required ?? []) {
      if (value[key] === undefined) out.push({ property: child(path, key), message: 'must be specified' });
    }
    const props = schema.properties ?? {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const s = props[key];
      if (s) this.check(s, v, child(path, key), out, false);
      else if (schema.additionalProperties === false) {
        out.push({ property: child(path, key), message: 'Unrecognized field' });
      } else if (isObject(schema.additionalProperties)) {
        this.check(schema.additionalProperties, v, child(path, key), out, false);
      }
    }
  }

  #checkAlternatives(
    alts: Schema[],
    value: unknown,
    path: string,
    out: LineErrorDetail[],
    kind: 'any' | 'one',
  ) {
    const results = alts.map((s) => {
      const errs: LineErrorDetail[] = [];
      this.check(s, value, path, errs, false);
      return errs;
    });
    const passing = results.filter((r) => r.length === 0).length;
    if (passing === 0) {
      // The closest alternative explains the failure best.
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...best);
    } else if (kind === 'one' && passing > 1) {
      out.push({ property: path, message: 'must match exactly one schema' });
    }
  }

  #regex(pattern: string): RegExp {
    let re = this.#patterns.get(pattern);
    if (!re) {
      re = new RegExp(pattern);
      this.#patterns.set(pattern, re);
    }
    return re;
  }
}
