namespace Provenance.Reporting;

/// <summary>The CSS and script the HTML reports carry inline, so each page stands alone.</summary>
internal static class HtmlStyles
{
    public const string Base = """
        :root { --ink: #1d2430; --muted: #5b6473; --line: #d9dee6; --pos: #1f7a4d; --neg: #b3261e; --warn: #f6c343; --info: #9cc3f5; --err: #f28b82; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-weight: 600; color: var(--muted); }
        a { color: #1a56db; }
        .grade-A { background: #1f7a4d; } .grade-B { background: #3f8f3f; } .grade-C { background: #b7791f; } .grade-D { background: #c05621; } .grade-F { background: #b3261e; }

        """;

    public const string Help = Base + """
        main table { width: auto; } code, pre { font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; } pre { white-space: pre-wrap; background: #fafbfc; border: 1px solid var(--line); padding: 10px; border-radius: 6px; }

        """;

    public const string Scorecard = Base + """
        header { display: flex; gap: 20px; align-items: center; }
        .score { color: #fff; border-radius: 12px; padding: 14px 18px; min-width: 110px; text-align: center; }
        .score .value { font-size: 2.4rem; font-weight: 700; } .score .max { opacity: .8; }
        .path { color: var(--muted); margin: 0; font-family: ui-monospace, monospace; font-size: .85rem; }
        .category { display: grid; grid-template-columns: 140px 1fr 50px; gap: 10px; align-items: center; margin: 6px 0; }
        .bar { position: relative; height: 14px; background: #eef1f5; border-radius: 7px; }
        .bar .zero { position: absolute; top: -3px; bottom: -3px; width: 2px; background: var(--muted); }
        .bar .fill { position: absolute; top: 0; bottom: 0; border-radius: 7px; } .fill.pos { background: var(--pos); } .fill.neg { background: var(--neg); }
        .points { text-align: right; font-variant-numeric: tabular-nums; }
        dl { display: grid; grid-template-columns: 200px 1fr; gap: 4px 12px; } dt { color: var(--muted); } dd { margin: 0; }
        tr.pos td:first-child { color: var(--pos); } tr.neg td:first-child { color: var(--neg); } tr.total td { font-weight: 700; }
        tr[data-target] { cursor: pointer; } tr[data-target]:hover { background: #f3f6fa; }
        pre { white-space: pre-wrap; word-wrap: break-word; background: #fafbfc; border: 1px solid var(--line); padding: 14px; border-radius: 8px; font: 13px/1.55 ui-monospace, SFMono-Regular, Menlo, monospace; }
        mark { border-radius: 3px; padding: 0 1px; cursor: help; } mark.sev-warning { background: var(--warn); } mark.sev-info { background: var(--info); } mark.sev-error { background: var(--err); }
        mark.focus { outline: 3px solid #1a56db; }
        tr.sev-error td:nth-child(3) { color: var(--neg); font-weight: 600; } tr.sev-warning td:nth-child(3) { color: #8a6100; }
        tr.group .count { margin-left: 4px; } .places { display: block; margin-top: 4px; font-size: .85rem; } .places a { margin-right: 6px; white-space: nowrap; }
        details.src summary { color: var(--muted); font-size: .8rem; cursor: pointer; } details.src code, .outside code { font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; word-break: break-all; }
        .hint { color: var(--muted); font-size: .9rem; } .page-meta { color: var(--muted); margin: 0 0 8px; }
        .blocks { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px 10px 64px; background: #fafbfc; }
        .blocks .b { position: relative; margin: 0 0 10px; } .blocks .ln { position: absolute; left: -56px; width: 48px; text-align: right; color: var(--muted); font: 11px/2 ui-monospace, monospace; }
        .b.title { font-size: 1.3rem; font-weight: 700; } .b.standfirst { font-size: 1.05rem; color: #3b4352; } .b.heading { font-weight: 700; margin-top: 16px; }
        .b.byline, .b.metadata { color: var(--muted); font-size: .9rem; } .b.quote { border-left: 3px solid var(--line); padding-left: 10px; font-style: italic; }
        .b.list-item { padding-left: 16px; } .b.list-item::before { content: "•"; position: absolute; left: 2px; } .b.footer { font-size: .9rem; }
        .zone { margin: 18px 0 8px; padding-top: 8px; border-top: 2px dashed var(--line); color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; }

        """;

