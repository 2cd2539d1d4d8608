// Opens a report folder written by `provenance check --report-dir` in Debian's chromium with
// playwright-core, as an editor would: the index (titles, grade and rule filters chosen in its
// form), then every scorecard it links to (the page's own highlight check, the text a reader sees,
// grouped rows, rule help links followed), with screenshots of the index and the first pages.
// Prints one JSON object. Usage: node report.mjs <report folder> <screenshot folder> <grade> <rule>
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [folder, shots, grade, rule] = process.argv.slice(2);
if (!folder || !shots || !grade || !rule) {
  console.error("usage: node report.mjs <report folder> <screenshot folder> <grade> <rule>");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const messages = [];
const watch = (page) => {
  page.on("console", (m) => messages.push(`${page.url()}: ${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => messages.push(`${page.url()}: pageerror: ${e.message}`));
};
const visibleRows = (page) => page.$$eval("table.articles tbody tr", (rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.path));
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  watch(page);
  await page.goto(pathToFileURL(join(folder, "index.html")).href);
  const index = {
    rows: await page.$$eval("table.articles tbody tr", (rows) => rows.map((r) => ({
      path: r.dataset.path,
      title: r.cells[0].querySelector("a")?.textContent ?? "",
      href: r.cells[0].querySelector("a")?.href ?? null,
      grade: r.dataset.grade,
    }))),
  };
  await page.screenshot({ path: join(shots, "index.png"), fullPage: false });
  await page.selectOption("form.filters select[name=grade]", grade);
  index.byGrade = await visibleRows(page);
  index.gradeHash = new URL(page.url()).hash;
  await page.selectOption("form.filters select[name=grade]", "");
  await page.selectOption("form.filters select[name=rule]", rule);
  index.byRule = await visibleRows(page);

  const cards = [];
  const help = new Map();
  for (const [n, row] of index.rows.filter((r) => r.href).entries()) {
    await page.goto(row.href);
    const card = await page.evaluate(() => {
      const text = document.body.innerText;
      return {
        check: document.body.dataset.check,
        scriptText: /<script/i.test(text),
        styleText: /<style/i.test(text),
        read: Boolean(document.querySelector("section.read")),
        located: document.querySelectorAll("section.findings [data-target]").length,
        marks: document.querySelectorAll("mark[data-f]").length,
        grouped: [...document.querySelectorAll("section.findings tr.group")].map((r) => ({
          count: Number(r.querySelector(".count").textContent.replace("×", "")),
          places: r.querySelectorAll(".places > *").length,
        })),
        helpLinks: [...document.querySelectorAll("section.findings a[href*='rules/']")].map((a) => a.href),
      };
    });
    card.path = row.path;
    for (const link of card.helpLinks) help.set(link, null);
    if (n < 3) await page.screenshot({ path: join(shots, `scorecard-${n}.png`), fullPage: false });
    cards.push(card);
  }

  // Every help page linked from any scorecard opens as a page about its rule.
  for (const link of help.keys()) {
    const response = await page.goto(link);
    help.set(link, { ok: response?.ok() ?? false, heading: await page.textContent("h1").catch(() => null) });
  }

  console.log(JSON.stringify({ index, cards, help: Object.fromEntries(help), messages }));
} finally {
  await browser.close();
}
