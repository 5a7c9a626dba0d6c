// The front-end's API types, generated from the API document (api/openapi.yaml, the one source
// of truth) by openapi-typescript into src/api/schema.ts. `npm run gen:api` writes the file
// (`npm run build` runs it first); src/test/contract.test.ts generates it again in memory and
// fails when the committed file is stale. Besides the types (`components['schemas']['Offer']`) it
// holds every enum's values as an array (`offerFormatValues`), so no list of them is kept by hand.
// Example:
//
//   node scripts/gen-api.mjs            # writes src/api/schema.ts
//   import { generateApiTypes } from '../../scripts/gen-api.mjs';
//   const text = await generateApiTypes(); // what the file must hold
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const DOCUMENT = new URL('../../api/openapi.yaml', import.meta.url);
export const OUTPUT = new URL('../src/api/schema.ts', import.meta.url);

/** The text of src/api/schema.ts for the document as it is now (or for `text`, a version of it). */
export async function generateApiTypes(text = readFileSync(DOCUMENT, 'utf8')) {
  // The YAML is handed over as text: openapi-typescript then reads no file and no URL itself.
  const ast = await openapiTS(text, { enumValues: true, defaultNonNullable: false, emptyObjectsUnknown: true, silent: true });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, await generateApiTypes());
  console.log(`${fileURLToPath(DOCUMENT)} → ${fileURLToPath(OUTPUT)}`);
}
