// The editor page: sends the article to POST /v1/check and shows the scorecard, with every
// finding highlighted in place. Article text only ever reaches the page through textContent.
"use strict";

const $ = (id) => document.getElementById(id);
const severityOrder = { error: 0, warning: 1, info: 2, hidden: 3 };

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// A guess good enough to save a click; the select overrides it.
function detectFormat(text, fileName) {
  const name = (fileName || "").toLowerCase();
  if (/\.(html?|xhtml)$/.test(name)) return "html";
  if (/\.(md|markdown)$/.test(name)) return "markdown";
  if (/\.txt$/.test(name)) return "text";
  const head = text.trimStart().slice(0, 2000).toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /<(article|body|div|p|h1)[\s>]/.test(head)) return "html";
  if (head.startsWith("---\n") || /^#{1,6} \S/m.test(head) || /\[[^\]]+\]\([^)]+\)/.test(head)) return "markdown";
  return "text";
}

// Offsets of the starts of lines, with \r\n, \n and \r as breaks, as the checker counts them.
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function offsetOf(starts, line, column) {
  const start = starts[Math.min(line, starts.length) - 1] ?? 0;
  return start + column - 1;
}

async function check(event) {
  event.preventDefault();
  const text = $("source").value;
  if (!text.trim()) {
    status("Paste or drop an article first.", true);
    return;
  }
  const format = $("format").value === "auto" ? detectFormat(text, $("source").dataset.fileName) : $("format").value;
  const body = { content: text, format, path: $("source").dataset.fileName || `article.${format === "markdown" ? "md" : format === "html" ? "html" : "txt"}` };
  if ($("uri").value) body.uri = $("uri").value;
  const headers = { "Content-Type": "application/json" };
  if ($("key").value) headers["X-Api-Key"] = $("key").value;
  $("check").disabled = true;
  status("Checking…");
  try {
    // A page is shown as read, not as markup: the service says where each finding is in its text.
    const response = await fetch(format === "html" ? "/v1/check?read=true" : "/v1/check", { method: "POST", headers, body: JSON.stringify(body) });
    const answer = await response.json();
    if (!response.ok) {
      if (response.status === 401) $("key-row").hidden = false;
      status(`${answer.title || response.statusText}: ${answer.detail || ""}`, true);
      return;
    }
    render(answer.articles[0], text);
    status(`Checked as ${format}.`);
  } catch (error) {
    status(`The service did not answer: ${error.message}`, true);
  } finally {
    $("check").disabled = false;
  }
}

function status(message, isError) {
  $("status").textContent = message;
  $("status").classList.toggle("error", Boolean(isError));
}

function render(article, text) {
  $("result").hidden = false;
  document.body.dataset.state = "checked";
  $("score").textContent = article.score;
  $("grade").textContent = article.grade;
  $("grade").dataset.grade = article.grade;
  $("label").textContent = article.label;
  renderCategories(article.categories);
  renderFacts(article.facts);
  const findings = article.findings.map((f, index) => ({ ...f, index }))
    .sort((a, b) => a.line - b.line || a.column - b.column || severityOrder[a.severity] - severityOrder[b.severity]);
  renderFindings(findings);
  if (article.read) {
    renderRead(article.read, findings);
  } else {
    renderArticle(text, findings);
  }
  renderContributions(article.contributions, article.categories);
}

function renderCategories(categories) {
  const box = $("categories");
  box.replaceChildren();
  for (const category of categories) {
    const span = Math.max(1, category.max - category.min);
    const zero = (0 - category.min) / span * 100;
    const at = (category.points - category.min) / span * 100;
    const fill = el("div", { class: category.points < 0 ? "fill negative" : "fill" });
    fill.style.left = `${Math.min(zero, at)}%`;
    fill.style.width = `${Math.max(Math.abs(at - zero), 0.5)}%`;
    box.append(el("div", { class: "category", "data-id": category.id },
      el("span", {}, category.title),
      el("div", { class: "track", title: `${category.points} of ${category.min} to ${category.max}` }, fill),
      el("span", { class: "points" }, (category.points > 0 ? "+" : "") + category.points)));
  }
}

