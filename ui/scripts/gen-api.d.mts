// Types of gen-api.mjs, for the test that imports it (src/test/contract.test.ts).
export declare const DOCUMENT: URL;
export declare const OUTPUT: URL;
/** The text src/api/schema.ts must hold for the document (api/openapi.yaml, or `text` when given). */
export declare function generateApiTypes(text?: string): Promise<string>;
