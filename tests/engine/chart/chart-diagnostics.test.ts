/**
 * Every diagnostic the chart pipeline emits, with its exact code and position, and the message text
 * of the ones editors meet most. Positions are checked against the story text itself (positionOf)
 * or written out by hand, never computed the way the engine computes them.
 */
import { describe, expect, it } from "vitest";
import { compileStory } from "../../../src/engine/compile-story.ts";
import { BODY_LINE, compile, memoryFiles, PAY, payChart, PLOT_LINE, plotBlock, positionOf, spans, story, STORY_PATH, where } from "./helpers.ts";

/** Compiles PAY + a chart and returns "code line:column" of every diagnostic, plus the markdown for positionOf. */
function check(yaml: string, info = "data=pay") {
  const markdown = PAY + plotBlock(info, yaml);
  const result = compile(markdown);
  return { result, found: where(result.diagnostics), at: (needle: string, occurrence = 1) => positionOf(markdown, needle, occurrence) };
}

describe("plot/missing-data and plot/unknown-data", () => {
  it("a chart without data= whose mark has no data of its own is reported once, at the fence", () => {
    const { result, found } = check("marks:\n  - barX: {y: name, x: salary}\n  - dot: {x: salary, y: name}", "");
    expect(found).toEqual([`plot/missing-data ${PLOT_LINE}:1`]);
    expect(result.diagnostics[0]!.message).toBe("This chart names no data block, and not every mark brings its own data.");
    expect(result.charts).toEqual([]);
    expect(result.ok).toBe(false);
  });
  it("a chart without data= is fine when every mark brings its data or needs none", () => {
    const { result } = check("marks:\n  - dot: {data: pay, x: salary, y: name}\n  - ruleX: [0]\n  - frame", "");
    expect(result.diagnostics).toEqual([]);
    expect(result.charts).toHaveLength(1);
  });
  it("data= naming no block is reported at the id, with the nearest block's id", () => {
    const { result, found } = check("marks:\n  - barX: {y: name, x: salary}", "data=pays");
    expect(found).toEqual([`plot/unknown-data ${PLOT_LINE}:14`]);
    expect(result.diagnostics[0]!.message).toBe('There is no data block "pays" in this story. Did you mean "pay"?');
    expect(result.diagnostics[0]!.hint).toBe('The data blocks of this story are "pay".');
  });
  it("in a story without data blocks, the hint says how to add one", () => {
    const result = compile(plotBlock("data=pay", "marks:\n  - frame"));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/unknown-data"]);
    expect(result.diagnostics[0]!.message).toBe('There is no data block "pay" in this story.');
    expect(result.diagnostics[0]!.hint).toContain("This story has no data block yet");
  });
  it("a mark's data: naming no block is reported at that value", () => {
    const { result, found, at } = check("marks:\n  - barX: {y: name, x: salary}\n  - dot: {data: paay, x: salary, y: name}");
    expect(found).toEqual([`plot/unknown-data ${at("paay")}`]);
    expect(at("paay")).toBe(`${BODY_LINE + 2}:17`);
    expect(result.diagnostics[0]!.message).toBe('There is no data block "paay" in this story. Did you mean "pay"?');
  });
  it("a mark's data: that is neither an id nor a list is an invalid value", () => {
    const { result, found } = check("marks:\n  - barX: {data: 3, y: name, x: salary}");
    expect(found).toEqual([`plot/invalid-value ${BODY_LINE + 1}:18`]);
    expect(result.diagnostics[0]!.message).toBe('"data" expects a data block id or a list, but is the number 3.');
  });
});

describe("plot/syntax", () => {
  it("an unclosed brace is pointed at where it opens, not where YAML notices it", () => {
    const { result } = check("marks:\n  - barX: {y: name, x: salary\n  - ruleX: [0]");
    expect(spans(result.diagnostics)).toEqual([`plot/syntax ${BODY_LINE + 1}:11-${BODY_LINE + 1}:12`]);
    expect(result.diagnostics[0]!.message).toBe('The chart cannot be read: a "{" is opened but not closed with "}" on the same line.');
  });
  it("a tab used for indentation is reported on its line", () => {
    const { result, found } = check("marks:\n\t- frame");
    expect(found).toEqual([`plot/syntax ${BODY_LINE + 1}:1`]);
    expect(result.diagnostics[0]!.message).toContain("indented with a tab");
  });
  it("a key given twice is named", () => {
    const { result, found } = check("height: 200\nmarks:\n  - frame\nheight: 300");
    expect(found).toEqual([`plot/syntax ${BODY_LINE + 3}:1`]);
    expect(result.diagnostics[0]!.message).toBe('The chart cannot be read: "height" is given twice; keep one.');
  });
  it("a syntax error stops the chart: nothing else is reported and nothing is drawn", () => {
    const { result } = check("heigth: 1\nmarks:\n  - barX: {y: nme, x: salary");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/syntax"]);
    expect(result.charts).toEqual([]);
  });
  it("a title with a colon is prose, not a syntax error", () => {
    const { result } = check("title: Pay: who earns most\nmarks:\n  - barX: {y: name, x: salary}");
    expect(result.diagnostics).toEqual([]);
    expect(result.charts[0]!.title).toBe("Pay: who earns most");
  });
});

