// @vitest-environment node
//
// The API document (api/openapi.yaml) checked with the front-end's tests (`make test` runs
// them): it is a valid OpenAPI 3.1 document, every example in it fits its schema, the
// front-end's generated types (src/api/schema.ts) are not stale (in the working tree, and in
// the last commit), and every problem and fault code has a text at `problem.<code>` in bokmål,
// nynorsk and English.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DOCUMENT, OUTPUT, generateApiTypes } from '../../scripts/gen-api.mjs';
import { nb } from '../i18n/nb';
import { nn } from '../i18n/nn';
import { en } from '../i18n/en';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const text = readFileSync(DOCUMENT, 'utf8');
const doc = parse(text) as Json;

/** RFC 6901: one token of a JSON pointer. */
const token = (k: string | number) => String(k).replaceAll('~', '~0').replaceAll('/', '~1');

/** The member at a JSON pointer ("#/components/examples/Offer"), or undefined. */
function at(pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((v, t) => (isObject(v) || Array.isArray(v) ? (v as Json)[t] : undefined), doc);
}

/** Where the document keeps a value to check against a schema: the value, the pointer of its schema, and its own place. */
interface Sample {
  value: unknown;
  schema: string;
  where: string;
}

/**
 * Every example of the document with the schema it must fit: `example`/`examples` of schema
 * objects (at any depth), and `example`/`examples` of parameters, headers and media types
 * (`examples` there are Example objects, inline or `$ref`s to components.examples).
 * Also returns which components.examples were used, so none escapes the check.
 */
function samples(): { found: Sample[]; usedExamples: Set<string> } {
  const found: Sample[] = [];
  const usedExamples = new Set<string>();

  const schema = (s: unknown, ptr: string) => {
    if (!isObject(s)) return;
    if ('example' in s) found.push({ value: s.example, schema: ptr, where: `${ptr}/example` });
    if (Array.isArray(s.examples)) s.examples.forEach((v, i) => found.push({ value: v, schema: ptr, where: `${ptr}/examples/${i}` }));
    for (const k of ['items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems'])
      schema(s[k], `${ptr}/${k}`);
    for (const k of ['allOf', 'anyOf', 'oneOf', 'prefixItems'])
      if (Array.isArray(s[k])) (s[k] as unknown[]).forEach((sub, i) => schema(sub, `${ptr}/${k}/${i}`));
    for (const k of ['properties', 'patternProperties', '$defs', 'dependentSchemas'])
      if (isObject(s[k])) for (const [name, sub] of Object.entries(s[k] as Json)) schema(sub, `${ptr}/${k}/${token(name)}`);
  };

  // a parameter, a header or a media type: `schema` with `example` or a map of Example objects
  const holder = (h: unknown, ptr: string) => {
    if (!isObject(h) || '$ref' in h) return;
    schema(h.schema, `${ptr}/schema`);
    if ('example' in h) found.push({ value: h.example, schema: `${ptr}/schema`, where: `${ptr}/example` });
    if (isObject(h.examples))
      for (const [name, ex] of Object.entries(h.examples)) {
        let example = ex;
        if (isObject(ex) && typeof ex.$ref === 'string') {
          usedExamples.add(ex.$ref);
          example = at(ex.$ref);
        }
        if (isObject(example) && 'value' in example)
          found.push({ value: example.value, schema: `${ptr}/schema`, where: `${ptr}/examples/${token(name)}` });
        else found.push({ value: undefined, schema: '', where: `${ptr}/examples/${token(name)} (no value)` });
      }
    content(h.content, `${ptr}/content`);
    if (isObject(h.headers)) for (const [name, sub] of Object.entries(h.headers)) holder(sub, `${ptr}/headers/${token(name)}`);
  };
  const content = (c: unknown, ptr: string) => {
    if (isObject(c)) for (const [type, media] of Object.entries(c)) holder(media, `${ptr}/${token(type)}`);
  };
  const responses = (r: unknown, ptr: string) => {
    if (isObject(r))
      for (const [status, res] of Object.entries(r)) {
        if (!isObject(res) || '$ref' in res) continue;
        content(res.content, `${ptr}/${token(status)}/content`);
        if (isObject(res.headers)) for (const [name, h] of Object.entries(res.headers)) holder(h, `${ptr}/${token(status)}/headers/${token(name)}`);
      }
  };
  const parameters = (list: unknown, ptr: string) => {
    if (Array.isArray(list)) list.forEach((p, i) => holder(p, `${ptr}/${i}`));
  };

  for (const [path, item] of Object.entries((doc.paths as Json) ?? {})) {
    if (!isObject(item)) continue;
    const base = `#/paths/${token(path)}`;
    parameters(item.parameters, `${base}/parameters`);
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const op = item[method];
      if (!isObject(op)) continue;
      parameters(op.parameters, `${base}/${method}/parameters`);
      if (isObject(op.requestBody)) content(op.requestBody.content, `${base}/${method}/requestBody/content`);
      responses(op.responses, `${base}/${method}/responses`);
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  const each = (name: string, f: (v: unknown, ptr: string) => void) => {
    if (isObject(components[name])) for (const [k, v] of Object.entries(components[name] as Json)) f(v, `#/components/${name}/${token(k)}`);
  };
  each('schemas', schema);
  each('parameters', holder);
  each('headers', holder);
  each('requestBodies', (b, ptr) => isObject(b) && content(b.content, `${ptr}/content`));
  each('responses', (r, ptr) => {
    if (!isObject(r)) return;
    content(r.content, `${ptr}/content`);
    if (isObject(r.headers)) for (const [name, h] of Object.entries(r.headers)) holder(h, `${ptr}/headers/${token(name)}`);
  });
  return { found, usedExamples };
}

/** What is wrong with each example, as "where: message" lines (none when all fit). */
function exampleFaults(): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi');
  const { found, usedExamples } = samples();
  const faults: string[] = [];
  for (const s of found) {
    if (!s.schema) {
      faults.push(s.where);
      continue;
    }
    const validate = ajv.getSchema(`openapi${s.schema}`) ?? ajv.compile({ $ref: `openapi${s.schema}` });
    if (!validate(s.value)) faults.push(`${s.where}: ${ajv.errorsText(validate.errors, { dataVar: 'example' })}`);
  }
  const examples = isObject(doc.components) && isObject(doc.components.examples) ? Object.keys(doc.components.examples) : [];
  for (const name of examples)
    if (!usedExamples.has(`#/components/examples/${token(name)}`)) faults.push(`#/components/examples/${token(name)}: used by no parameter or media type, so checked against no schema`);
  return faults;
}

