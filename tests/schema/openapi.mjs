// Validates an OpenAPI document against the official OpenAPI 3.x JSON schemas and resolves its
// $refs; prints "valid" or the errors, exit code 1 when invalid.
// Usage: node openapi.mjs <openapi.json>
import { Validator } from "@seriousme/openapi-schema-validator";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node openapi.mjs <openapi.json>");
  process.exit(2);
}

const validator = new Validator();
const result = await validator.validate(file);
if (result.valid) {
  console.log(`valid OpenAPI ${validator.version}`);
} else {
  console.log(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