describe("plot/not-a-mapping, plot/missing-marks, plot/marks-not-a-list", () => {
  it("a body that is a list is not a set of options", () => {
    const { result } = check("- barX: {x: salary}");
    expect(spans(result.diagnostics)).toEqual([`plot/not-a-mapping ${BODY_LINE}:1-${BODY_LINE}:20`]);
    expect(result.diagnostics[0]!.message).toBe('The chart\'s body is a list, but it must be a set of "option: value" lines.');
  });
  it("a body that is one word is not a set of options", () => {
    const { result } = check("barX");
    expect(where(result.diagnostics)).toEqual([`plot/not-a-mapping ${BODY_LINE}:1`]);
    expect(result.diagnostics[0]!.message).toContain('is the text "barX"');
  });
  it("an empty block has no marks, reported at the fence", () => {
    const result = compile(PAY + "```plot data=pay\n```\n");
    expect(spans(result.diagnostics)).toEqual([`plot/missing-marks ${PLOT_LINE}:1-${PLOT_LINE}:17`]);
  });
  it("a spec without a marks key is reported at the fence", () => {
    const { result, found } = check("title: Pay\nheight: 200");
    expect(found).toEqual([`plot/missing-marks ${PLOT_LINE}:1`]);
    expect(result.diagnostics[0]!.message).toBe("This chart has no marks, so it would draw nothing.");
  });
  it("an empty marks list is reported at the marks key", () => {
    const { found } = check("title: Pay\nmarks: []");
    expect(found).toEqual([`plot/missing-marks ${BODY_LINE + 1}:1`]);
  });
  it("marks given a word is not a list, reported at the value", () => {
    const { result, found } = check("marks: barX");
    expect(found).toEqual([`plot/marks-not-a-list ${BODY_LINE}:8`]);
    expect(result.diagnostics[0]!.message).toBe('"marks" must be a list, with each mark on its own line starting with "- ".');
  });
  it("marks written as a mapping (the dashes forgotten) is not a list", () => {
    const { found } = check("marks:\n  barX: {x: salary, y: name}");
    expect(found).toEqual([`plot/marks-not-a-list ${BODY_LINE + 1}:3`]);
  });
});

describe("plot/invalid-mark and plot/unknown-mark", () => {
  it("an item with two marks in it, a number, or a mark whose options are a word is reported at the item", () => {
    const { result, found } = check("marks:\n  - {barX: {x: salary}, dot: {x: salary}}\n  - 3\n  - barX: 5\n  - barX: wide");
    expect(found).toEqual([
      `plot/invalid-mark ${BODY_LINE + 1}:5`,
      `plot/invalid-mark ${BODY_LINE + 2}:5`,
      `plot/invalid-mark ${BODY_LINE + 3}:11`,
      `plot/invalid-mark ${BODY_LINE + 4}:11`,
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "Each item under marks must be one mark name followed by its options, but this is a set of options.",
      "Each item under marks must be one mark name followed by its options, but this is the number 3.",
      "Each item under marks must be one mark name followed by its options, but this is barX with the number 5.",
      'Each item under marks must be one mark name followed by its options, but this is barX with the text "wide".',
    ]);
  });
  it("an unknown mark is reported at its name, with the mark it was likely meant to be", () => {
    const { result } = check("marks:\n  - barx: {x: salary, y: name}\n  - fram\n  - sparkle");
    expect(spans(result.diagnostics)).toEqual([
      `plot/unknown-mark ${BODY_LINE + 1}:5-${BODY_LINE + 1}:9`,
      `plot/unknown-mark ${BODY_LINE + 2}:5-${BODY_LINE + 2}:9`,
      `plot/unknown-mark ${BODY_LINE + 3}:5-${BODY_LINE + 3}:12`,
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '"barx" is not a Plot mark. Did you mean "barX"?',
      '"fram" is not a Plot mark. Did you mean "frame"?',
      '"sparkle" is not a Plot mark.',
    ]);
  });
});