/** The text at `problem.<code>` of a language's messages, if it is a string. */
function textAt(messages: object, code: string): unknown {
  return `problem.${code}`.split('.').reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), messages);
}

function keys(o: unknown, prefix = ''): string[] {
  return isObject(o) ? Object.entries(o).flatMap(([k, v]) => (isObject(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])) : [];
}

const enumOf = (name: string): string[] => {
  const values = at(`#/components/schemas/${name}/enum`);
  return Array.isArray(values) ? values.map(String) : [];
};

describe('the API document (api/openapi.yaml)', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    // validate() checks the document against the OpenAPI 3.1 schema and dereferences every $ref
    const api = (await SwaggerParser.validate(structuredClone(doc) as never)) as { openapi?: string; paths?: object };
    expect(api.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(api.paths ?? {}).length).toBeGreaterThan(50);
  }, 60_000);

  it('every example fits its schema', () => {
    expect(samples().found.length).toBeGreaterThan(100);
    expect(exampleFaults().join('\n')).toBe('');
  }, 60_000);

  it('the generated types (src/api/schema.ts) are not stale', async () => {
    const committed = readFileSync(OUTPUT, 'utf8');
    const generated = await generateApiTypes(text);
    if (committed !== generated) {
      const a = committed.split('\n');
      const b = generated.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(`src/api/schema.ts does not match api/openapi.yaml (first at line ${line + 1}): run npm run gen:api`);
    }
  }, 60_000);

  // `npm run build` regenerates schema.ts, so the check above passes after a build even when
  // the commit lacks the new file: this one reads both files as the last commit has them.
  const ui = fileURLToPath(new URL('../..', import.meta.url));
  const committed = (path: string) => execFileSync('git', ['show', `HEAD:./${path}`], { cwd: ui, encoding: 'utf8', maxBuffer: 1 << 26 });
  const inGit = (() => {
    try {
      return committed('src/api/schema.ts').length > 0;
    } catch {
      return false; // not a git checkout, or schema.ts not committed yet
    }
  })();
  it.skipIf(!inGit)('the committed types (src/api/schema.ts at HEAD) are not stale against the committed document', async () => {
    const generated = await generateApiTypes(committed('../api/openapi.yaml'));
    if (committed('src/api/schema.ts') !== generated)
      expect.fail('the last commit changed api/openapi.yaml without src/api/schema.ts: run npm run gen:api and commit it');
  }, 60_000);

  it('every problem and fault code has a text at problem.<code> in bokmål, nynorsk and English', () => {
    const codes = [...enumOf('ProblemCode'), ...enumOf('FaultCode')];
    expect(codes).toContain('validation.failed');
    expect(codes).toContain('validation.too_long');
    const missing: string[] = [];
    for (const [lang, messages] of Object.entries({ nb, nn, en }))
      for (const code of codes) {
        const t = textAt(messages, code);
        if (typeof t !== 'string' || t.trim() === '') missing.push(`${lang}: problem.${code}`);
      }
    expect(missing.join('\n')).toBe('');
  });

  it('the problem texts have the same keys in bokmål, nynorsk and English', () => {
    const all = { nb: keys(nb.problem), nn: keys(nn.problem), en: keys(en.problem) };
    const union = new Set(Object.values(all).flat());
    const missing = Object.entries(all).flatMap(([lang, have]) => [...union].filter((k) => !have.includes(k)).map((k) => `${lang}: problem.${k}`));
    expect(missing.join('\n')).toBe('');
    expect(union.size).toBeGreaterThan(30);
  });
});
