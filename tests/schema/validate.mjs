// Validates JSON files against a JSON Schema (2020-12) with ajv and prints one JSON line per file:
// {"file": …, "valid": true|false, "errors": ["/rules/0/id: must match pattern …", …]}.
// Usage: node validate.mjs <schema.json> <file.json>…
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: node validate.mjs <schema.json> <file.json>...");
  process.exit(2);
}

// rules.schema.json is JSON Schema 2020-12; the official SARIF 2.1.0 schema declares draft-04.
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const dialect = String(schema.$schema || "");
const ajv = dialect.includes("draft-04") ? new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false })
  : dialect.includes("draft-07") ? new Ajv({ allErrors: true, strict: false })
  : new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

for (const file of files) {
  let document;
  try {
    document = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.log(JSON.stringify({ file, valid: false, errors: [`not JSON: ${error.message}`] }));
    continue;
  }
  const valid = validate(document);
  const errors = valid ? [] : validate.errors.map(e => `${e.instancePath || "/"}: ${e.message}${e.params && e.params.unevaluatedProperty ? ` (${e.params.unevaluatedProperty})` : ""}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
  console.log(JSON.stringify({ file, valid, errors }));
}