describe("plot/unknown-option", () => {
  it("a misspelt top-level option is reported at its key, with a suggestion", () => {
    const { result, found } = check("heigth: 300\nmarks:\n  - barX: {y: name, x: salary}");
    expect(found).toEqual([`plot/unknown-option ${BODY_LINE}:1`]);
    expect(result.diagnostics[0]!.message).toBe('"heigth" is not an option of a chart. Did you mean "height"?');
  });
  it("caption is not an option, and the message points to note and source", () => {
    const { result, found } = check("caption: NBS, 2024\nmarks:\n  - barX: {y: name, x: salary}");
    expect(found).toEqual([`plot/unknown-option ${BODY_LINE}:1`]);
    expect(result.diagnostics[0]!.message).toBe('"caption" is not an option of a chart. Use "note" or "source" for text under the chart.');
  });
  it("options Plotline sets itself are not offered to editors", () => {
    const { found } = check("ariaLabel: Bars\nstyle: {color: red}\nmarks:\n  - barX: {y: name, x: salary, className: big}");
    expect(found).toEqual([`plot/unknown-option ${BODY_LINE}:1`, `plot/unknown-option ${BODY_LINE + 1}:1`, `plot/unknown-option ${BODY_LINE + 3}:32`]);
  });
  it("a misspelt scale option is reported at its key inside the scale, with a suggestion", () => {
    const { result, found } = check("x: {percent: true, tickformat: '.0%'}\nmarks:\n  - barX: {y: name, x: salary}");
    expect(found).toEqual([`plot/unknown-option ${BODY_LINE}:20`]);
    expect(result.diagnostics[0]!.message).toBe('"tickformat" is not an option of the x scale. Did you mean "tickFormat"?');
  });
  it("a misspelt mark option is reported at its key, with a suggestion, also in block style", () => {
    const { result, at } = check("marks:\n  - barX: {y: name, x: salary, fil: dept}\n  - dot:\n      x: salary\n      y: name\n      strok: dept");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-option ${at("fil:")}`, `plot/unknown-option ${at("strok:")}`]);
    expect(at("strok:")).toBe(`${BODY_LINE + 5}:7`);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '"fil" is not an option of the mark barX. Did you mean "fill"?',
      '"strok" is not an option of the mark dot. Did you mean "stroke"?',
    ]);
  });
  it("an option another mark has is still unknown on this one (dot has no fontSize)", () => {
    const { result, at } = check("marks:\n  - dot: {x: salary, y: name, fontSize: 12}");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-option ${at("fontSize")}`]);
    expect(result.diagnostics[0]!.message).toBe('"fontSize" is not an option of the mark dot.');
  });
  it("options a transform reads are allowed on a mark that uses the transform, and only then", () => {
    expect(check("marks:\n  - rectY: {x: salary, binX: {y: count}, thresholds: 3}").result.diagnostics).toEqual([]);
    const { found, at } = check("marks:\n  - rectY: {x: salary, y: salary, thresholds: 3}");
    expect(found).toEqual([`plot/unknown-option ${at("thresholds")}`]);
  });
});