function renderFacts(facts) {
  const list = $("facts");
  list.replaceChildren();
  const add = (name, value) => list.append(el("dt", {}, name), el("dd", {}, value));
  add("Original source", facts.originalSource ? `${facts.originalSource}${facts.originalSourceRating ? ` (${facts.originalSourceRating})` : ""}` : "none credited");
  add("Outlets cited", facts.outlets.length ? facts.outlets.map((o) => `${o.name}${o.linked ? " (linked)" : ""}`).join(", ") : "none");
  add("Quoted people", facts.quotedPeople.length ? facts.quotedPeople.join(", ") : "none");
  add("Anonymous / vague", `${facts.anonymousAttributions} anonymous, ${facts.vagueAttributions} vague attributions`);
  add("AI disclosure", facts.aiDisclosures.length ? facts.aiDisclosures.join("; ") : facts.chatbotText ? "none, but chatbot text is left in" : "none");
  add("Promotion", facts.promotions.length ? facts.promotions.join("; ") : "none");
  add("Byline", facts.authors.length ? facts.authors.join(", ") : "none");
  add("Published", facts.published || "no date");
}

function renderFindings(findings) {
  const list = $("findings");
  list.replaceChildren();
  $("finding-count").textContent = `(${findings.length})`;
  findings.forEach((finding, index) => {
    const item = el("li", { "data-finding": index, tabindex: "0" },
      el("span", { class: `sev ${finding.severity}` }, finding.severity),
      el("span", { class: "rule" }, finding.ruleId),
      finding.message,
      el("span", { class: "hint" }, ` (line ${finding.line})`));
    item.addEventListener("click", () => select(index, findings, true));
    item.addEventListener("keydown", (e) => { if (e.key === "Enter") select(index, findings, true); });
    list.append(item);
  });
  $("finding-detail").hidden = true;
}

// Splits the text at every finding's start and end, so overlapping findings each keep their
// exact text: a segment covered by several findings is one mark naming them all.
function renderArticle(text, findings) {
  const starts = lineStarts(text);
  const spans = findings.map((f, index) => ({ index, severity: f.severity, start: offsetOf(starts, f.line, f.column), end: offsetOf(starts, f.endLine, f.endColumn) }))
    .filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const span of spans) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const pre = $("article");
  pre.replaceChildren();
  pre.className = "source";
  $("article-hint").textContent = "Highlighted text is what a rule found; hover for the message, click to select it.";
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.index);
    pre.append(covering.length === 0 ? piece : mark(piece, covering, findings));
  }
  // The page checks itself: each finding's marks spell exactly its text in the source.
  const ok = spans.every((s) => marksOf(pre, s.index).map((m) => m.textContent).join("") === text.slice(s.start, s.end));
  pre.dataset.highlights = String(spans.length);
  pre.dataset.check = ok ? "ok" : "mismatch";
}

// The highlights of the finding at a position, in document order.
function marksOf(box, index) {
  return [...box.querySelectorAll("mark")].filter((m) => m.dataset.findings.split(" ").includes(String(index)));
}

// One highlight over text covered by the findings at the given positions, coloured by the worst.
function mark(text, covering, findings) {
  const worst = covering.map((i) => findings[i].severity).sort((a, b) => severityOrder[a] - severityOrder[b])[0];
  const node = el("mark", {
    class: `finding ${worst}`,
    "data-findings": covering.join(" "),
    title: covering.map((i) => `${findings[i].ruleId}: ${findings[i].message}`).join("\n"),
  }, text);
  node.addEventListener("click", () => select(covering[0], findings, false));
  return node;
}

