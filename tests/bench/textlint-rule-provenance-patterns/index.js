// A textlint rule that applies the default packs' expressions (from patterns.mjs json, named by
// PROVENANCE_PATTERNS) to each document and reports every match, as provenance does.
"use strict";
const { readFileSync } = require("node:fs");

// Node 20's RegExp lacks .NET's inline modifier groups and rejects \" under the u flag: a
// modifier group becomes a plain one and the whole expression case-insensitive.
function compile({ source, flags }) {
  let s = source.replace(/\\"/g, '"');
  let f = flags;
  if (s.includes("(?i:")) {
    s = s.replace(/\(\?i:/g, "(?:");
    if (!f.includes("i")) f += "i";
  }
  try {
    return new RegExp(s, f);
  } catch {
    return null;
  }
}

const expressions = JSON.parse(readFileSync(process.env.PROVENANCE_PATTERNS, "utf8")).map(compile).filter(Boolean);

module.exports = (context) => {
  const { Syntax, RuleError, report, getSource } = context;
  return {
    [Syntax.Document](node) {
      const text = getSource(node);
      for (const expression of expressions) {
        expression.lastIndex = 0;
        let match;
        while ((match = expression.exec(text)) !== null) {
          report(node, new RuleError("provenance pattern", { index: match.index }));
          if (match[0].length === 0) expression.lastIndex++;
        }
      }
    },
  };
};
