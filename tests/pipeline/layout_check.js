// Measures the rendered HTML report of `plantasks compare` (tests/pipeline/test_report_browser.py).
// Injected by the test into a copy of the report, never into the report itself; writes its
// findings as JSON into <pre id="layout-check"> for `chromium --dump-dom` to print.
(function () {
  const problems = [];

  // 1. No chart label overflows its chart: every <text> of an <svg> lies inside the svg's box.
  const charts = document.querySelectorAll("figure svg");
  charts.forEach((svg, i) => {
    const box = svg.getBoundingClientRect();
    const caption = svg.closest("figure").querySelector("figcaption");
    svg.querySelectorAll("text").forEach((t) => {
      const b = t.getBoundingClientRect();
      if (b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5) {
        problems.push({kind: "label", chart: caption ? caption.textContent : String(i), text: t.textContent,
                       label: [b.left, b.right, b.top, b.bottom], chart_box: [box.left, box.right, box.top, box.bottom]});
      }
    });
  });

  // 2. No table column is narrower than its longest word. A word is a run between spaces and
  //    punctuation; where the style lets Han text break between characters (word-break:
  //    normal, the prose columns), a run of Han characters counts in words of four.
  const canvas = document.createElement("canvas").getContext("2d");
  const han = /\p{Script=Han}/u;
  function words(text, keepAll) {
    const out = [];
    for (const token of text.split(/[\s，。；：、,;:！？（）()《》“”"'|/·]+/u)) {
      if (!token) continue;
      if (keepAll) { out.push(token); continue; }
      for (const part of token.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) || []) {
        if (han.test(part)) { for (let i = 0; i < part.length; i += 4) out.push(part.slice(i, i + 4)); }
        else out.push(part);
      }
    }
    return out;
  }
  let cells = 0;
  document.querySelectorAll("td, th").forEach((cell) => {
    if (!cell.offsetParent) return;  // inside a closed <details>: not laid out
    const style = getComputedStyle(cell);
    const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    let longest = "", width = 0;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const s = getComputedStyle(node.parentElement);
      canvas.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      for (const w of words(node.textContent, s.wordBreak === "keep-all" || s.whiteSpace === "nowrap")) {
        const ww = canvas.measureText(w).width;
        if (ww > width) { width = ww; longest = w; }
      }
    }
    cells += 1;
    if (width > inner + 1) {
      const table = cell.closest("table");
      const th = table && table.querySelector(`thead th:nth-child(${cell.cellIndex + 1})`);
      problems.push({kind: "column", header: th ? th.textContent : "", word: longest,
                     word_width: width, column_width: inner});
    }
  });

  const pre = document.createElement("pre");
  pre.id = "layout-check";
  pre.textContent = JSON.stringify({
    charts: charts.length, labels: document.querySelectorAll("figure svg text").length, cells: cells,
    height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth,
    problems: problems,
  });
  document.body.appendChild(pre);
})();
