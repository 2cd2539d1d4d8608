// Reads a JUnit XML report with junit2json, as CI dashboards do, and prints what it understood:
// {"tests": n, "failures": n, "errors": n, "cases": [{"name": …, "failure": "…" | null, "error": "…" | null}]}.
// Usage: node junit.mjs <report.xml>
import { readFileSync } from "node:fs";
import { parse } from "junit2json";

const report = await parse(readFileSync(process.argv[2], "utf8"));
const suites = report.testsuite ?? [];
const cases = suites.flatMap(s => s.testcase ?? []).map(c => ({
  name: c.name,
  classname: c.classname,
  failure: c.failure ? (c.failure[0].message ?? "") : null,
  error: c.error ? (c.error[0].message ?? "") : null,
}));
console.log(JSON.stringify({ tests: Number(report.tests), failures: Number(report.failures), errors: Number(report.errors), cases }));
