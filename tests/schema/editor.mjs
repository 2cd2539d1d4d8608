// Drives the editor page in Debian's chromium with playwright-core: pastes an article (or drops
// a file), presses Check, waits for the scorecard, clicks a highlight, and takes a screenshot.
// Prints one JSON object: what the page shows and every console message or page error.
// Usage: node editor.mjs <page url> <article file> <screenshot.png> <paste|drop>
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { chromium } from "playwright-core";

const [url, file, screenshot, mode = "paste"] = process.argv.slice(2);
if (!url || !file || !screenshot) {
  console.error("usage: node editor.mjs <url> <article> <screenshot.png> [paste|drop]");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const messages = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
  await page.goto(url);
  const text = readFileSync(file, "utf8");
  if (mode === "drop") {
    const transfer = await page.evaluateHandle(([content, name]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type: name.endsWith(".html") ? "text/html" : "text/plain" }));
      return data;
    }, [text, basename(file)]);
    await page.dispatchEvent("#source", "drop", { dataTransfer: transfer });
    await page.waitForFunction(() => document.getElementById("source").value.length > 0);
  } else {
    await page.fill("#source", text);
  }
  await page.click("#check");
  await page.waitForSelector("body[data-state=checked]", { timeout: 20000 });
  const marks = await page.locator("#article mark").count();
  if (marks > 0) {
    await page.locator("#article mark").first().click();
  }
  const result = await page.evaluate(() => ({
    grade: document.getElementById("grade").textContent,
    score: Number(document.getElementById("score").textContent),
    format: document.getElementById("format").value,
    findings: document.querySelectorAll("#findings li").length,
    highlights: Number(document.getElementById("article").dataset.highlights),
    check: document.getElementById("article").dataset.check,
    view: document.getElementById("article").className,
    markupShown: /<script|<style/i.test(document.getElementById("article").innerText),
    firstBlock: document.querySelector("#article .b")?.textContent ?? null,
    outside: document.querySelectorAll("#article ul.outside li").length,
    categories: document.querySelectorAll("#categories .category").length,
    facts: Object.fromEntries([...document.querySelectorAll("#facts dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    detailShown: !document.getElementById("finding-detail").hidden,
    detail: document.getElementById("finding-detail").textContent,
    selectedMarks: document.querySelectorAll("#article mark.selected").length,
    status: document.getElementById("status").textContent,
  }));
  result.marks = marks;
  await page.screenshot({ path: screenshot, fullPage: true });
  result.messages = messages;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