describe("plot/unknown-column", () => {
  it("names the column, the data and the nearest column, at the misspelt value", () => {
    const { result } = check("marks:\n  - barX: {y: name, x: salery}");
    expect(spans(result.diagnostics)).toEqual([`plot/unknown-column ${BODY_LINE + 1}:24-${BODY_LINE + 1}:30`]);
    expect(result.diagnostics[0]!.message).toBe('Column "salery" is not in data "pay". Did you mean "salary"?');
    expect(result.diagnostics[0]!.hint).toBe('The columns of "pay" are "name", "salary", "dept". Names are case-sensitive.');
  });
  it("points at the value when the mark is written over several lines", () => {
    const { result } = check("marks:\n  - barX:\n      y: name\n      x: salery\n      fill: Dept");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${BODY_LINE + 3}:10`, `plot/unknown-column ${BODY_LINE + 4}:13`]);
    expect(result.diagnostics[1]!.message).toBe('Column "Dept" is not in data "pay". Did you mean "dept"?');
  });
  it("points at the value when the chart block is inside a list item", () => {
    const markdown = `${PAY}- A list item\n\n   \`\`\`plot data=pay\n   marks:\n     - barX: {y: name, x: salery}\n   \`\`\`\n`;
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${positionOf(markdown, "salery")}`]);
    expect(positionOf(markdown, "salery")).toBe("18:27");
  });
  it("points at the value when the chart block is inside a blockquote, mark over several lines", () => {
    const markdown = `${PAY}> Quoted.\n>\n> \`\`\`plot data=pay\n> marks:\n>   - barX:\n>       y: name\n>       x: salery\n> \`\`\`\n`;
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${positionOf(markdown, "salery")}`]);
    expect(positionOf(markdown, "salery")).toBe("20:12");
    expect(result.diagnostics[0]!.message).toBe('Column "salery" is not in data "pay". Did you mean "salary"?');
  });
  it("points at the value in a blockquote inside a list item", () => {
    const markdown = `${PAY}1. Item\n   > \`\`\`plot data=pay\n   > marks:\n   >   - barX: {y: name, x: salery}\n   > \`\`\`\n`;
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${positionOf(markdown, "salery")}`]);
  });
  it("checks the columns named in a channels map, plain or with a value", () => {
    const { result, at } = check("marks:\n  - dot: {x: salary, y: name, channels: {Dept: dpt, Pay: {value: salry, label: Pay}}}");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${at("dpt")}`, `plot/unknown-column ${at("salry")}`]);
  });
  it("checks a sort given as a column name, with or without a minus", () => {
    const { result, at } = check("marks:\n  - dot: {x: salary, y: name, sort: nme}\n  - barX: {x: salary, y: name, sort: -salry}");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${at("nme")}`, `plot/unknown-column ${at("-salry")}`]);
    expect(result.diagnostics[1]!.message).toBe('Column "salry" is not in data "pay". Did you mean "salary"?');
  });
  it("does not read a sort by channel ({y: -x}) as columns", () => {
    expect(check("marks:\n  - barX: {x: salary, y: name, sort: {y: -x}}").result.diagnostics).toEqual([]);
  });
  it("a fill naming a column is checked; a CSS colour is a constant and not flagged", () => {
    const ok = check(
      "marks:\n  - barX: {x: salary, y: name, fill: steelblue, stroke: '#ff0000'}\n  - dot: {x: salary, y: name, fill: 'rgb(10, 20, 30)', stroke: currentColor}\n  - dot: {x: salary, y: name, fill: dept, stroke: none}",
    );
    expect(ok.result.diagnostics).toEqual([]);
    const { result, at } = check("marks:\n  - barX: {x: salary, y: name, fill: dpt}\n  - barX: {x: salary, y: name, fill: steelblu}");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${at("dpt")}`, `plot/unknown-column ${at("steelblu")}`]);
  });
  it("a symbol name is a constant; anything else given to symbol is a column", () => {
    expect(check("marks:\n  - dot: {x: salary, y: name, symbol: Triangle}").result.diagnostics).toEqual([]);
    const { found, at } = check("marks:\n  - dot: {x: salary, y: name, symbol: dpt}");
    expect(found).toEqual([`plot/unknown-column ${at("dpt")}`]);
  });
  it("a font size (12px, 1.2em, small) is a constant; a word that is none is a column", () => {
    expect(check("marks:\n  - text: {x: salary, y: name, text: name, fontSize: 12px}\n  - text: {x: salary, y: name, text: name, fontSize: small}\n  - text: {x: salary, y: name, text: name, fontSize: 1.2em}").result.diagnostics).toEqual([]);
    const { found, at } = check("marks:\n  - text: {x: salary, y: name, text: name, fontSize: big}");
    expect(found).toEqual([`plot/unknown-column ${at("big")}`]);
  });
  it("checks the columns of inline rows, naming them as inline data", () => {
    const { result, at } = check("marks:\n  - text: {data: [{x: 1, label: a}], x: x, text: labl}");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${at("labl")}`]);
    expect(result.diagnostics[0]!.message).toBe('Column "labl" is not in data "inline data". Did you mean "label"?');
  });
  it("checks a mark's columns against its own data block, not the chart's", () => {
    const markdown = PAY + "```data id=cities\ncity,share\nBeijing,0.3\n```\n\n" + plotBlock("data=pay", "marks:\n  - barX: {y: name, x: salary}\n  - dot: {data: cities, x: share, y: name}");
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/unknown-column ${positionOf(markdown, "name", 3)}`]);
    expect(result.diagnostics[0]!.message).toBe('Column "name" is not in data "cities".');
  });
  it("a named-values block offers the columns name and value", () => {
    const markdown = "```data id=facts format=yaml\ngrowth: 22.5%\ndecline: -3%\n```\n\n" + plotBlock("data=facts", "marks:\n  - barX: {y: name, x: value}");
    expect(compile(markdown).diagnostics).toEqual([]);
  });
});

