// Prints the default packs' text expressions in the forms the comparison tools take:
//   node patterns.mjs pcre  -> one PCRE2 expression per line, for `rg -P -f`
//   node patterns.mjs json  -> [{ source, flags }] for the textlint rule
// Included: pattern, structure and proximity expressions, lexicon phrases (escaped) and the
// expression an echo rule stands for, each case-insensitive unless the rule says otherwise.
// Left out: what is not one expression over the text (outlet names from the 10,000-domain
// registry, links, metadata, counts, absences).
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const rules = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "rules");
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// .NET allows a capture name twice; PCRE2 and JavaScript do not. Names are not needed to count
// matches, so a named group no backreference uses becomes a plain one (lookbehinds stay).
const unnamed = (s) => s.replace(/\(\?<([A-Za-z_]\w*)>/g, (group, name) => (s.includes(`\\k<${name}>`) ? group : "(?:"));

// PCRE2 10.32 (Debian's ripgrep) takes only fixed-length lookbehinds; .NET and JavaScript take
// any. For PCRE2 a variable one is dropped: a little more text matches, at the same cost.
function fixedLookbehinds(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith("(?<=", i) || s.startsWith("(?<!", i)) {
      let depth = 0;
      let inClass = false;
      let j = i;
      for (; j < s.length; j++) {
        const c = s[j];
        if (c === "\\") { j++; continue; }
        if (inClass) { if (c === "]") inClass = false; continue; }
        if (c === "[") inClass = true;
        else if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
      }
      const body = s.slice(i + 4, j);
      if (/[*+?{|]/.test(body.replace(/\\./g, ""))) { i = j; continue; }
    }
    out += s[i];
  }
  return out;
}
// JavaScript has no atomic groups. (?>X) is (?=(X))\1 there: the lookahead takes X's longest
// match and is never re-entered, so the backreference consumes exactly that, as the atomic group
// does. Named, so that numbering elsewhere is unchanged.
function atomicGroupsForJs(s) {
  let out = "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") { out += s[i] + (s[i + 1] ?? ""); i++; continue; }
    if (s.startsWith("(?>", i)) {
      const name = `atomic${++n}`;
      out += `(?=(?<${name}>`;
      let depth = 1;
      let inClass = false;
      let j = i + 3;
      let body = "";
      for (; j < s.length; j++) {
        const c = s[j];
        if (c === "\\") { body += c + s[j + 1]; j++; continue; }
        if (inClass) { if (c === "]") inClass = false; }
        else if (c === "[") inClass = true;
        else if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
        body += c;
      }
      out += atomicGroupsForJs(body).replace(/atomic(\d+)/g, (_, k) => `atomic${n}_${k}`) + `))\\k<${name}>`;
      i = j;
      continue;
    }
    out += s[i];
  }
  return out;
}

const expressions = [];
for (const file of readdirSync(rules).filter((f) => f.endsWith(".rules.json")).sort()) {
  for (const rule of JSON.parse(readFileSync(join(rules, file), "utf8")).rules) {
    const insensitive = !rule.caseSensitive;
    const add = (source) => expressions.push({ id: rule.id, source: unnamed(source), insensitive });
    if (["pattern", "structure"].includes(rule.kind)) (rule.patterns ?? []).forEach(add);
    if (rule.kind === "proximity") [...(rule.first ?? []), ...(rule.second ?? [])].forEach(add);
    if (rule.kind === "lexicon") (rule.phrases ?? []).forEach((p) => add(`\\b${escape(p)}\\b`));
    // An echo rule is searched without an expression; the tools get the one it stands for.
    if (rule.kind === "echo") {
      const between = rule.wordsBetween ?? 1;
      add(`\\b(?<stem>\\p{L}{${rule.minStem ?? 4},})${escape(rule.ending)}\\s+(?:\\p{L}+\\s+){0,${between}}\\k<stem>(?:${rule.suffixes.map(escape).join("|")})\\b`);
    }
  }
}

if (process.argv[2] === "json") {
  console.log(JSON.stringify(expressions.map((e) => ({ id: e.id, source: atomicGroupsForJs(e.source), flags: e.insensitive ? "gimu" : "gmu" }))));
} else {
  // (?J): a name kept for a backreference ("lab") may recur in another expression once ripgrep joins them.
  for (const e of expressions) console.log("(?J)" + (e.insensitive ? "(?i)" : "") + fixedLookbehinds(e.source).replace(/\n/g, "\\n"));
}