    public const string ScorecardScript = """
        (function () {
          function squeeze(s) { return s.replace(/\s+/g, ""); }
          function decode(s) { return new DOMParser().parseFromString(s, "text/html").documentElement.textContent; }
          var problems = [];
          document.querySelectorAll("[data-target]").forEach(function (row) {
            var id = row.getAttribute("data-target");
            var pieces = Array.prototype.filter.call(document.querySelectorAll("mark[data-f]"), function (m) {
              return m.getAttribute("data-f").split(" ").indexOf(id) >= 0;
            });
            var text = pieces.map(function (m) { return m.textContent; }).join("");
            if (text !== row.getAttribute("data-text")) { problems.push(id); }
            // A page's finding against its source text: tags removed, entities decoded, no white space.
            var source = row.getAttribute("data-source");
            if (source !== null && squeeze(decode(source.replace(/<[^>]*>/g, ""))) !== squeeze(text)) { problems.push(id + "(source)"); }
            row.addEventListener("click", function (event) {
              if (event.target.closest("details")) { return; }
              event.preventDefault();
              event.stopPropagation();
              document.querySelectorAll("mark.focus").forEach(function (m) { m.classList.remove("focus"); });
              pieces.forEach(function (m) { m.classList.add("focus"); });
              if (pieces.length) { pieces[0].scrollIntoView({ behavior: "smooth", block: "center" }); }
            });
          });
          document.body.setAttribute("data-check", problems.length ? "mismatch " + problems.join(",") : "ok");
        })();

        """;

    public const string Index = Base + """
        .summary { color: var(--muted); }
        th { cursor: pointer; user-select: none; } th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .badge { color: #fff; border-radius: 6px; padding: 0 8px; font-weight: 700; }
        svg text { font: 12px system-ui, sans-serif; fill: var(--muted); } svg .bar { fill: #1a56db; } svg .count { fill: var(--ink); }
        .filters { display: flex; gap: 16px; flex-wrap: wrap; margin: 8px 0 12px; } .filters label { color: var(--muted); }
        td small { color: var(--muted); } td small.copies { color: #8a4b00; } td.date { white-space: nowrap; } .fails { color: #b42318; } tr[hidden] { display: none; }

        """;

    public const string IndexScript = """
        (function () {
          var table = document.querySelector("table.articles");
          var body = table.tBodies[0];
          table.querySelectorAll("th").forEach(function (th, column) {
            th.addEventListener("click", function () {
              var ascending = th.getAttribute("aria-sort") !== "ascending";
              table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var numeric = th.classList.contains("num");
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].getAttribute("data-sort") || a.cells[column].textContent;
                var y = b.cells[column].getAttribute("data-sort") || b.cells[column].textContent;
                var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });

          // Filters: grade, rule and text, each from the form or the address's fragment.
          var form = document.querySelector("form.filters");
          var shown = document.querySelector("p.shown");
          function apply() {
            var grade = form.grade.value, rule = form.rule.value, text = form.q.value.trim().toLowerCase();
            var count = 0;
            Array.prototype.forEach.call(body.rows, function (row) {
              var keep = (!grade || row.getAttribute("data-grade") === grade)
                && (!rule || (" " + row.getAttribute("data-rules") + " ").indexOf(" " + rule + " ") >= 0)
                && (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
              row.hidden = !keep;
              count += keep ? 1 : 0;
            });
            shown.textContent = count + " of " + body.rows.length + " articles shown";
            var parts = [];
            if (grade) { parts.push("grade=" + encodeURIComponent(grade)); }
            if (rule) { parts.push("rule=" + encodeURIComponent(rule)); }
            if (text) { parts.push("q=" + encodeURIComponent(text)); }
            history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
          }
          location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
            var at = pair.indexOf("=");
            var name = pair.slice(0, at), value = decodeURIComponent(pair.slice(at + 1));
            if (at > 0 && form[name]) { form[name].value = value; }
          });
          form.addEventListener("input", apply);
          form.addEventListener("submit", function (e) { e.preventDefault(); });
          apply();
          document.body.setAttribute("data-check", "ok");
        })();

        """;
}