describe("plot/unknown-reducer", () => {
  it("an unknown reducer is reported at its name, with the likely one", () => {
    const { result, at } = check("marks:\n  - barY: {x: dept, y: salary, groupX: {y: {reduce: summ}}}\n  - barY: {x: dept, groupX: {y: cnt}}");
    expect(where(result.diagnostics)).toEqual([`plot/unknown-reducer ${at("summ")}`, `plot/unknown-reducer ${at("cnt")}`]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '"summ" is not a way groupX can summarise values. Did you mean "sum"?',
      '"cnt" is not a way groupX can summarise values.',
    ]);
  });
  it("percentiles, any case, and bin extents are reducers", () => {
    expect(check("marks:\n  - barY: {x: dept, y: salary, groupX: {y: p25}}\n  - barY: {x: dept, y: salary, groupX: {y: Mean}}\n  - rectY: {x: salary, binX: {y: count, x1: x1}}").result.diagnostics).toEqual([]);
  });
  it("a bin extent is not a reducer of a group transform", () => {
    const { found, at } = check("marks:\n  - barY: {x: dept, y: salary, groupX: {y: x1}}");
    expect(found).toEqual([`plot/unknown-reducer ${at("x1")}`]);
  });
});

describe("plot/invalid-value", () => {
  it("a number option given a word or a quoted number, a boolean given yes, a list given a number", () => {
    const { result, at } = check("height: tall\nmarginLeft: '40'\nx: {percent: yes, domain: 5}\nmarks:\n  - barX: {y: name, x: salary, dx: '5'}");
    expect(where(result.diagnostics)).toEqual([
      `plot/invalid-value ${at("tall")}`,
      `plot/invalid-value ${at("'40'")}`,
      `plot/invalid-value ${at("yes")}`,
      `plot/invalid-value ${at("5}")}`,
      `plot/invalid-value ${at("'5'")}`,
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '"height" expects a number, but is "tall".',
      '"marginLeft" expects a number, but is "40".',
      '"x.percent" expects true or false, but is "yes".',
      '"x.domain" expects a list such as [0, 100], but is 5.',
      '"dx" expects a number, but is "5".',
    ]);
  });
  it("a scale label may be text, a number or null", () => {
    expect(check("x: {label: null}\ny: {label: 2025}\nmarks:\n  - barX: {y: name, x: salary}").result.diagnostics).toEqual([]);
  });
});

describe("plot/invalid-format", () => {
  it('".0q%" is not a format, on a scale, an axis mark or a tip', () => {
    const { result, at } = check("x: {tickFormat: .0q%}\nmarks:\n  - barX: {y: name, x: salary, tip: {format: {x: ',.zf'}}}\n  - axisY: {tickFormat: '.0q%'}");
    expect(where(result.diagnostics)).toEqual([
      `plot/invalid-format ${at(".0q%")}`,
      // A quoted value is pointed at from its opening quote.
      `plot/invalid-format ${at("',.zf'")}`,
      `plot/invalid-format ${at("'.0q%'")}`,
    ]);
    expect(at(".0q%")).toBe(`${BODY_LINE}:17`);
    expect(result.diagnostics[0]!.message).toBe('The format ".0q%" of "x.tickFormat" is not valid: it is neither a number nor a date format.');
    expect(result.diagnostics[1]!.message).toContain('"tip.format.x"');
  });
  it('".0%", "%Y", "$,.0f", "%b %Y" are fine', () => {
    const { result } = check(
      "x: {tickFormat: '.0%'}\ny: {tickFormat: '$,.0f'}\nmarks:\n  - barX: {y: name, x: salary}\n  - axisX: {tickFormat: '%Y', anchor: top}\n  - axisY: {tickFormat: '%b %Y', anchor: right}",
    );
    expect(result.diagnostics.filter((d) => d.code === "plot/invalid-format")).toEqual([]);
  });
});