// An HTML page as the reader took it: each block with the source line it starts on, findings
// highlighted in its text (positions from the service), then what was read from the markup alone.
function renderRead(read, findings) {
  const box = $("article");
  box.replaceChildren();
  box.className = "read";
  $("article-hint").textContent = "The text read from the page; the number before each block is its line in the page's source. Highlighted text is what a rule found.";
  const position = new Map(findings.map((f, i) => [f.index, i]));
  const placed = new Map();
  let footer = false;
  for (const block of read.blocks) {
    if (block.zone === "footer" && !footer) {
      box.append(el("div", { class: "zone" }, "After the article"));
      footer = true;
    }
    const node = el("div", { class: `b ${block.kind}` }, el("span", { class: "ln", title: `line ${block.line}, column ${block.column} of the page's source` }, String(block.line)));
    let at = 0;
    for (const piece of block.marks) {
      node.append(block.text.slice(at, piece.start));
      const covering = piece.findings.map((i) => position.get(i));
      for (const i of covering) placed.set(i, true);
      node.append(mark(block.text.slice(piece.start, piece.end), covering, findings));
      at = piece.end;
    }
    node.append(block.text.slice(at));
    box.append(node);
  }
  if (read.outside.length) {
    const list = el("ul", { class: "outside" });
    for (const outside of read.outside) {
      const i = position.get(outside.finding);
      list.append(el("li", {}, `Line ${findings[i].line}, ${findings[i].ruleId}: ${findings[i].message} — `, mark(outside.markup, [i], findings)));
    }
    box.append(el("div", { class: "zone" }, "Found in the page's markup, outside its text"), list);
  }
  // The page checks itself: each placed finding's marks spell its text in the page's source, with
  // the markup taken out and white space aside (a reader puts a space where a block tag was).
  const squeeze = (text) => text.replace(/\s+/g, "");
  const decode = (html) => new DOMParser().parseFromString(html.replace(/<[^>]*>/g, ""), "text/html").documentElement.textContent;
  const ok = [...placed.keys()].every((i) => squeeze(marksOf(box, i).map((m) => m.textContent).join("")) === squeeze(decode(findings[i].matchedText)));
  box.dataset.highlights = String(placed.size + read.outside.length);
  box.dataset.check = ok ? "ok" : "mismatch";
}

function select(index, findings, scrollArticle) {
  const finding = findings[index];
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  const item = $("findings").querySelector(`[data-finding="${index}"]`);
  item?.classList.add("selected");
  if (!scrollArticle) item?.scrollIntoView({ block: "nearest" });
  const marks = marksOf($("article"), index);
  for (const mark of marks) mark.classList.add("selected");
  if (scrollArticle) marks[0]?.scrollIntoView({ block: "center" });
  const detail = $("finding-detail");
  detail.replaceChildren(
    el("div", {}, el("span", { class: `sev ${finding.severity}` }, finding.severity), el("span", { class: "rule" }, finding.ruleId), el("strong", {}, finding.message)),
    el("div", { class: "where" }, `Line ${finding.line}, column ${finding.column}: “${finding.matchedText || finding.excerpt || ""}”`),
    el("div", { class: "where" }, "Rule help: ", el("a", { href: `/rules/${encodeURIComponent(finding.ruleId)}.html`, target: "_blank", rel: "noopener" }, `${finding.ruleId} help`)));
  detail.hidden = false;
}

function renderContributions(contributions, categories) {
  const body = $("contributions").tBodies[0];
  body.replaceChildren();
  // A category is shown by its title, the name the bars, rules and configuration use.
  const titles = new Map(categories.map((c) => [c.id, c.title]));
  for (const line of contributions) {
    body.append(el("tr", {},
      el("td", { class: line.points > 0 ? "plus" : line.points < 0 ? "minus" : "" }, (line.points > 0 ? "+" : "") + line.points),
      el("td", {}, titles.get(line.category) || line.category || ""),
      el("td", {}, line.reason)));
  }
}

function readDropped(event) {
  event.preventDefault();
  $("source").classList.remove("dragging");
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  // A Word document is not text: the page would show its zip bytes. The service reads it
  // (POST /v1/check with its bytes) and so does provenance check; here, paste its text.
  if (/\.docx$/i.test(file.name)) {
    status(`${file.name} is a Word document: paste its text here, or check the file with 'provenance check' or POST /v1/check.`, true);
    return;
  }
  file.text().then((text) => {
    $("source").value = text;
    $("source").dataset.fileName = file.name;
    $("format").value = detectFormat(text, file.name);
    status(`Loaded ${file.name} (${$("format").value}).`);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  $("form").addEventListener("submit", check);
  const source = $("source");
  source.addEventListener("dragover", (e) => { e.preventDefault(); source.classList.add("dragging"); });
  source.addEventListener("dragleave", () => source.classList.remove("dragging"));
  source.addEventListener("drop", readDropped);
  source.addEventListener("input", () => { delete source.dataset.fileName; });
});