describe("plot/figure-text", () => {
  it("a title that is a list, a note left empty and a source given options are reported at their values", () => {
    const { result } = check("title: [a, b]\nnote:\nsource: {name: x}\nmarks:\n  - barX: {y: name, x: salary}");
    expect(where(result.diagnostics)).toEqual([
      `plot/figure-text ${BODY_LINE}:8`,
      `plot/figure-text ${BODY_LINE + 1}:6`,
      `plot/figure-text ${BODY_LINE + 2}:9`,
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '"title" must be a line of text, but is a list.',
      '"note" must be a line of text, but is empty.',
      '"source" must be a line of text, but is a set of options.',
    ]);
  });
  it("a number is text enough", () => {
    const { result } = check("title: 2025\nmarks:\n  - barX: {y: name, x: salary}");
    expect(result.diagnostics).toEqual([]);
    expect(result.charts[0]!.title).toBe("2025");
  });
});

describe("plot/invalid-id and plot/duplicate-id", () => {
  it("an id of the wrong form is reported at its value, with a valid one to use", () => {
    const { result } = check("marks:\n  - frame", "id=Sales_2024 data=pay");
    expect(spans(result.diagnostics)).toEqual([`plot/invalid-id ${PLOT_LINE}:12-${PLOT_LINE}:22`]);
    expect(result.diagnostics[0]!.hint).toBe("Use for example id=sales-2024. The id becomes part of the chart's web address.");
    expect(result.charts).toEqual([]);
  });
  it("an id starting with a digit is refused", () => {
    expect(where(check("marks:\n  - frame", "data=pay id=2024").result.diagnostics)).toEqual([`plot/invalid-id ${PLOT_LINE}:21`]);
  });
  it("a second chart with the same id= is reported at its id", () => {
    const markdown = PAY + plotBlock("data=pay id=pay-chart", "marks:\n  - frame") + "\n" + plotBlock("data=pay id=pay-chart", "marks:\n  - frame");
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/duplicate-id ${positionOf(markdown, "pay-chart", 2)}`]);
    expect(result.diagnostics[0]!.message).toBe('Another chart in this story already has the id "pay-chart".');
    expect(result.charts.map((c) => c.id)).toEqual(["pay-chart"]);
  });
});

describe("plot/render-failed", () => {
  it("an unknown scale type fails the chart at its fence, with Plot's reason and no stack trace", () => {
    const { result } = check("x: {type: logarithmic}\nmarks:\n  - barX: {y: name, x: salary}");
    expect(spans(result.diagnostics)).toEqual([`plot/render-failed ${PLOT_LINE}:1-${PLOT_LINE}:17`]);
    expect(result.diagnostics[0]!.message).toBe("Plot could not draw this chart: unknown scale type: logarithmic.");
    expect(result.diagnostics[0]!.message).not.toMatch(/\n|\bat .*\.js|node_modules/);
    expect(result.charts).toEqual([]);
    expect(result.ok).toBe(false);
  });
  it("an unknown colour scheme fails the chart", () => {
    const { result } = check("color: {scheme: rainbowz}\nmarks:\n  - barX: {y: name, x: salary, fill: dept}");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/render-failed"]);
    expect(result.diagnostics[0]!.message).toBe("Plot could not draw this chart: unknown ordinal scheme: rainbowz.");
  });
  it("an axis with no scale to draw fails the chart instead of crashing the build", () => {
    const { result } = check("marks:\n  - ruleY: [0]\n  - axisX: {}", "");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/render-failed"]);
    expect(result.diagnostics[0]!.message).toContain("missing scale: x");
  });
  it("one failed chart does not stop the next one", () => {
    const markdown = PAY + plotBlock("data=pay", "x: {type: nope}\nmarks:\n  - barX: {y: name, x: salary}") + "\n" + plotBlock("data=pay", "marks:\n  - barX: {y: name, x: salary}");
    const result = compile(markdown);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/render-failed"]);
    expect(result.charts).toHaveLength(1);
  });
  it("console.warn is given back after a chart fails", () => {
    const before = console.warn;
    check("x: {type: nope}\nmarks:\n  - barX: {y: name, x: salary}");
    expect(console.warn).toBe(before);
  });
});

const DATED = "```data id=monthly\nmonth,sales\n2024-01,10\n2024-02,12\n2024-03,9\n```\n\n";
// Numbers kept as text (types= forces it) make Plot warn that the y values "appear to be numbers".
const TEXTUAL = "```data id=textual types=\"sales:string\"\nmonth,sales\n2024-01,10\n2024-02,12\n2024-03,9\n```\n\n";
const WARNS = "marks:\n  - lineY: {x: month, y: sales}";

describe("plot/plot-warning", () => {
  it("Plot's warning about numbers written as text becomes a warning at the fence; the chart is still drawn", () => {
    const markdown = TEXTUAL + plotBlock("data=textual", WARNS);
    const result = compile(markdown);
    expect(where(result.diagnostics)).toEqual([`plot/plot-warning ${PLOT_LINE}:1`]);
    expect(result.diagnostics[0]!.severity).toBe("warning");
    expect(result.diagnostics[0]!.message).toMatch(/^Plot drew this chart but warned: some data associated with the y scale are strings that appear to be numbers/);
    expect(result.charts).toHaveLength(1);
    expect(result.ok).toBe(true);
  });
  it("nothing is printed to the console while a chart is drawn", () => {
    const printed: unknown[] = [];
    const before = console.warn;
    console.warn = (...args: unknown[]) => void printed.push(args);
    try {
      compile(TEXTUAL + plotBlock("data=textual", WARNS));
    } finally {
      console.warn = before;
    }
    expect(printed).toEqual([]);
  });
  it("each of two charts with the same warning gets its own diagnostic", () => {
    const markdown = TEXTUAL + plotBlock("data=textual", WARNS) + "\n" + plotBlock("data=textual", WARNS);
    const result = compile(markdown);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/plot-warning", "plot/plot-warning"]);
  });
  it("a chart the editor set up right (rect with an interval on dates) draws without warnings", () => {
    const result = compile(DATED + plotBlock("data=monthly", "marks:\n  - rectY: {x: month, y: sales, interval: month}"));
    expect(result.diagnostics).toEqual([]);
  });
  it("bars over dates get a band scale labelled at the data's precision, without Plot's warning", () => {
    const result = compile(DATED + plotBlock("data=monthly", "marks:\n  - barY: {x: month, y: sales}"));
    expect(result.diagnostics).toEqual([]);
    expect(result.charts[0]!.spec.options["x"]).toEqual({ type: "band", tickFormat: "%b %Y" });
    expect(result.charts[0]!.chartMarkup).toContain(">Jan 2024<");
  });
  it("an editor's own scale type or format is kept for bars over dates", () => {
    const result = compile(DATED + plotBlock("data=monthly", "x: {tickFormat: \"%m/%y\"}\nmarks:\n  - barY: {x: month, y: sales}"));
    expect(result.charts[0]!.spec.options["x"]).toEqual({ type: "band", tickFormat: "%m/%y" });
    expect(result.charts[0]!.chartMarkup).toContain(">01/24<");
  });
});

describe("one chart's problems are all reported together", () => {
  it("structure, names and values are checked in one pass, sorted by position", () => {
    const { result, at } = check("heigth: 300\nx: {percent: maybe}\nmarks:\n  - barX: {y: nme, x: salary, fil: dept}\n  - sparkle");
    expect(where(result.diagnostics)).toEqual([
      `plot/unknown-option ${at("heigth")}`,
      `plot/invalid-value ${at("maybe")}`,
      `plot/unknown-column ${at("nme")}`,
      `plot/unknown-option ${at("fil:")}`,
      `plot/unknown-mark ${at("sparkle")}`,
    ]);
    expect(result.charts).toEqual([]);
  });
  it("with a sound structure, columns and values are reported together", () => {
    const { found, at } = check("x: {percent: maybe}\nmarks:\n  - barX: {y: nme, x: salary}");
    expect(found).toEqual([`plot/invalid-value ${at("maybe")}`, `plot/unknown-column ${at("nme")}`]);
  });
});

it("payChart helper puts the chart fence on PLOT_LINE", () => {
  expect(positionOf(PAY + plotBlock("data=pay", "marks: []"), "```plot")).toBe(`${PLOT_LINE}:1`);
  expect(payChart("marks:\n  - frame").diagnostics).toEqual([]);
});

/**
 * Plot keeps its warning count and last message in module state, and resets them only at the end of
 * a successful Plot.plot. The build renders every chart of every story in one process.
 */
describe("Plot's warning state between charts", () => {
  // Numbers as text make Plot warn while it builds the scales; the misspelt ticks interval then
  // makes it throw while it draws the axis, before it resets its warning count.
  const WARNS_THEN_FAILS = "x: {ticks: monthly}\nmarks:\n  - lineY: {x: month, y: sales}";

  // BUG (src/engine/chart/compile-chart.ts, the render try/catch; src/engine/chart/render/render-chart-svg.ts):
  // after a chart that warned and then failed, Plot's pending warning count leaks into the next chart
  // drawn, which then shows readers Plot's "⚠️ 1 warning. Please check the console." although it is fine.
  // Fix: drain Plot's warning state after a failed render (e.g. render an empty Plot.plot({marks: []})
  // in the catch), and/or remove Plot's warning marker from the markup (see the test below).
  it("a chart that warned and then failed does not leave a warning marker on the next, clean chart", () => {
    const markdown = DATED + TEXTUAL + plotBlock("data=textual", WARNS_THEN_FAILS) + "\n" + plotBlock("data=monthly", "marks:\n  - rectY: {x: month, y: sales, interval: month}");
    const result = compile(markdown);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/render-failed"]);
    expect(result.charts).toHaveLength(1);
    expect(result.charts[0]!.chartMarkup).not.toContain("Please check the console");
  });

  // BUG (same place): Plot also remembers the last warning message and drops a repeat of it, so after a
  // chart that warned and failed, the next chart with the same problem gets no plot/plot-warning.
  it("a chart that warned and then failed does not swallow the same warning of the next chart", () => {
    const markdown = TEXTUAL + plotBlock("data=textual", WARNS_THEN_FAILS) + "\n" + plotBlock("data=textual", WARNS);
    const result = compile(markdown);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/render-failed", "plot/plot-warning"]);
  });

  // BUG (src/engine/chart/render/render-chart-svg.ts): Plot appends a "⚠️" text with the title "1 warning.
  // Please check the console." to a chart it warned about. Plotline reports the warning to the editor
  // as plot/plot-warning, but the marker stays in the published SVG, where readers see it and have no
  // console to check. Fix: remove Plot's warning <text> (the one holding "\u26a0\ufe0f") from the SVG.
  it("the published chart does not tell readers to check the console", () => {
    const result = compile(TEXTUAL + plotBlock("data=textual", WARNS));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plot/plot-warning"]);
    expect(result.charts[0]!.chartMarkup).not.toContain("Please check the console");
  });
});

describe("never a crash", () => {
  const odd = [
    "marks:\n  - barX: {y: name, x: {value: salary, label: Pay}}",
    "marks:\n  - barX: {y: name, x: salary, sort: 5, fill: 3}",
    "marks:\n  - dot: {y: name, x: salary, channels: 3}",
    "marks:\n  - barY: {x: dept, groupX: [1]}",
    "marks:\n  - barY: {x: dept, groupX: {y: {reduce: 5}}}",
    "marks:\n  - dot: {x: salary, y: salary, mapY: nonsense}",
    "marks:\n  - lineY: {x: salary, y: salary, windowY: {k: -1}}",
    "marks:\n  - barY: {x: dept, y: salary, normalizeY: nope}",
    "marks:\n  - ruleY: []",
    "marks: [null]",
    "marks:\n  - barX: null",
    "height: -5\nwidth: 0\nmarks:\n  - frame",
    "color: 5\nfacet: 5\nmarks:\n  - barX: {y: name, x: salary}",
    "projection: foo\nmarks:\n  - geo: {}",
    "marks:\n  - rect: {x: salary, y: salary, interval: fortnight}",
    "marks:\n  - raster: {x: salary, y: salary, fill: salary}",
    "marks:\n  - text: {x: salary, y: name, text: name, format: 5}",
    "marks:\n  - axisX: {data: pay}",
    "[1, 2",
    "{marks: }",
    "marks:\n  - barX: &a {y: name, x: salary}\n  - barX: *a",
    "marks:\n  - barX: !!binary aGVsbG8=",
  ];
  it.each(odd)("compiling %j gives diagnostics or a chart, and never throws", (yaml) => {
    const result = payChart(yaml);
    for (const d of result.diagnostics) {
      expect(d.span.start.line).toBeGreaterThanOrEqual(1);
      expect(d.span.start.column).toBeGreaterThanOrEqual(1);
      expect(d.message).not.toMatch(/\n\s+at /);
    }
    expect(result.charts.length + result.diagnostics.length).toBeGreaterThan(0);
  });
});

describe("Windows line ends and a byte-order mark", () => {
  it("a chart's diagnostics are at the same lines and columns", () => {
    const markdown = PAY + plotBlock("data=pay", "title: Pay\nmarks:\n  - barX:\n      y: nme\n      x: salery");
    const lf = compile(markdown);
    const crlf = compileStory({ path: STORY_PATH, text: `\uFEFF${story(markdown).replace(/\n/g, "\r\n")}` }, { dataFiles: memoryFiles() });
    expect(where(lf.diagnostics)).toEqual([`plot/unknown-column ${BODY_LINE + 3}:10`, `plot/unknown-column ${BODY_LINE + 4}:10`]);
    expect(crlf.diagnostics).toEqual(lf.diagnostics);
  });
});
